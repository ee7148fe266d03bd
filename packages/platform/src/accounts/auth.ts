import { createHash, randomBytes, randomInt } from "node:crypto";
import { appendAudit } from "../audit/audit-log.js";
import type { PlatformContext } from "../context.js";
import { PlatformError } from "../errors.js";
import { toTokyoIso } from "../time.js";
import type { Actor } from "./actor.js";
import { purgeLoginThrottle, reserveLoginAttempt, settleSuccessfulLogin } from "./login-throttle.js";
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
 * Checks a login id and password. Before any password is looked at, one attempt is reserved for
 * this login id and client address under a row lock ({@link reserveLoginAttempt}), so parallel
 * requests cannot check more than `lockout.maxFailures` passwords; the login id is then locked
 * for that client (doubling each time) and a client address trying many ids is blocked. Unknown,
 * disabled and real accounts answer alike. Every attempt is audited (`auth.login`, `auth.lockout`)
 * naming the login id tried and the client address. The session id stored is the SHA-256 of the
 * cookie token; with `sessions.endOthersOnLogin` the user's older sessions end.
 *
 * @throws PlatformError `INVALID_CREDENTIALS`, `ACCOUNT_LOCKED`, `TOO_MANY_ATTEMPTS`
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
  const loginId = credentials.loginId.trim().toLowerCase().slice(0, 64);
  // Built field by field: an Actor passed as origin must not turn the record into `system`.
  const tried = { id: null, login: loginId, sourceIp: origin.sourceIp, requestId: origin.requestId };
  const reservation = await reserveLoginAttempt(ctx, loginId, origin.sourceIp);
  // About one attempt in a hundred tidies up, so the table stays small without a scheduler.
  if (randomInt(100) === 0) await purgeLoginThrottle(ctx, ctx.clock());
  if (!reservation.allowed) {
    await appendAudit(
      ctx.db,
      tried,
      {
        action: "auth.login",
        result: "denied",
        detail: { reason: reservation.reason, until: toTokyoIso(reservation.until) },
      },
      { clock: ctx.clock },
    );
    throw new PlatformError(reservation.reason === "locked" ? "ACCOUNT_LOCKED" : "TOO_MANY_ATTEMPTS");
  }
  const row = await ctx.db.selectFrom("users").selectAll().where("login_id", "=", loginId).executeTakeFirst();
  let ok: boolean;
  if (row) ok = await ctx.hasher.verify(row.password_hash, credentials.password);
  else {
    dummyHash ??= ctx.hasher.hash(generatePassword());
    await ctx.hasher.verify(await dummyHash, credentials.password);
    ok = false;
  }
  const who = row ? { ...tried, id: row.id } : tried;
  const target = row ? ({ targetType: "user", targetId: row.id } as const) : {};
  if (!row || !ok || row.disabled) {
    const reason = !row ? "unknown_user" : !ok ? "bad_password" : "disabled";
    const locked = reservation.locked;
    await ctx.db.transaction().execute(async (trx) => {
      await appendAudit(
        trx,
        who,
        {
          action: "auth.login",
          ...target,
          result: "failure",
          detail: { reason, attempt: reservation.attempt, locked: locked !== null },
        },
        { clock: ctx.clock },
      );
      if (locked) {
        await appendAudit(
          trx,
          who,
          {
            action: "auth.lockout",
            ...target,
            result: "success",
            detail: {
              minutes: locked.minutes,
              until: toTokyoIso(locked.until),
              lockCount: locked.lockCount,
              ...(row ? {} : { unknownUser: true }),
            },
          },
          { clock: ctx.clock },
        );
      }
      if (reservation.clientBlocked) {
        await appendAudit(
          trx,
          who,
          {
            action: "auth.client_blocked",
            result: "success",
            detail: { minutes: ctx.lockout.clientWindowMinutes },
          },
          { clock: ctx.clock },
        );
      }
    });
    // A disabled account answers exactly like a wrong password.
    throw new PlatformError(locked ? "ACCOUNT_LOCKED" : "INVALID_CREDENTIALS");
  }
  const now = ctx.clock();
  const token = randomBytes(32).toString("base64url");
  const csrfToken = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + ctx.sessions.idleMinutes * 60_000);
  await ctx.db.transaction().execute(async (trx) => {
    await settleSuccessfulLogin(trx, loginId, origin.sourceIp, reservation.clientBlocked);
    const ended = ctx.sessions.endOthersOnLogin
      ? await trx.deleteFrom("sessions").where("user_id", "=", row.id).executeTakeFirst()
      : undefined;
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
    await appendAudit(
      trx,
      who,
      {
        action: "auth.login",
        ...target,
        result: "success",
        ...(ended && ended.numDeletedRows > 0n
          ? { detail: { endedSessions: Number(ended.numDeletedRows) } }
          : {}),
      },
      { clock: ctx.clock },
    );
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
 * Changes the acting user's own password after checking the current one and the policy; every
 * other session of the user ends (all of them when `options.currentToken` is not given). Audited
 * as `user.password_change` with the number of sessions ended.
 *
 * @throws PlatformError `UNAUTHENTICATED`, `INVALID_CREDENTIALS`, `PASSWORD_POLICY`
 * @example
 * ```ts
 * await changePassword(platform, actor, { current: oldPassword, next: "春の小川は-さらさら行くよ" }, { currentToken });
 * ```
 */
export async function changePassword(
  ctx: PlatformContext,
  actor: Actor,
  input: { current: string; next: string },
  options: { readonly currentToken?: string | null } = {},
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
    let others = trx.deleteFrom("sessions").where("user_id", "=", user.id);
    if (options.currentToken) others = others.where("id", "<>", tokenId(options.currentToken));
    const ended = await others.executeTakeFirst();
    await appendAudit(
      trx,
      actor,
      {
        action: "user.password_change",
        targetType: "user",
        targetId: user.id,
        detail: { endedSessions: Number(ended.numDeletedRows) },
      },
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
  const password =
    options.password ??
    generatePassword({ context: { loginId, displayName: "システム管理者" }, policy: ctx.passwordPolicy });
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
