import { createPlatform, type Platform, type PlatformOptions } from "../platform.js";
import { FAST_ARGON2, silentLogger, TEST_ADMIN_PASSWORD, TEST_MASTER_KEY } from "./test-defaults.js";

/**
 * Platform options for a test: in-memory PGlite, a fixed master key, a silent logger, cheap argon2,
 * an empty environment, no audit checkpoint file (tests that check checkpoints pass one) and
 * `admin` / {@link TEST_ADMIN_PASSWORD}; `extra` overrides any of them.
 *
 * @param extra - Options that replace the defaults (storage, migrations, clock, app name …).
 * @returns The full options for `createPlatform`.
 * @example
 * ```ts
 * testPlatformOptions({ appName: "treasury" }).memory; // true
 * ```
 */
export function testPlatformOptions(extra: Partial<PlatformOptions> = {}): PlatformOptions {
  const storage = "databaseUrl" in extra || "dataDir" in extra ? {} : { memory: true };
  return {
    appName: "test",
    ...storage,
    masterKey: TEST_MASTER_KEY,
    logger: silentLogger,
    argon2: FAST_ARGON2,
    env: {},
    auditCheckpointFile: false,
    initialAdminPassword: TEST_ADMIN_PASSWORD,
    onInitialAdmin: () => undefined,
    ...extra,
  };
}

/**
 * Opens a platform with {@link testPlatformOptions}.
 *
 * @param extra - Options that replace the defaults.
 * @returns The open platform; close it after the test.
 * @example
 * ```ts
 * const platform = await openTestPlatform({ migrations: notes });
 * platform.location; // "pglite:memory"
 * ```
 */
export function openTestPlatform(extra: Partial<PlatformOptions> = {}): Promise<Platform> {
  return createPlatform(testPlatformOptions(extra));
}
