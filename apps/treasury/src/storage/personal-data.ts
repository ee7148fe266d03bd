import { type Actor, appendAudit, can, type Platform, PlatformError } from "@ward/platform";

/** Outputs that carry creditors' or payees' personal data (addresses, bank accounts, names). */
export type PersonalDataOutput = "payment_advice" | "creditor_letter" | "failed_transfers";

/** What {@link auditPersonalDataRead} records about one read. */
export interface PersonalDataRead {
  readonly output: PersonalDataOutput;
  /** Month, creditor id or filter the read covered. */
  readonly target: string;
  /** `html`, `xlsx`, `csv` or `pdf`. */
  readonly format: string;
  /** How many people's records the output holds. */
  readonly records: number;
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
  if (actor.user !== null && can(actor.user, "personal_data")) return;
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

/**
 * Records who read which personal data and how many people's records it held, before the
 * output leaves the app (an unaudited read is never served: if this fails, nothing is sent).
 *
 * @example
 * await auditPersonalDataRead(platform, actor, { output: "payment_advice", target: "2025-12", format: "pdf", records: 12 });
 */
export async function auditPersonalDataRead(
  platform: Platform,
  actor: Actor,
  read: PersonalDataRead,
): Promise<void> {
  await appendAudit(
    platform.db,
    actor,
    {
      action: "treasury.personal_data.read",
      targetType: read.output,
      targetId: read.target,
      detail: { format: read.format, records: read.records },
    },
    { clock: platform.clock },
  );
}
