import { wardVitestConfig } from "../../vitest.shared.ts";

// PGlite compiles Postgres to WASM on first open (about a second per instance), so hooks get room.
export default wardVitestConfig({ test: { testTimeout: 30_000, hookTimeout: 60_000 } });
