import { pino } from "pino";

/** The PostgreSQL the tests use: `WARD_TEST_DATABASE_URL`, else a local `test` database. */
export const TEST_DATABASE_URL =
  process.env.WARD_TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

/**
 * A fixed 32-byte master key (base64) for test platforms.
 *
 * @example
 * ```ts
 * Buffer.from(TEST_MASTER_KEY, "base64").length; // 32
 * ```
 */
export const TEST_MASTER_KEY = Buffer.alloc(32, 7).toString("base64");

/**
 * The first administrator's password on a test platform (login ID `admin`).
 *
 * @example
 * ```ts
 * await testClient(app).login("admin", TEST_ADMIN_PASSWORD);
 * ```
 */
export const TEST_ADMIN_PASSWORD = "Kanri-Test-Pass-42!";

/**
 * Cheap argon2 parameters: for tests only, never for real passwords.
 *
 * @example
 * ```ts
 * createPasswordHasher(FAST_ARGON2);
 * ```
 */
export const FAST_ARGON2 = { memoryCost: 1024, timeCost: 1, parallelism: 1 } as const;

/**
 * A pino logger that writes nothing.
 *
 * @example
 * ```ts
 * await createPlatform({ appName: "test", logger: silentLogger, ... });
 * ```
 */
export const silentLogger = pino({ level: "silent" });
