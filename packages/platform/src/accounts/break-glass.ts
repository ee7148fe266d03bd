import { appendAudit } from "../audit/audit-log.js";
import type { AuditActor } from "../audit/audit-record.js";
import { PlatformError } from "../errors.js";
import { clearClientBlock } from "./login-throttle.js";
import { type AdminContext, resetUserPassword, setUserDisabled, unlockUser } from "./user-admin.js";

/** What {@link breakGlass} should do besides lifting the login locks. */
export interface BreakGlassRequest {
  /** The account to let back in, e.g. `admin`. */
  readonly loginId: string;
  /** The operating-system user running the command (recorded as actor `os:<name>`). */
  readonly osUser: string;
  /** The host it runs on (recorded in the audit detail). */
  readonly host: string;
  /** Issue a new one-time password (ends every session of the account). */
  readonly resetPassword?: boolean;
  /** Re-enable a disabled account. */
  readonly enable?: boolean;
  /** Also lift the block of this client address. */
  readonly client?: string;
}

/**
 * The administrators' way back in when every screen is closed to them (locked out, password
 * lost, the only admin disabled): lifts the account's login locks and, on request, re-enables it,
 * unblocks a client address and issues a one-time password. Run only on the server host (the
 * `ward-break-glass` CLI), audited as `auth.break_glass` with the OS user as actor.
 *
 * @returns the one-time password when one was issued
 * @throws PlatformError `NOT_FOUND` for an unknown login id
 * @example
 * ```ts
 * const { oneTimePassword } = await breakGlass(ctx, { loginId: "admin", osUser: "root", host: "ap01", resetPassword: true });
 * ```
 */
export async function breakGlass(
  ctx: AdminContext,
  request: BreakGlassRequest,
): Promise<{ userId: number; locksLifted: number; clientUnblocked: boolean; oneTimePassword?: string }> {
  const loginId = request.loginId.trim().toLowerCase();
  const user = await ctx.db
    .selectFrom("users")
    .select(["id"])
    .where("login_id", "=", loginId)
    .executeTakeFirst();
  if (!user) throw new PlatformError("NOT_FOUND", { message: `login id ${loginId}` });
  const actor: AuditActor = { id: null, login: `os:${request.osUser}`, sourceIp: null, requestId: null };
  const locksLifted = await unlockUser(ctx, actor, user.id);
  if (request.enable) await setUserDisabled(ctx, actor, user.id, false);
  const client = request.client;
  const clientUnblocked =
    client === undefined
      ? false
      : await ctx.db.transaction().execute((trx) => clearClientBlock(trx, client, ctx.clock()));
  const oneTimePassword = request.resetPassword ? await resetUserPassword(ctx, actor, user.id) : undefined;
  await appendAudit(
    ctx.db,
    actor,
    {
      action: "auth.break_glass",
      targetType: "user",
      targetId: user.id,
      detail: {
        loginId,
        host: request.host,
        locksLifted,
        enabled: request.enable === true,
        client: client ?? null,
        clientUnblocked,
        passwordReset: oneTimePassword !== undefined,
      },
    },
    { clock: ctx.clock },
  );
  return {
    userId: user.id,
    locksLifted,
    clientUnblocked,
    ...(oneTimePassword === undefined ? {} : { oneTimePassword }),
  };
}
