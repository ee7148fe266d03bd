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
import { trustedProxyList } from "./http/client-address.js";
import { jobMigrations } from "./jobs/job-migrations.js";
import type { DataDirLock } from "./storage/data-dir-lock.js";
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
  /** Trusted reverse proxies (addresses or CIDR); also read from `WARD_TRUSTED_PROXIES` (comma-separated). */
  readonly trustedProxies?: readonly string[];
  /** Called once with the first admin's one-time password; default: printed on stderr (never into the JSON log). */
  readonly onInitialAdmin?: (credentials: { loginId: string; password: string }) => void;
  /** Set the first admin's password instead of generating one (tests, demos). */
  readonly initialAdminPassword?: string;
}

function secureCookieSetting(value: string | undefined): boolean | "auto" {
  if (value === undefined || value === "" || value === "auto") return "auto";
  if (value === "true" || value === "1") return true;
  if (value === "false" || value === "0") return false;
  throw new PlatformError("CONFIG_INVALID", {
    message: `WARD_SECURE_COOKIE must be auto, true or false: ${value}`,
  });
}

/** A running platform: the shared context plus what the app called `createPlatform` with. */
export interface Platform extends PlatformContext {
  /** Migrations applied by this start. */
  readonly applied: readonly AppliedMigration[];
  /** Where data lives (`pglite:<dir>`, `pglite:memory` or `postgres:<schema>`), for logs. */
  readonly location: string;
  /** The data directory's one-owner lock (PGlite on disk only); `startServer` records its port. */
  readonly dataDirLock?: DataDirLock;
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
  const trustedProxies =
    options.trustedProxies ?? (env.WARD_TRUSTED_PROXIES ?? "").split(",").filter((p) => p.trim());
  trustedProxyList(trustedProxies); // fails early on a bad entry
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
      ? await openDatabase({ dataDir, owner: options.appName })
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
    sessions: {
      idleMinutes: 30,
      absoluteHours: 12,
      secureCookie: secureCookieSetting(env.WARD_SECURE_COOKIE),
      endOthersOnLogin: true,
      ...options.sessions,
    },
    lockout: {
      maxFailures: 5,
      lockMinutes: 15,
      maxLockMinutes: 1440,
      clientMaxFailures: 50,
      clientWindowMinutes: 15,
      ...options.lockout,
    },
    trustedProxies,
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
        // Never the password in the JSON log (it is shipped and kept): only on the terminal.
        logger.warn(
          { loginId: admin.loginId },
          "created the first administrator; the one-time password was printed on the terminal",
        );
        process.stderr.write(
          `[${options.appName}] 初期管理者を作成しました。ログインID: ${admin.loginId} / 一時パスワード: ${admin.password}（表示は今回だけです。初回ログイン時に変更してください）\n`,
        );
      }
    }
    return {
      ...context,
      applied,
      location,
      ...(database.lock ? { dataDirLock: database.lock } : {}),
      close: () => database.close(),
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
