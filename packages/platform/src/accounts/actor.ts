import type { AuditActor } from "../audit/audit-record.js";
import type { SessionUser } from "./roles.js";

/** Who is acting: the signed-in user (null for the system itself) and the request's origin. */
export interface Actor {
  readonly user: SessionUser | null;
  readonly sourceIp: string | null;
  readonly requestId: string | null;
  /** The audit name when no user is signed in (a CLI's `os:<user>@<host>`); default `system`. */
  readonly login?: string;
}

/** The system acting on its own (start-up, bootstrap, CLI). */
export const SYSTEM: Actor = { user: null, sourceIp: null, requestId: null };

/**
 * The audit log's view of an actor.
 *
 * @example
 * ```ts
 * toAuditActor(SYSTEM); // { id: null, login: "system", sourceIp: null, requestId: null }
 * ```
 */
export function toAuditActor(actor: Actor): AuditActor {
  return {
    id: actor.user?.id ?? null,
    login: actor.user?.loginId ?? actor.login ?? "system",
    sourceIp: actor.sourceIp,
    requestId: actor.requestId,
  };
}
