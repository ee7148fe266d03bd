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
  /** Mark the cookie `Secure` (set when served over HTTPS); default false. */
  readonly secureCookie: boolean;
}

/** Lockout after repeated login failures. */
export interface LockoutSettings {
  /** Consecutive failures that lock an account; default 5. */
  readonly maxFailures: number;
  /** Minutes an account stays locked; default 15. */
  readonly lockMinutes: number;
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
  /** The 32-byte master key that wraps every file key. */
  readonly masterKey: Uint8Array;
}
