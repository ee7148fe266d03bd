import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { sql } from "kysely";
import { type Logger, pino } from "pino";
import { z } from "zod";
import { bootstrapAdmin } from "./accounts/auth.js";
import { type Argon2Params, createPasswordHasher } from "./accounts/password-hasher.js";
import { DEFAULT_PASSWORD_POLICY, type PasswordPolicy } from "./accounts/password-policy.js";
import { readChainState } from "./audit/audit-chain-state.js";
import { AuditKeyring, findAuditKeyring } from "./audit/audit-keyring.js";
import { deriveAuditKeys } from "./audit/audit-keys.js";
import { openKeyedChain } from "./audit/open-keyed-chain.js";
import type { LockoutSettings, PlatformContext, SessionSettings } from "./context.js";
import { PlatformError } from "./errors.js";
import { masterKeyMissing } from "./files/key-errors.js";
import { generateMasterKey, type ResolvedMasterKey, resolveMasterKey } from "./files/master-key.js";
import { trustedProxyList } from "./http/client-address.js";
import { jobMigrations } from "./jobs/job-migrations.js";
import { grantAppRole } from "./storage/app-role.js";
import type { DataDirLock } from "./storage/data-dir-lock.js";
import { openDatabase, type PlatformDatabase } from "./storage/database.js";
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
  /** PostgreSQL URL of the schema's owner, for migrations; also `DATABASE_OWNER_URL`. The app then
   * connects with `databaseUrl` as a role that only reads and appends the audit log. */
  readonly ownerDatabaseUrl?: string;
  /** Base64 of 32 bytes; also read from `WARD_MASTER_KEY`; else read from the key file. */
  readonly masterKey?: string;
  /** The master key file; also `WARD_MASTER_KEY_FILE`; default `<secretsDir>/master.key`,
   * generated (mode 0600) on the first start of an installation without data. */
  readonly masterKeyFile?: string;
  /** Key file and checkpoint folder, never the data directory; also `WARD_SECRETS_DIR`; default
   * `<root>/.secrets/<name>` for a data directory `<root>/.data/<name>`, else `<cwd>/.secrets/<appName>`. */
  readonly secretsDir?: string;
  /** The append-only file of signed audit checkpoints; also `WARD_AUDIT_CHECKPOINT_FILE`; default
   * `audit-checkpoints.jsonl` beside the key file (none for in-memory databases); `false`: none. */
  readonly auditCheckpointFile?: string | false;
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
  /** Where signed audit checkpoints are written, when they are. */
  readonly auditCheckpointFile?: string;
  /**
   * The owner's connection when `DATABASE_OWNER_URL` separates roles: only maintenance that the app
   * role may not do runs on it (`VACUUM FULL` after an erasure, in `reclaimErasedSpace`).
   */
  readonly maintenanceDb?: PlatformDatabase["db"];
  close(): Promise<void>;
}

const optionsSchema = z.object({
  appName: z.string().regex(/^[a-z][a-z0-9-]{0,40}$/, "appName: lower-case letters, digits and -"),
  schema: z.string().optional(),
});

