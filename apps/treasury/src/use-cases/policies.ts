import { type Actor, appendAudit, can, type Permission, type Platform, PlatformError } from "@ward/platform";
import type { PersonalDataOutput } from "../storage/personal-data.js";

/**
 * Who may do what in the treasury, in one place: each use case names its action, each route gates
 * on the same action's permission (so a refused request is audited with its path before any work).
 */
export const POLICIES = {
  viewReceipts: "read",
  reconcileNotices: "read",
  importNotices: "write",
  registerCreditor: "write",
  importPayments: "write",
  recordFailedTransfers: "write",
  recordStamps: "write",
  recordWork: "write",
  readPersonalData: "personal_data",
} as const satisfies Record<string, Permission>;

/** An action of {@link POLICIES}. */
export type TreasuryAction = keyof typeof POLICIES;

/**
 * Whether `actor` may do `action`. The system and command-line actors (no signed-in user) act as the
 * operator who runs them, except for personal data, which always needs a user holding the grant.
 *
 * @example
 * allows({ user: staff, sourceIp: null, requestId: null }, "importNotices"); // => true
 */
export function allows(actor: Actor, action: TreasuryAction): boolean {
  const permission = POLICIES[action];
  if (actor.user === null) return permission !== "personal_data";
  return can(actor.user, permission);
}

/**
 * Refuses an action the actor may not do.
 *
 * @throws PlatformError `FORBIDDEN`
 * @example
 * authorize(c.get("actor"), "importNotices");
 */
export function authorize(actor: Actor, action: TreasuryAction): void {
  if (!allows(actor, action)) {
    throw new PlatformError("FORBIDDEN", { message: `${POLICIES[action]} for ${action}` });
  }
}

/**
 * Refuses a personal-data read by an actor without the `personal_data` permission (a command
 * line without `--user` included), auditing the refusal.
 *
 * @throws PlatformError `FORBIDDEN` with a Japanese message telling the clerk what to do
 * @example
 * await requirePersonalData(platform, actor, "payment_advice");
 */
export async function requirePersonalData(
  platform: Platform,
  actor: Actor,
  output: PersonalDataOutput,
): Promise<void> {
  if (allows(actor, "readPersonalData")) return;
  await appendAudit(
    platform.db,
    actor,
    { action: "treasury.personal_data.read", targetType: output, result: "denied" },
    { clock: platform.clock },
  );
  throw new PlatformError("FORBIDDEN", {
    message: `personal_data for ${output}`,
    messageJa:
      actor.user === null
        ? "個人情報（住所・口座）を含む出力です。--user に個人情報閲覧の権限を持つ利用者のログインIDを指定してください。"
        : "個人情報（住所・口座）を含む出力には「個人情報の閲覧」の権限が必要です。システム管理者に依頼してください。",
  });
}
