import { createHash, randomBytes } from "node:crypto";
import { appendAudit } from "../audit/audit-log.js";
import type { PlatformContext } from "../context.js";
import { PlatformError } from "../errors.js";
import type { Actor } from "./actor.js";
import { generatePassword } from "./password-hasher.js";
import { checkPasswordPolicy } from "./password-policy.js";
import type { SessionUser } from "./roles.js";

/** A signed-in session as the request sees it. */
export interface Session {
  readonly user: SessionUser;
  /** Token every state-changing request must echo (form field `_csrf` or header `x-csrf-token`). */
  readonly csrfToken: string;
  readonly expiresAt: Date;
}

/** A fresh login: the cookie token (only ever held by the browser) and the session. */
export interface LoginResult {
  readonly token: string;
  readonly session: Session;
}

/** Where a login request comes from. */
export interface RequestOrigin {
  readonly sourceIp: string | null;
  readonly requestId: string | null;
}

const tokenId = (token: string) => createHash("sha256").update(token).digest("hex");
// Verified against when the login id is unknown, so both paths take the same time.
let dummyHash: Promise<string> | undefined;

/**
 * Checks a login id and password. Every attempt is audited (`auth.login`, success, failure or
 * denied); after `lockout.maxFailures` consecutive failures the account is locked for
 * `lockout.lockMinutes`. The session id stored is the SHA-256 of the cookie token.
 *
 * @throws PlatformError `INVALID_CREDENTIALS`, `ACCOUNT_LOCKED`, `ACCOUNT_DISABLED`
 * @example
 * ```ts
 * const { token, session } = await login(platform, { loginId: "sato", password }, { sourceIp: "127.0.0.1", requestId: null });
 * ```
 */
export async function login(
  ctx: PlatformContext,
  credentials: { loginId: string; password: string },
  origin: RequestOrigin,
): Promise<LoginResult> {
  const now = ctx.clock();
  const loginId = credentials.loginId.trim().toLowerCase();
  const row = await ctx.db.selectFrom("users").selectAll().where("login_id", "=", loginId).executeTakeFirst();
  const anonymous = { id: null, login: loginId.slice(0, 64), ...origin };
  if (!row) {
    dummyHash ??= ctx.hasher.hash(generatePassword());
    await ctx.hasher.verify(await dummyHash, credentials.password);
    await appendAudit(
      ctx.db,
      anonymous,
      { action: "auth.login", result: "failure", detail: { reason: "unknown_user" } },
      { clock: ctx.clock },
    );
    throw new PlatformError("INVALID_CREDENTIALS");
  }
  const who = { id: row.id, login: row.login_id, ...origin };
  const target = { targetType: "user", targetId: row.id } as const;
  if (row.locked_until !== null && row.locked_until > now) {
    await appendAudit(
      ctx.db,
      who,
      { action: "auth.login", ...target, result: "denied", detail: { reason: "locked" } },
      { clock: ctx.clock },
    );
    throw new PlatformError("ACCOUNT_LOCKED", { message: row.login_id });
  }
  const ok = await ctx.hasher.verify(row.password_hash, credentials.password);
  if (!ok) {
    const failures = row.failed_attempts + 1;
    const lock = failures >= ctx.lockout.maxFailures;
    await ctx.db.transaction().execute(async (trx) => {
      await trx
        .updateTable("users")
        .set({
          failed_attempts: lock ? 0 : failures,
          locked_until: lock ? new Date(now.getTime() + ctx.lockout.lockMinutes * 60_000) : row.locked_until,
        })
        .where("id", "=", row.id)
        .execute();
      await appendAudit(
        trx,
        who,
        {
          action: "auth.login",
          ...target,
          result: "failure",
          detail: { reason: "bad_password", failures, locked: lock },
        },
        { clock: ctx.clock },
      );
      if (lock) {
        await appendAudit(
          trx,
          who,
          {
            action: "auth.lockout",
            ...target,
            result: "success",
            detail: { minutes: ctx.lockout.lockMinutes },
          },
          { clock: ctx.clock },
        );
      }
    });
    throw lock
      ? new PlatformError("ACCOUNT_LOCKED", { message: row.login_id })
      : new PlatformError("INVALID_CREDENTIALS");
  }
  if (row.disabled) {
    await appendAudit(
      ctx.db,
      who,
      { action: "auth.login", ...target, result: "denied", detail: { reason: "disabled" } },
      { clock: ctx.clock },
    );
    throw new PlatformError("ACCOUNT_DISABLED");
  }
  const token = randomBytes(32).toString("base64url");
  const csrfToken = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + ctx.sessions.idleMinutes * 60_000);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable("users")
      .set({ failed_attempts: 0, locked_until: null })
      .where("id", "=", row.id)
      .execute();
    await trx
      .insertInto("sessions")
      .values({
        id: tokenId(token),
        user_id: row.id,
        csrf_token: csrfToken,
        created_at: now,
        last_seen_at: now,
        expires_at: expiresAt,
        source_ip: origin.sourceIp,
      })
      .execute();
    await appendAudit(trx, who, { action: "auth.login", ...target, result: "success" }, { clock: ctx.clock });
  });
  return { token, session: { user: toSessionUser(row), csrfToken, expiresAt } };
}

