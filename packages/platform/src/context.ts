import type { Kysely } from "kysely";
import type { Logger } from "pino";
import type { PasswordHasher } from "./accounts/password-hasher.js";
import type { PasswordPolicy } from "./accounts/password-policy.js";
import type { DatabaseKind } from "./storage/database.js";
import type { PlatformTables } from "./storage/schema.js";
import type { Clock } from "./time.js";

/** Session lifetime settings. */
export interface SessionSettings {
  /** Minutes without a request before a session expires; default 30. */
  readonly idleMinutes: number;
  /** Hours after login when a session expires regardless; default 12. */
  readonly absoluteHours: number;
  /**
   * Mark cookies `Secure`: `true`, `false`, or `"auto"` (default) — on when the request came over
   * TLS, directly or per `X-Forwarded-Proto` from a trusted proxy. Env `WARD_SECURE_COOKIE`.
   */
  readonly secureCookie: boolean | "auto";
  /** End the user's older sessions when they sign in again; default true (one session per user). */
  readonly endOthersOnLogin: boolean;
}

/**
 * Login throttling. An account is locked per client address (so an anonymous caller locks out
 * only himself), for a time that doubles with each lock; a client address is throttled across
 * every login id it tries.
 */
export interface LockoutSettings {
  /** Failed logins of one login id from one client address that lock it there; default 5. */
  readonly maxFailures: number;
  /** Minutes of the first lock; each further lock doubles it; default 15. */
  readonly lockMinutes: number;
  /** Longest lock in minutes; default 1,440 (one day). */
  readonly maxLockMinutes: number;
  /** Failed logins from one client address (any login id) within the window that block it; default 50. */
  readonly clientMaxFailures: number;
  /** Window of `clientMaxFailures` and how long a blocked client waits, in minutes; default 15. */
  readonly clientWindowMinutes: number;
}

/** Everything the platform's services share; `createPlatform` builds it. */
export interface PlatformContext {
  readonly appName: string;
  readonly db: Kysely<PlatformTables>;
  readonly kind: DatabaseKind;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly hasher: PasswordHasher;
  readonly passwordPolicy: PasswordPolicy;
  readonly sessions: SessionSettings;
  readonly lockout: LockoutSettings;
  /**
   * Addresses or CIDR ranges of reverse proxies whose `X-Forwarded-For` / `X-Forwarded-Proto` are
   * believed (env `WARD_TRUSTED_PROXIES`, comma-separated); empty by default: headers ignored.
   */
  readonly trustedProxies: readonly string[];
  /** The 32-byte master key that wraps every file key. */
  readonly masterKey: Uint8Array;
}
