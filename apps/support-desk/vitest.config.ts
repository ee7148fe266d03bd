import { wardVitestConfig } from "../../vitest.shared.ts";

// PGlite compiles Postgres to WASM on each open (about a second), and the browser test drives Chromium.
export default wardVitestConfig({ test: { testTimeout: 30_000, hookTimeout: 60_000 } });
