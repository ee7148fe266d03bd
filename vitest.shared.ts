import { defaultServerConditions } from "vite";
import { defineConfig, mergeConfig, type ViteUserConfig } from "vitest/config";

/**
 * Vitest settings every workspace package shares: tests read the sources of other
 * `@ward/*` packages through the `@ward/source` export condition, so nothing needs a build,
 * and each run leaves a JSON report in `.reports/` that `npm test` sums into one line.
 */
export function wardVitestConfig(overrides: ViteUserConfig = {}, reportName = "vitest"): ViteUserConfig {
  const conditions = ["@ward/source", ...defaultServerConditions];
  return mergeConfig(
    defineConfig({
      resolve: { conditions },
      ssr: { resolve: { conditions, externalConditions: ["@ward/source"] } },
      test: {
        include: ["src/**/*.test.ts", "test/**/*.test.ts"],
        reporters: ["default", "json"],
        outputFile: { json: `.reports/${reportName}.json` },
      },
    }),
    overrides,
  );
}
