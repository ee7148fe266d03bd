import type { Platform, PlatformOptions } from "@ward/platform";
import {
  createTestSchema,
  dropTestSchemas,
  openTestPlatform,
  TEST_DATABASE_URL,
  testDatabases,
} from "@ward/platform/testing";
import { treasuryMigrations } from "../../src/storage/migrations.js";

const treasury = (extra: Partial<PlatformOptions>): Partial<PlatformOptions> => ({
  appName: "treasury",
  migrations: treasuryMigrations,
  clock: () => new Date("2025-07-10T01:00:00Z"),
  ...extra,
});

/** A fresh in-memory PGlite platform with the treasury migrations. */
export function memoryPlatform(extra: Partial<PlatformOptions> = {}): Promise<Platform> {
  return openTestPlatform(treasury(extra));
}

/** Why PostgreSQL tests are skipped here, or undefined when it is reachable. */
export const { postgresSkipReason } = await testDatabases();

/** A platform on PostgreSQL in a fresh schema; `drop()` closes it and removes the schema. */
export async function postgresPlatform(): Promise<{ platform: Platform; drop(): Promise<void> }> {
  const platform = await openTestPlatform(
    treasury({ databaseUrl: TEST_DATABASE_URL, schema: createTestSchema() }),
  );
  return {
    platform,
    async drop() {
      await platform.close();
      await dropTestSchemas();
    },
  };
}

/** PGlite start-up plus migrations can take well over vitest's 10 s hook default on a loaded 2-core machine. */
export const PGLITE_START_TIMEOUT = 60_000;

/** Both engines for a storage test: PGlite always, PostgreSQL when reachable (else skipped, saying why); `drop()` closes. */
export const TEST_BACKENDS: readonly {
  readonly name: string;
  readonly skip: boolean;
  open(): Promise<{ platform: Platform; drop(): Promise<void> }>;
}[] = [
  {
    name: "PGlite",
    skip: false,
    open: async () => {
      const platform = await memoryPlatform();
      return { platform, drop: () => platform.close() };
    },
  },
  {
    name: `PostgreSQL${postgresSkipReason ? ` — skipped: ${postgresSkipReason}` : ""}`,
    skip: postgresSkipReason !== undefined,
    open: postgresPlatform,
  },
];
