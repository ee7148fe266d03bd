import { defineConfig } from "tsup";

export default defineConfig({
  entry: [
    "src/index.ts",
    "src/testing/index.ts",
    "src/pdf/index.ts",
    "src/cli/verify-audit.ts",
    "src/cli/break-glass.ts",
    "src/demo/main.ts",
  ],
  format: ["esm"],
  target: "node20",
  platform: "node",
  dts: true,
  sourcemap: true,
  clean: true,
  treeshake: true,
});