function toSessionUser(row: {
  readonly id: number;
  readonly login_id: string;
  readonly display_name: string;
  readonly role: SessionUser["role"];
  readonly department_id: number | null;
  readonly must_change_password: boolean;
}): SessionUser {
  return {
    id: row.id,
    loginId: row.login_id,
    displayName: row.display_name,
    role: row.role,
    departmentId: row.department_id,
    mustChangePassword: row.must_change_password,
  };
}

/** Result of {@link resolveSession}. */
export type SessionLookup =
  | { readonly status: "valid"; readonly session: Session }
  | { readonly status: "expired" }
  | { readonly status: "unknown" };

/**
 * Finds the session of a cookie token and slides its idle expiry. Expired sessions (idle or
 * absolute) are deleted and reported as `expired`.
 *
 * @example
 * ```ts
 * const lookup = await resolveSession(platform, token);
 * if (lookup.status === "valid") lookup.session.user.loginId;
 * ```
 */
export async function resolveSession(ctx: PlatformContext, token: string): Promise<SessionLookup> {
  const now = ctx.clock();
  const row = await ctx.db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .select([
      "sessions.id as session_id",
      "sessions.csrf_token",
      "sessions.created_at",
      "sessions.expires_at",
      "users.id",
      "users.login_id",
      "users.display_name",
      "users.role",
      "users.department_id",
      "users.must_change_password",
      "users.disabled",
    ])
    .where("sessions.id", "=", tokenId(token))
    .executeTakeFirst();
  if (!row) return { status: "unknown" };
  const absoluteEnd = row.created_at.getTime() + ctx.sessions.absoluteHours * 3_600_000;
  if (row.expires_at <= now || absoluteEnd <= now.getTime() || row.disabled) {
    await ctx.db.deleteFrom("sessions").where("id", "=", row.session_id).execute();
    return { status: "expired" };
  }
  const expiresAt = new Date(Math.min(now.getTime() + ctx.sessions.idleMinutes * 60_000, absoluteEnd));
  await ctx.db
    .updateTable("sessions")
    .set({ last_seen_at: now, expires_at: expiresAt })
    .where("id", "=", row.session_id)
    .execute();
  return {
    status: "valid",
    session: {
      csrfToken: row.csrf_token,
      expiresAt,
      user: toSessionUser(row),
    },
  };
}

/**
 * Ends a session (audited as `auth.logout`).
 *
 * @example
 * ```ts
 * await logout(platform, token, actor);
 * ```
 */
