import { sql } from "kysely";
import { z } from "zod";
import { appendAudit } from "../audit/audit-log.js";
import type { PlatformContext } from "../context.js";
import { PlatformError } from "../errors.js";
import { sqlState, UNIQUE_VIOLATION } from "../internal/db-errors.js";
import { ROLES, type Role } from "../storage/schema.js";
import type { Actor } from "./actor.js";
import { clearAccountLocks } from "./login-throttle.js";
import { generatePassword } from "./password-hasher.js";
import { checkPasswordPolicy } from "./password-policy.js";
import { can, type SessionUser } from "./roles.js";

/** A user as listed on admin screens (never the password hash). */
export interface UserSummary extends SessionUser {
  readonly disabled: boolean;
  readonly lockedUntil: Date | null;
  readonly failedAttempts: number;
  readonly groupIds: readonly number[];
}

/** Input of {@link createUser}. */
export const createUserInput = z.object({
  loginId: z
    .string()
    .trim()
    .regex(/^[a-z0-9._-]{3,64}$/, "ログインIDは半角英小文字・数字・記号（. _ -）で3〜64文字にしてください。"),
  displayName: z
    .string()
    .trim()
    .min(1, "氏名を入力してください。")
    .max(100, "氏名は100文字以内にしてください。"),
  role: z.enum(ROLES, "権限を選択してください。"),
  departmentId: z.number().int().positive().nullable(),
  password: z.string().optional(),
  groupIds: z.array(z.number().int().positive()).optional(),
});
/** Input of {@link createUser}. */
export type CreateUserInput = z.input<typeof createUserInput>;

async function deny(
  ctx: PlatformContext,
  actor: Actor,
  action: string,
  detail: Record<string, unknown>,
): Promise<never> {
  await appendAudit(ctx.db, actor, { action, result: "denied", detail }, { clock: ctx.clock });
  throw new PlatformError("FORBIDDEN", { message: `${action} by ${actor.user?.loginId ?? "system"}` });
}

function issuesFromZod(error: z.ZodError) {
  return error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
}

/**
 * Creates a user, its group memberships and the audit record in one transaction. A department
 * admin may create staff and read-only users of their own department only. Without a password a
 * one-time password is generated and must be changed at first login.
 *
 * @param ctx - the platform
 * @param actor - who creates (null user: the system)
 * @param input - login id, name, role, department, optional password and groups
 * @returns the user and, when generated, the one-time password
 * @throws PlatformError `VALIDATION_FAILED`, `PASSWORD_POLICY`, `FORBIDDEN`, `CONFLICT` (login id taken)
 * @example
 * ```ts
 * const { user, initialPassword } = await createUser(platform, actor, {
 *   loginId: "sato", displayName: "佐藤 花子", role: "staff", departmentId: 1,
 * });
 * ```
 */
export async function createUser(
  ctx: PlatformContext,
  actor: Actor,
  input: CreateUserInput,
): Promise<{ user: SessionUser; initialPassword?: string }> {
  const parsed = createUserInput.safeParse(input);
  if (!parsed.success) throw new PlatformError("VALIDATION_FAILED", { issues: issuesFromZod(parsed.error) });
  const data = parsed.data;
  const by = actor.user;
  if (by !== null && !can(by, "manage_all_users")) {
    const allowed =
      can(by, "manage_department_users") &&
      data.departmentId === by.departmentId &&
      (data.role === "staff" || data.role === "read_only");
    if (!allowed) await deny(ctx, actor, "user.create", { loginId: data.loginId, role: data.role });
  }
  const generated =
    data.password === undefined ? generatePassword({ context: data, policy: ctx.passwordPolicy }) : undefined;
  const password = data.password ?? (generated as string);
  const violations = checkPasswordPolicy(password, data, ctx.passwordPolicy);
  if (violations.length > 0) {
    throw new PlatformError("PASSWORD_POLICY", {
      issues: violations.map((v) => ({ path: "password", message: v.message })),
    });
  }
  const passwordHash = await ctx.hasher.hash(password);
  try {
    const user = await ctx.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto("users")
        .values({
          login_id: data.loginId,
          display_name: data.displayName,
          role: data.role,
          department_id: data.departmentId,
          password_hash: passwordHash,
          must_change_password: generated !== undefined,
          password_changed_at: ctx.clock(),
        })
        .returning(["id"])
        .executeTakeFirstOrThrow();
      await appendAudit(
        trx,
        actor,
        {
          action: "user.create",
          targetType: "user",
          targetId: row.id,
          detail: {
            loginId: data.loginId,
            role: data.role,
            departmentId: data.departmentId,
            groupIds: data.groupIds ?? [],
          },
        },
        { clock: ctx.clock },
      );
      for (const groupId of data.groupIds ?? []) {
        await trx.insertInto("group_members").values({ group_id: groupId, user_id: row.id }).execute();
      }
      return {
        id: row.id,
        loginId: data.loginId,
        displayName: data.displayName,
        role: data.role,
        departmentId: data.departmentId,
        mustChangePassword: generated !== undefined,
      } satisfies SessionUser;
    });
    return generated === undefined ? { user } : { user, initialPassword: generated };
  } catch (error) {
    if (sqlState(error) === UNIQUE_VIOLATION) {
      throw new PlatformError("CONFLICT", {
        message: `login id ${data.loginId} exists`,
        messageJa: "このログインIDは既に使われています。",
        issues: [{ path: "loginId", message: "このログインIDは既に使われています。" }],
        cause: error,
      });
    }
    throw error;
  }
}

