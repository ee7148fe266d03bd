import pg from "pg";
import { PlatformError } from "../errors.js";
import type { Platform, PlatformOptions } from "../platform.js";
import { TEST_DATABASE_URL } from "./test-defaults.js";
import { openTestPlatform } from "./test-platform.js";
import { createTestSchema } from "./test-schemas.js";

/** Where a test keeps its data: in-memory or on-disk PGlite, or a PostgreSQL schema. */
export type TestStorage =
  | { readonly memory: true }
  | { readonly dataDir: string }
  | { readonly databaseUrl: string; readonly schema: string };

/** A database the tests run on. */
export interface TestBackend {
  readonly name: "pglite" | "postgres";
  /** True when this backend cannot run here (PostgreSQL unreachable outside CI). */
  readonly skip: boolean;
  /** A describe-title suffix: `on PGlite`, `on PostgreSQL` or `on PostgreSQL — skipped: <reason>`. */
  readonly label: string;
  /** Fresh storage on each call: in-memory PGlite, or a new schema dropped by `dropTestSchemas`. */
  storage(): TestStorage;
  /** A test platform ({@link openTestPlatform}) on fresh storage of this backend. */
  open(extra?: Partial<PlatformOptions>): Promise<Platform>;
}

/** The databases a test file can use, from {@link testDatabases}. */
export interface TestDatabases {
  /** Why PostgreSQL tests are skipped here, or `undefined` when it answers. */
  readonly postgresSkipReason: string | undefined;
  /** PGlite, then PostgreSQL. */
  readonly backends: readonly TestBackend[];
}

/** Options of {@link testDatabases}. */
export interface TestDatabasesOptions {
  /** Default {@link TEST_DATABASE_URL}. */
  readonly url?: string;
  /** Default `process.env`; an unreachable PostgreSQL throws when `CI` is set in it. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** How long to wait for PostgreSQL to answer; default 2000 ms. */
  readonly timeoutMs?: number;
}

async function problemWith(url: string, timeoutMs: number): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
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

/**
 * Checks once whether the test PostgreSQL answers and lists the backends to run the tests on:
 * PGlite always, PostgreSQL when reachable. Outside CI an unreachable PostgreSQL only skips its
 * tests (with the reason in the title); under CI it fails the run.
 *
 * @param options - URL, environment and time-out; see {@link TestDatabasesOptions}.
 * @returns The skip reason and the backends.
 * @throws PlatformError `CONFIG_INVALID` when `CI` is set and PostgreSQL does not answer.
 * @example
 * ```ts
 * const { backends } = await testDatabases();
 * afterAll(dropTestSchemas);
 * for (const backend of backends) {
 *   describe.skipIf(backend.skip)(`notes ${backend.label}`, () => {
 *     it("opens", async () => void (await (await backend.open()).close()));
 *   });
 * }
 * ```
 */
export async function testDatabases(options: TestDatabasesOptions = {}): Promise<TestDatabases> {
  const url = options.url ?? TEST_DATABASE_URL;
  const problem = await problemWith(url, options.timeoutMs ?? 2000);
  const postgresSkipReason =
    problem === undefined ? undefined : `PostgreSQL at ${url} unreachable (${problem})`;
  if (postgresSkipReason !== undefined && (options.env ?? process.env).CI) {
    throw new PlatformError("CONFIG_INVALID", { message: `tests: CI is set and ${postgresSkipReason}` });
  }
  const memory = (): TestStorage => ({ memory: true });
  const postgres = (): TestStorage => ({ databaseUrl: url, schema: createTestSchema(url) });
  return {
    postgresSkipReason,
    backends: [
      {
        name: "pglite",
        skip: false,
        label: "on PGlite",
        storage: memory,
        open: (extra = {}) => openTestPlatform({ ...memory(), ...extra }),
      },
      {
        name: "postgres",
        skip: postgresSkipReason !== undefined,
        label:
          postgresSkipReason === undefined
            ? "on PostgreSQL"
            : `on PostgreSQL — skipped: ${postgresSkipReason}`,
        storage: postgres,
        open: (extra = {}) => openTestPlatform({ ...postgres(), ...extra }),
      },
    ],
  };
}
