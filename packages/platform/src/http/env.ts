import type { Context } from "hono";
import type { Logger } from "pino";
import type { Actor } from "../accounts/actor.js";
import type { Session } from "../accounts/auth.js";
import type { StoredFile } from "../files/file-store.js";
import type { Platform } from "../platform.js";
import type { NavItem } from "../ui/layout.js";

/** What the shell knows about the app, for rendering pages. */
export interface ShellConfig {
  readonly title: string;
  readonly nav: readonly NavItem[];
}

/** Hono environment of every platform app: `c.var.platform`, `c.var.actor`, `c.var.session`, … */
export interface PlatformEnv {
  Variables: {
    platform: Platform;
    requestId: string;
    log: Logger;
    shell: ShellConfig;
    session: Session | null;
    /** The session cookie token (only while signed in). */
    sessionToken: string | null;
    actor: Actor;
    /** The client reached us over TLS (directly or per a trusted proxy's `X-Forwarded-Proto`). */
    clientSecure: boolean;
  };
}

/**
 * An app's rule for `/files/:id` (the `authorizeFileRead` option of `createApp`): `true` serves the
 * file, `false` answers 404 with a `denied` audit record naming the user, `undefined` leaves the
 * file to the platform's department rule.
 *
 * @example
 * ```ts
 * const authorizeFileRead: AuthorizeFileRead = async (actor, file) =>
 *   (await ownedByFolder(file.id)) ? await canReadFolderOf(actor, file.id) : undefined;
 * ```
 */
export type AuthorizeFileRead = (
  actor: Actor,
  file: StoredFile,
  c: Context<PlatformEnv>,
) => boolean | undefined | Promise<boolean | undefined>;
