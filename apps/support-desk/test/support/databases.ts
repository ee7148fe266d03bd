import { randomBytes } from "node:crypto";
import { openDatabase } from "@ward/platform";
import { sql } from "kysely";

// The platform's pattern (packages/platform/test/support/databases.ts): a fresh schema per desk on
// WARD_TEST_DATABASE_URL, dropped after the file; skipped with the reason when PostgreSQL is
// unreachable, except under CI where that fails the run.
export const TEST_DATABASE_URL =
  process.env.WARD_TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

async function reachable(): Promise<string | undefined> {
  try {
    const database = await Promise.race([
      openDatabase({ databaseUrl: TEST_DATABASE_URL, poolSize: 1 }),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error("no answer within 3 s")), 3000)),
    ]);
    try {
      await sql`select 1`.execute(database.db);
    } finally {
      await database.close();
    }
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

const problem = await reachable();
/** Why the PostgreSQL tests are skipped, or undefined when PostgreSQL answers. */
export const postgresSkipReason =
  problem === undefined ? undefined : `PostgreSQL at ${TEST_DATABASE_URL} unreachable (${problem})`;
if (problem !== undefined && process.env.CI) {
  throw new Error(`@ward/support-desk tests: CI is set and ${postgresSkipReason}`);
}

/** Where a test desk keeps its data: in-memory or on-disk PGlite, or a PostgreSQL schema. */
export type DeskStorage =
  | { readonly memory: true }
  | { readonly dataDir: string }
  | { readonly databaseUrl: string; readonly schema: string };

const schemas = new Set<string>();

/** A database the tests may run on; `storage()` gives a fresh one each call. */
export interface DeskBackend {
  readonly name: "pglite" | "postgres";
  readonly skip: boolean;
  /** The describe title suffix, with the skip reason. */
  readonly label: string;
  storage(): DeskStorage;
}

export const backends: readonly DeskBackend[] = [
  { name: "pglite", skip: false, label: "on PGlite", storage: () => ({ memory: true }) },
  {
    name: "postgres",
    skip: postgresSkipReason !== undefined,
    label:
      postgresSkipReason === undefined ? "on PostgreSQL" : `on PostgreSQL — skipped: ${postgresSkipReason}`,
    storage: () => {
      const schema = `ward_test_${randomBytes(6).toString("hex")}`;
      schemas.add(schema);
      return { databaseUrl: TEST_DATABASE_URL, schema };
    },
  },
];

/** Drops every schema this test file created (call in `afterAll`). */
export async function dropTestSchemas(): Promise<void> {
  if (schemas.size === 0) return;
  const database = await openDatabase({ databaseUrl: TEST_DATABASE_URL, poolSize: 1 });
  try {
    for (const schema of schemas)
      await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(database.db);
    schemas.clear();
  } finally {
    await database.close();
  }
}
