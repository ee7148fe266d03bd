import { hostname, userInfo } from "node:os";
import type { Actor } from "../accounts/actor.js";
import { login, logout } from "../accounts/auth.js";
import type { PlatformContext } from "../context.js";
import { PlatformError } from "../errors.js";

/** Who runs a command line: the OS account and host (defaults: this process's). */
export interface OsIdentity {
  readonly username?: string;
  readonly host?: string;
  /** Read when the OS has no account entry (containers): `USER`, `USERNAME`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

function osUsername(identity: OsIdentity): string {
  if (identity.username !== undefined) return identity.username;
  try {
    return userInfo().username;
  } catch {
    const env = identity.env ?? process.env;
    return env.USER ?? env.USERNAME ?? "unknown";
  }
}

// Audit logins are text columns shown on screens; keep them printable and short.
const clean = (text: string) => text.replace(/[^\p{L}\p{N}._\\-]/gu, "_").slice(0, 64);

/**
 * The actor of a command-line action when nobody signs in: the OS user on this host, so the
 * audit trail names a person (`os:yamada@ward-pc01`) instead of `system`.
 *
 * @param identity - defaults to this process's OS user and host
 * @returns an actor without a platform user whose audit login is `os:<user>@<host>`
 * @example
 * ```ts
 * osActor({ username: "yamada", host: "ward-pc01" }).login; // "os:yamada@ward-pc01"
 * ```
 */
export function osActor(identity: OsIdentity = {}): Actor {
  const host = clean(identity.host ?? hostname());
  return {
    user: null,
    sourceIp: `cli:${host}`,
    requestId: null,
    login: `os:${clean(osUsername(identity))}@${host}`,
  };
}

/** A platform user signed in from a command line; `end()` ends the session (audited). */
export interface CliSession {
  readonly actor: Actor;
  end(): Promise<void>;
}

/**
 * Signs a platform user in from a command line (`--user`): the same password check, lockout and
 * `auth.login` audit as the login screen; the actor then carries the user's role and the OS
 * origin (`cli:<host>`), so permissions apply as on the screens.
 *
 * @throws PlatformError `INVALID_CREDENTIALS`, `ACCOUNT_LOCKED`, `ACCOUNT_DISABLED`, `FORBIDDEN`
 * (a one-time password must first be changed on the screen)
 * @example
 * ```ts
 * const session = await cliLogin(platform, { loginId: "yamada", password });
 * try { await importSomething(platform, session.actor); } finally { await session.end(); }
 * ```
 */
export async function cliLogin(
  ctx: PlatformContext,
  credentials: { readonly loginId: string; readonly password: string },
  identity: OsIdentity = {},
): Promise<CliSession> {
  const origin = osActor(identity);
  const { token, session } = await login(ctx, credentials, {
    sourceIp: origin.sourceIp,
    requestId: null,
  });
  const actor: Actor = { user: session.user, sourceIp: origin.sourceIp, requestId: null };
  if (session.user.mustChangePassword) {
    await logout(ctx, token, actor);
    throw new PlatformError("FORBIDDEN", {
      message: `${session.user.loginId} must change the one-time password first`,
      messageJa:
        "初回ログインのパスワード変更が済んでいません。画面でログインしてパスワードを変更してください。",
    });
  }
  return { actor, end: () => logout(ctx, token, actor) };
}
