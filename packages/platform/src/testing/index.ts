// Test helpers for the @ward apps (`@ward/platform/testing`): plain functions, no test runner imported.
export { CHROMIUM_PATH, ensureChromium } from "./ensure-chromium.js";
export { type ByteScan, ensureWalRecycleOff, postgresDataDirectory, scanFilesFor } from "./scan-bytes.js";
export { tempDir } from "./temp-dir.js";
export { type RequestableApp, type TestClient, type TestFormValue, testClient } from "./test-client.js";
export {
  type TestBackend,
  type TestDatabases,
  type TestDatabasesOptions,
  type TestStorage,
  testDatabases,
} from "./test-databases.js";
export {
  FAST_ARGON2,
  silentLogger,
  TEST_ADMIN_PASSWORD,
  TEST_DATABASE_URL,
  TEST_MASTER_KEY,
} from "./test-defaults.js";
export { openTestPlatform, testPlatformOptions } from "./test-platform.js";
export { createTestSchema, dropTestSchemas } from "./test-schemas.js";