/**
 * Lists users (a department admin sees their department only).
 *
 * @example
 * ```ts
 * const users = await listUsers(platform, actor);
 * ```
 */
export async function listUsers(ctx: PlatformContext, actor: Actor): Promise<UserSummary[]> {
  const by = actor.user;
  if (by !== null && !can(by, "manage_department_users")) await deny(ctx, actor, "user.list", {});
  let q = ctx.db
    .selectFrom("users")
    .select([
      "id",
      "login_id",
      "display_name",
      "role",
      "department_id",
      "must_change_password",
      "disabled",
      // Locks live per client address in login_throttle: the latest lock and the most attempts.
      sql<Date | null>`(select max(t.locked_until) from login_throttle t where t.scope = 'account' and t.login_id = users.login_id)`.as(
        "locked_until",
      ),
      sql<number>`coalesce((select max(t.attempts) from login_throttle t where t.scope = 'account' and t.login_id = users.login_id and (t.locked_until is null or t.locked_until > ${ctx.clock()})), 0)::int`.as(
        "failed_attempts",
      ),
      sql<
        number[] | null
      >`(select array_agg(gm.group_id order by gm.group_id) from group_members gm where gm.user_id = users.id)`.as(
        "group_ids",
      ),
    ])
    .orderBy("id");
  if (by !== null && !can(by, "manage_all_users")) q = q.where("department_id", "=", by.departmentId);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    loginId: r.login_id,
    displayName: r.display_name,
    role: r.role,
    departmentId: r.department_id,
    mustChangePassword: r.must_change_password,
    disabled: r.disabled,
    lockedUntil: r.locked_until,
    failedAttempts: r.failed_attempts,
    groupIds: r.group_ids ?? [],
  }));
}

/** Changes of {@link updateUser}. */
export interface UserChanges {
  readonly role?: Role;
  readonly departmentId?: number | null;
  readonly disabled?: boolean;
  /** Clears a lockout. */
  readonly unlock?: boolean;
}

/**
 * Changes a user's role, department, disabled flag or lockout, with an audit record in the
 * same transaction. System admins only.
 *
 * @throws PlatformError `FORBIDDEN`, `NOT_FOUND`
 * @example
 * ```ts
 * await updateUser(platform, actor, 7, { disabled: true });
 * ```
 */
export async function updateUser(
  ctx: PlatformContext,
  actor: Actor,
  userId: number,
  changes: UserChanges,
): Promise<void> {
  if (actor.user !== null && !can(actor.user, "manage_all_users")) {
    await deny(ctx, actor, "user.update", { userId, ...changes });
  }
  await ctx.db.transaction().execute(async (trx) => {
    const set: Record<string, unknown> = {};
    if (changes.role !== undefined) set.role = changes.role;
    if (changes.departmentId !== undefined) set.department_id = changes.departmentId;
    if (changes.disabled !== undefined) set.disabled = changes.disabled;
    if (changes.unlock) Object.assign(set, { locked_until: null, failed_attempts: 0 });
    const result = await trx
      .updateTable("users")
      .set(set)
      .where("id", "=", userId)
      .returning(["login_id"])
      .executeTakeFirst();
    if (result === undefined) throw new PlatformError("NOT_FOUND", { message: `user ${userId}` });
    if (changes.unlock) await clearAccountLocks(trx, result.login_id, ctx.clock());
    if (changes.disabled === true) await trx.deleteFrom("sessions").where("user_id", "=", userId).execute();
    await appendAudit(
      trx,
      actor,
      { action: "user.update", targetType: "user", targetId: userId, detail: { ...changes } },
      { clock: ctx.clock },
    );
  });
}
