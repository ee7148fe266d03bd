import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { type Logger, pino } from "pino";
import { z } from "zod";
import { bootstrapAdmin } from "./accounts/auth.js";
import { type Argon2Params, createPasswordHasher } from "./accounts/password-hasher.js";
import { DEFAULT_PASSWORD_POLICY, type PasswordPolicy } from "./accounts/password-policy.js";
import type { LockoutSettings, PlatformContext, SessionSettings } from "./context.js";
import { PlatformError } from "./errors.js";
import { resolveMasterKey } from "./files/master-key.js";
import { jobMigrations } from "./jobs/job-migrations.js";
import { openDatabase } from "./storage/database.js";
import { type AppliedMigration, type MigrationSet, runMigrations } from "./storage/migrations.js";
import { platformMigrations } from "./storage/platform-migrations.js";
import { type Clock, systemClock } from "./time.js";

/** Options of {@link createPlatform}. Storage: `databaseUrl` (PostgreSQL), else `dataDir`, else `.data/<appName>`. */
export interface PlatformOptions {
  /** Short name, e.g. `treasury`; names the default data dir `.data/<appName>`. */
  readonly appName: string;
  /** PGlite data directory (embedded default). */
  readonly dataDir?: string;
  /** In-memory PGlite (tests). */
  readonly memory?: boolean;
  /** PostgreSQL URL; also read from `DATABASE_URL`. */
  readonly databaseUrl?: string;
  /** PostgreSQL schema; default `public`. */
  readonly schema?: string;
  /** Base64 of 32 bytes; also read from `WARD_MASTER_KEY`; generated into the data dir when embedded. */
  readonly masterKey?: string;
  /** The app's migrations (its own namespace), applied after the platform's. */
  readonly migrations?: MigrationSet | readonly MigrationSet[];
  /** Environment to read `DATABASE_URL` and `WARD_MASTER_KEY` from; default `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly logger?: Logger;
  readonly clock?: Clock;
  readonly argon2?: Partial<Argon2Params>;
  readonly passwordPolicy?: Partial<PasswordPolicy>;
  readonly sessions?: Partial<SessionSettings>;
  readonly lockout?: Partial<LockoutSettings>;
  /** Called once with the first admin's one-time password; default: logs it once at `warn`. */
  readonly onInitialAdmin?: (credentials: { loginId: string; password: string }) => void;
  /** Set the first admin's password instead of generating one (tests, demos). */
  readonly initialAdminPassword?: string;
}

/** A running platform: the shared context plus what the app called `createPlatform` with. */
export interface Platform extends PlatformContext {
  /** Migrations applied by this start. */
  readonly applied: readonly AppliedMigration[];
  /** Where data lives (`pglite:<dir>`, `pglite:memory` or `postgres:<schema>`), for logs. */
  readonly location: string;
  close(): Promise<void>;
}

const optionsSchema = z.object({
  appName: z.string().regex(/^[a-z][a-z0-9-]{0,40}$/, "appName: lower-case letters, digits and -"),
  schema: z.string().optional(),
});

/**
 * Opens storage, applies the platform's and the app's migrations (each in a transaction),
 * resolves the master key and creates the first admin when there is none.
 *
 * @param options - see {@link PlatformOptions}
 * @returns the platform
 * @throws PlatformError `CONFIG_INVALID`, `MASTER_KEY_INVALID`, `MIGRATION_FAILED`
 * @example
 * ```ts
 * const platform = await createPlatform({ appName: "treasury", migrations: treasuryMigrations });
 * // ... serve ...
 * await platform.close();
 * ```
 */
export async function createPlatform(options: PlatformOptions): Promise<Platform> {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) throw new PlatformError("CONFIG_INVALID", { message: parsed.error.message });
  const env = options.env ?? process.env;
  const logger = options.logger ?? pino({ name: options.appName });
  const clock = options.clock ?? systemClock;
  const databaseUrl =
    options.databaseUrl ?? (options.dataDir || options.memory ? undefined : env.DATABASE_URL);
  const dataDir =
    databaseUrl || options.memory
      ? undefined
      : (options.dataDir ?? join(process.cwd(), ".data", options.appName));
  const ephemeral = options.memory === true && options.masterKey === undefined && !env.WARD_MASTER_KEY;
  const master = ephemeral
    ? { key: new Uint8Array(randomBytes(32)), source: "memory" as const }
    : resolveMasterKey({
        ...(options.masterKey !== undefined ? { masterKey: options.masterKey } : {}),
        env,
        ...(dataDir !== undefined ? { dataDir } : {}),
      });
  if (master.source === "generated") {
    logger.warn(
      { path: "path" in master ? master.path : undefined },
      "generated a new master key in the data directory (mode 0600); back it up",
    );
  }
  const database = databaseUrl
    ? await openDatabase({ databaseUrl, ...(options.schema ? { schema: options.schema } : {}) })
    : dataDir
      ? await openDatabase({ dataDir })
      : await openDatabase({ memory: true });
  const location = databaseUrl
    ? `postgres:${database.schema}`
    : dataDir
      ? `pglite:${dataDir}`
      : "pglite:memory";
  const context: PlatformContext = {
    appName: options.appName,
    db: database.db,
    kind: database.kind,
    clock,
    logger,
    hasher: createPasswordHasher(options.argon2),
    passwordPolicy: { ...DEFAULT_PASSWORD_POLICY, ...options.passwordPolicy },
    sessions: { idleMinutes: 30, absoluteHours: 12, secureCookie: false, ...options.sessions },
    lockout: { maxFailures: 5, lockMinutes: 15, ...options.lockout },
    masterKey: master.key,
  };
  try {
    const appSets =
      options.migrations === undefined
        ? []
        : "namespace" in options.migrations
          ? [options.migrations]
          : options.migrations;
    if (appSets.some((set) => set.namespace === "platform")) {
      throw new PlatformError("CONFIG_INVALID", { message: "the namespace 'platform' is reserved" });
    }
    const applied = await runMigrations(database.db, [platformMigrations, jobMigrations, ...appSets], {
      clock,
    });
    if (applied.length > 0) logger.info({ applied, location }, "applied migrations");
    const admin = await bootstrapAdmin(context, {
      ...(options.initialAdminPassword !== undefined ? { password: options.initialAdminPassword } : {}),
    });
    if (admin) {
      if (options.onInitialAdmin) options.onInitialAdmin(admin);
      else {
        logger.warn(
          { loginId: admin.loginId, oneTimePassword: admin.password },
          "created the first administrator; this one-time password is shown only now and must be changed at first login",
        );
        // The JSON log is for machines; the person starting the app must be able to read this line.
        process.stderr.write(
          `[${options.appName}] 初期管理者を作成しました。ログインID: ${admin.loginId} / 一時パスワード: ${admin.password}（表示は今回だけです。初回ログイン時に変更してください）\n`,
        );
      }
    }
    return { ...context, applied, location, close: () => database.close() };
  } catch (error) {
    await database.close();
    throw error;
  }
}
