import type { Transaction } from "kysely";
import { appendAudit } from "../audit/audit-log.js";
import type { AuditActor } from "../audit/audit-record.js";
import type { PlatformContext } from "../context.js";
import { PlatformError } from "../errors.js";
import type { PlatformTables } from "../storage/schema.js";
import type { Actor } from "./actor.js";
import { clearAccountLocks } from "./login-throttle.js";
import { generatePassword } from "./password-hasher.js";
import { can } from "./roles.js";

type Trx = Transaction<PlatformTables>;
/** What the administration functions need of the platform (the break-glass CLI has no more). */
export type AdminContext = Pick<PlatformContext, "db" | "clock" | "hasher"> &
  Partial<Pick<PlatformContext, "passwordPolicy">>;
type TargetRow = { id: number; login_id: string; role: string; department_id: number | null };

/** Loads the target under a row lock and checks that the actor may manage it (else audited `denied`). */
async function managedTarget(
  trx: Trx,
  actor: Actor | AuditActor,
  userId: number,
  action: string,
): Promise<TargetRow> {
  const row = await trx
    .selectFrom("users")
    .select(["id", "login_id", "role", "department_id"])
    .where("id", "=", userId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new PlatformError("NOT_FOUND", { message: `user ${userId}` });
  const by = "user" in actor ? actor.user : null;
  if (by === null || can(by, "manage_all_users")) return row;
  const departmentAdminMay =
    can(by, "manage_department_users") &&
    row.department_id === by.departmentId &&
    (row.role === "staff" || row.role === "read_only");
  if (!departmentAdminMay) throw new PlatformError("FORBIDDEN", { message: `${action} of user ${userId}` });
  return row;
}

async function run<T>(
  ctx: AdminContext,
  actor: Actor | AuditActor,
  userId: number,
  action: string,
  body: (trx: Trx, row: TargetRow) => Promise<{ detail: Record<string, unknown>; value: T }>,
): Promise<T> {
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const row = await managedTarget(trx, actor, userId, action);
      const { detail, value } = await body(trx, row);
      await appendAudit(
        trx,
        actor,
        { action, targetType: "user", targetId: row.id, detail: { loginId: row.login_id, ...detail } },
        { clock: ctx.clock },
      );
      return value;
    });
  } catch (error) {
    if (error instanceof PlatformError && error.code === "FORBIDDEN") {
      await appendAudit(
        ctx.db,
        actor,
        { action, targetType: "user", targetId: userId, result: "denied" },
        { clock: ctx.clock },
      );
    }
    throw error;
  }
}

/**
 * Lifts every login lock of a user (from every client address). Audited as `user.unlock`.
 * System admins, or a department admin for staff and read-only users of their department.
 *
 * @throws PlatformError `FORBIDDEN`, `NOT_FOUND`
 * @example
 * ```ts
 * await unlockUser(platform, actor, 7); // 1 lock lifted
 * ```
 */
export async function unlockUser(
  ctx: AdminContext,
  actor: Actor | AuditActor,
  userId: number,
): Promise<number> {
  return run(ctx, actor, userId, "user.unlock", async (trx, row) => {
    const lifted = await clearAccountLocks(trx, row.login_id, ctx.clock());
    await trx
      .updateTable("users")
      .set({ failed_attempts: 0, locked_until: null })
      .where("id", "=", row.id)
      .execute();
    return { detail: { locksLifted: lifted }, value: lifted };
  });
}

/**
 * Disables (every session ends at once) or re-enables a user. Audited as `user.disable` /
 * `user.enable`. Nobody can disable themselves.
 *
 * @throws PlatformError `FORBIDDEN`, `NOT_FOUND`, `VALIDATION_FAILED` (oneself)
 * @example
 * ```ts
 * await setUserDisabled(platform, actor, 7, true);
 * ```
 */
export async function setUserDisabled(
  ctx: AdminContext,
  actor: Actor | AuditActor,
  userId: number,
  disabled: boolean,
): Promise<void> {
  if (disabled && ("user" in actor ? actor.user?.id : actor.id) === userId) {
    throw new PlatformError("VALIDATION_FAILED", {
      message: "cannot disable oneself",
      messageJa: "自分自身を利用停止にすることはできません。",
    });
  }
  await run(ctx, actor, userId, disabled ? "user.disable" : "user.enable", async (trx, row) => {
    await trx.updateTable("users").set({ disabled }).where("id", "=", row.id).execute();
    const ended = disabled
      ? Number(
          (await trx.deleteFrom("sessions").where("user_id", "=", row.id).executeTakeFirst()).numDeletedRows,
        )
      : 0;
    return { detail: { endedSessions: ended }, value: undefined };
  });
}

/**
 * Gives a user a new one-time password (to be changed at the next login), ends every session of
 * the user and lifts their login locks. Audited as `user.password_reset` (never the password).
 * Also the break-glass path: the server-side CLI calls it with the operating-system user as actor.
 *
 * @returns the one-time password, to be handed over once
 * @throws PlatformError `FORBIDDEN`, `NOT_FOUND`
 * @example
 * ```ts
 * const oneTime = await resetUserPassword(platform, actor, 7);
 * ```
 */
export async function resetUserPassword(
  ctx: AdminContext,
  actor: Actor | AuditActor,
  userId: number,
): Promise<string> {
  return run(ctx, actor, userId, "user.password_reset", async (trx, row) => {
    // Generated for this user (not containing their login id) and hashed under the row lock.
    const password = generatePassword({
      context: { loginId: row.login_id },
      ...(ctx.passwordPolicy ? { policy: ctx.passwordPolicy } : {}),
    });
    const hash = await ctx.hasher.hash(password);
    await trx
      .updateTable("users")
      .set({
        password_hash: hash,
        must_change_password: true,
        password_changed_at: ctx.clock(),
        failed_attempts: 0,
        locked_until: null,
      })
      .where("id", "=", row.id)
      .execute();
    const ended = await trx.deleteFrom("sessions").where("user_id", "=", row.id).executeTakeFirst();
    const lifted = await clearAccountLocks(trx, row.login_id, ctx.clock());
    return { detail: { endedSessions: Number(ended.numDeletedRows), locksLifted: lifted }, value: password };
  });
}
