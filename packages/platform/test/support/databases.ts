import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { pino } from "pino";
import { createPlatform, type Platform, type PlatformOptions } from "../../src/index.js";

export const TEST_DATABASE_URL =
  process.env.WARD_TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
export const TEST_MASTER_KEY = Buffer.alloc(32, 7).toString("base64");
export const TEST_ADMIN_PASSWORD = "Kanri-Test-Pass-42!";
export const silent = pino({ level: "silent" });
/** Cheap argon2 for tests only. */
export const FAST_ARGON2 = { memoryCost: 1024, timeCost: 1, parallelism: 1 };

async function reachable(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("select 1");
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

const problem = await reachable();
/** In CI an unreachable PostgreSQL fails the run; elsewhere its tests are skipped with this reason. */
export const postgresSkipReason =
  problem === undefined ? undefined : `PostgreSQL at ${TEST_DATABASE_URL} unreachable (${problem})`;
if (problem !== undefined && process.env.CI) {
  throw new Error(`@ward/platform tests: CI is set and ${postgresSkipReason}`);
}

export interface TestBackend {
  readonly name: "pglite" | "postgres";
  readonly skip: boolean;
  /** Options that select this backend; each call uses a fresh schema (PostgreSQL) or memory/temp dir. */
  open(extra?: Partial<PlatformOptions>): Promise<Platform>;
}

const schemas = new Set<string>();

/** Drops every schema this test file created. */
export async function dropTestSchemas(): Promise<void> {
  if (schemas.size === 0) return;
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    for (const schema of schemas) await client.query(`drop schema if exists "${schema}" cascade`);
    schemas.clear();
  } finally {
    await client.end();
  }
}

export function newSchemaName(): string {
  const name = `ward_test_${randomBytes(6).toString("hex")}`;
  schemas.add(name);
  return name;
}

export function tempDir(prefix = "ward-platform-"): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

const base = (extra: Partial<PlatformOptions>): PlatformOptions => ({
  appName: "test",
  masterKey: TEST_MASTER_KEY,
  logger: silent,
  argon2: FAST_ARGON2,
  env: {},
  initialAdminPassword: TEST_ADMIN_PASSWORD,
  onInitialAdmin: () => undefined,
  ...extra,
});

export const backends: TestBackend[] = [
  { name: "pglite", skip: false, open: (extra = {}) => createPlatform(base({ memory: true, ...extra })) },
  {
    name: "postgres",
    skip: postgresSkipReason !== undefined,
    open: (extra = {}) =>
      createPlatform(base({ databaseUrl: TEST_DATABASE_URL, schema: newSchemaName(), ...extra })),
  },
];