export async function logout(ctx: PlatformContext, token: string, actor: Actor): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom("sessions").where("id", "=", tokenId(token)).execute();
    await appendAudit(
      trx,
      actor,
      { action: "auth.logout", targetType: "user", targetId: actor.user?.id ?? "" },
      { clock: ctx.clock },
    );
  });
}

/**
 * Changes the acting user's own password after checking the current one and the policy; other
 * sessions of the user are ended. Audited as `user.password_change`.
 *
 * @throws PlatformError `UNAUTHENTICATED`, `INVALID_CREDENTIALS`, `PASSWORD_POLICY`
 * @example
 * ```ts
 * await changePassword(platform, actor, { current: oldPassword, next: "春の小川は-さらさら行くよ" });
 * ```
 */
export async function changePassword(
  ctx: PlatformContext,
  actor: Actor,
  input: { current: string; next: string },
): Promise<void> {
  const user = actor.user;
  if (user === null) throw new PlatformError("UNAUTHENTICATED");
  const row = await ctx.db
    .selectFrom("users")
    .select(["password_hash"])
    .where("id", "=", user.id)
    .executeTakeFirstOrThrow();
  if (!(await ctx.hasher.verify(row.password_hash, input.current))) {
    await appendAudit(
      ctx.db,
      actor,
      { action: "user.password_change", targetType: "user", targetId: user.id, result: "failure" },
      { clock: ctx.clock },
    );
    throw new PlatformError("INVALID_CREDENTIALS", {
      messageJa: "現在のパスワードが正しくありません。",
      issues: [{ path: "current", message: "現在のパスワードが正しくありません。" }],
    });
  }
  const violations = checkPasswordPolicy(input.next, user, ctx.passwordPolicy);
  if (input.next === input.current) {
    violations.push({ code: "COMMON", message: "現在と異なるパスワードにしてください。" });
  }
  if (violations.length > 0) {
    throw new PlatformError("PASSWORD_POLICY", {
      issues: violations.map((v) => ({ path: "next", message: v.message })),
    });
  }
  const hash = await ctx.hasher.hash(input.next);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable("users")
      .set({ password_hash: hash, must_change_password: false, password_changed_at: ctx.clock() })
      .where("id", "=", user.id)
      .execute();
    await appendAudit(
      trx,
      actor,
      { action: "user.password_change", targetType: "user", targetId: user.id },
      { clock: ctx.clock },
    );
  });
}

/**
 * On first start (no users yet) creates the system administrator `admin` with a one-time
 * password that must be changed at first login. Returns that password exactly once; later calls
 * return `undefined`.
 *
 * @example
 * ```ts
 * const first = await bootstrapAdmin(platform);
 * if (first) process.stdout.write(`admin / ${first.password}\n`);
 * ```
 */
export async function bootstrapAdmin(
  ctx: PlatformContext,
  options: { loginId?: string; password?: string } = {},
): Promise<{ loginId: string; password: string } | undefined> {
  const loginId = options.loginId ?? "admin";
  const password = options.password ?? generatePassword();
  const hash = await ctx.hasher.hash(password);
  return ctx.db.transaction().execute(async (trx) => {
    // Serialise concurrent first starts on the audit head lock.
    await trx.selectFrom("audit_head").select("seq").where("id", "=", 1).forUpdate().execute();
    const any = await trx.selectFrom("users").select("id").limit(1).executeTakeFirst();
    if (any) return undefined;
    const row = await trx
      .insertInto("users")
      .values({
        login_id: loginId,
        display_name: "システム管理者",
        role: "system_admin",
        department_id: null,
        password_hash: hash,
        must_change_password: true,
        password_changed_at: ctx.clock(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await appendAudit(
      trx,
      { id: null, login: "system", sourceIp: null, requestId: null },
      { action: "user.bootstrap_admin", targetType: "user", targetId: row.id, detail: { loginId } },
      { clock: ctx.clock },
    );
    return { loginId, password };
  });
}
