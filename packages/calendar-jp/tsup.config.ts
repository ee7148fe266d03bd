import { defineConfig } from "tsup";

// One output file per module (no bundling), so with `sideEffects: false` a bundler that needs only
// isHoliday or isOpenDay leaves out the modules that load zod and luxon.
export default defineConfig({
  entry: ["src/**/*.ts", "!src/**/*.test.ts", "!src/**/*.test-d.ts", "!src/**/fixtures/**"],
  bundle: false,
  format: ["esm"],
  target: "node20",
  platform: "node",
  dts: { entry: "src/index.ts" },
  sourcemap: true,
  clean: true,
});