/**
 * Opens storage, applies the platform's and the app's migrations (each in a transaction, on the
 * owner connection when there is one), resolves the master key (outside the data directory) and
 * checks it against the key check value stored with the data, keys the audit chain, and creates
 * the first admin when there is none.
 *
 * @param options - see {@link PlatformOptions}
 * @returns the platform
 * @throws PlatformError `CONFIG_INVALID`, `MASTER_KEY_INVALID`, `MASTER_KEY_MISMATCH` (another key
 *   wrote the data), `MASTER_KEY_MISSING` (no key but data under one exists), `MIGRATION_FAILED`
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
  const ownerUrl = databaseUrl ? (options.ownerDatabaseUrl ?? env.DATABASE_OWNER_URL) : undefined;
  const ephemeral =
    options.memory === true &&
    options.masterKey === undefined &&
    !env.WARD_MASTER_KEY &&
    !(options.masterKeyFile ?? env.WARD_MASTER_KEY_FILE);
  const resolved: ResolvedMasterKey | undefined = ephemeral
    ? undefined
    : resolveMasterKey({
        appName: options.appName,
        env,
        ...(options.masterKey !== undefined ? { masterKey: options.masterKey } : {}),
        ...(options.masterKeyFile !== undefined ? { masterKeyFile: options.masterKeyFile } : {}),
        ...(options.secretsDir !== undefined ? { secretsDir: options.secretsDir } : {}),
        ...(dataDir !== undefined ? { dataDir } : {}),
      });
  if (databaseUrl && resolved?.key === undefined && !(options.masterKeyFile ?? env.WARD_MASTER_KEY_FILE)) {
    throw new PlatformError("MASTER_KEY_INVALID", {
      message:
        "set WARD_MASTER_KEY (base64 of 32 random bytes) or WARD_MASTER_KEY_FILE when using PostgreSQL / PostgreSQL では WARD_MASTER_KEY か WARD_MASTER_KEY_FILE を設定してください",
    });
  }
  if (resolved?.movedFrom) {
    logger.warn(
      { from: resolved.movedFrom, to: resolved.path },
      "moved the master key out of the data directory",
    );
    process.stderr.write(
      `[${options.appName}] 暗号鍵をデータフォルダの外へ移動しました / moved the master key out of the data directory: ${resolved.movedFrom} → ${resolved.path}（バックアップはデータと別の場所に保管してください / back it up apart from the data）\n`,
    );
  }
  const open = (url: string) =>
    openDatabase({ databaseUrl: url, ...(options.schema ? { schema: options.schema } : {}) });
  const owner = ownerUrl ? await open(ownerUrl) : undefined;
  let database: PlatformDatabase;
  try {
    database = databaseUrl
      ? await open(databaseUrl)
      : dataDir
        ? await openDatabase({ dataDir, owner: options.appName })
        : await openDatabase({ memory: true });
  } catch (error) {
    await owner?.close();
    throw error;
  }
  const location = databaseUrl
    ? `postgres:${database.schema}`
    : dataDir
      ? `pglite:${dataDir}`
      : "pglite:memory";
  let keyedDb = database.db;
  const closeAll = async () => {
    try {
      await findAuditKeyring(keyedDb)?.close();
    } finally {
      await owner?.close().catch(() => undefined);
      await database.close();
    }
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
    const migrator = owner?.db ?? database.db;
    const applied = await runMigrations(migrator, [platformMigrations, jobMigrations, ...appSets], { clock });
    if (applied.length > 0) logger.info({ applied, location }, "applied migrations");
    let masterKey = resolved?.key ?? (ephemeral ? new Uint8Array(randomBytes(32)) : undefined);
    if (masterKey === undefined) {
      const files = await migrator.selectFrom("files").select("id").limit(1).execute();
      if ((await readChainState(migrator)) || files.length > 0) throw masterKeyMissing(resolved?.path);
      const path = resolved?.path;
      if (path === undefined) throw masterKeyMissing(undefined);
      masterKey = generateMasterKey(path);
      logger.warn(
        { path },
        "generated a new master key outside the data directory (mode 0600); back it up apart from the data",
      );
    }
    const keys = deriveAuditKeys(masterKey);
    const checkpointSetting = options.auditCheckpointFile ?? env.WARD_AUDIT_CHECKPOINT_FILE;
    const auditCheckpointFile =
      checkpointSetting === false || checkpointSetting === ""
        ? undefined
        : (checkpointSetting ??
          (resolved && !options.memory ? join(resolved.secretsDir, "audit-checkpoints.jsonl") : undefined));
    const keyring = new AuditKeyring(keys, { checkpointFile: auditCheckpointFile, clock, logger });
    keyedDb = database.db.withPlugin(keyring);
    const state = await openKeyedChain(owner ? owner.db.withPlugin(keyring) : keyedDb, keys, {
      clock,
      logger,
    });
    keyring.attach(keyedDb, state.chainId);
    if (owner) {
      const role = await sql<{ role: string }>`select current_user as role`.execute(database.db);
      const ownerRole = await sql<{ role: string }>`select current_user as role`.execute(owner.db);
      const appRole = role.rows[0]?.role;
      if (appRole && appRole !== ownerRole.rows[0]?.role)
        await grantAppRole(owner.db, appRole, database.schema);
      else
        logger.warn(
          "DATABASE_OWNER_URL and DATABASE_URL use the same role: the app role owns the audit table",
        );
    }
    const context: PlatformContext = {
      appName: options.appName,
      db: keyedDb,
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
      masterKey,
    };
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
    // The start itself is a checkpoint: the file exists from the first start on.
    await keyring.flush();
    return {
      ...context,
      applied,
      location,
      ...(database.lock ? { dataDirLock: database.lock } : {}),
      ...(auditCheckpointFile !== undefined ? { auditCheckpointFile } : {}),
      ...(owner ? { maintenanceDb: owner.db } : {}),
      close: closeAll,
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
