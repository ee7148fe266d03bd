import { randomBytes } from "node:crypto";
import { createPlatform, type Platform, type PlatformOptions } from "@ward/platform";
import pg from "pg";
import { pino } from "pino";
import { treasuryMigrations } from "../../src/storage/migrations.js";

export const TEST_ADMIN_PASSWORD = "Kanri-Test-Pass-42!";
const MASTER_KEY = Buffer.alloc(32, 9).toString("base64");
const URL = process.env.WARD_TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

const base = (extra: Partial<PlatformOptions>): PlatformOptions => ({
  appName: "treasury",
  masterKey: MASTER_KEY,
  logger: pino({ level: "silent" }),
  argon2: { memoryCost: 1024, timeCost: 1, parallelism: 1 },
  env: {},
  initialAdminPassword: TEST_ADMIN_PASSWORD,
  onInitialAdmin: () => undefined,
  migrations: treasuryMigrations,
  clock: () => new Date("2025-07-10T01:00:00Z"),
  ...extra,
});

/** A fresh in-memory PGlite platform with the treasury migrations. */
export function memoryPlatform(extra: Partial<PlatformOptions> = {}): Promise<Platform> {
  return createPlatform(base({ memory: true, ...extra }));
}

async function reachable(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Why PostgreSQL tests are skipped here, or undefined when it is reachable. */
export const postgresSkipReason = await reachable().then((p) =>
  p === undefined ? undefined : `PostgreSQL at ${URL} unreachable (${p})`,
);

/** A platform on PostgreSQL in a fresh schema; `drop()` removes the schema. */
export async function postgresPlatform(): Promise<{ platform: Platform; drop(): Promise<void> }> {
  const schema = `ward_test_${randomBytes(6).toString("hex")}`;
  const platform = await createPlatform(base({ databaseUrl: URL, schema }));
  return {
    platform,
    async drop() {
      await platform.close();
      const client = new pg.Client({ connectionString: URL });
      await client.connect();
      await client.query(`drop schema if exists "${schema}" cascade`);
      await client.end();
    },
  };
}

/** PGlite start-up plus migrations can take well over vitest's 10 s hook default on a loaded 2-core machine. */
export const PGLITE_START_TIMEOUT = 60_000;
