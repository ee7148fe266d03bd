import { defineConfig, mergeConfig } from "vitest/config";
import { wardVitestConfig } from "../../vitest.shared.ts";

// Every test runs under three host zones: a library that reads the host's zone fails in one of them.
const zones = [
  ["tokyo", "Asia/Tokyo"],
  ["utc", "UTC"],
  ["auckland", "Pacific/Auckland"],
] as const;

export default mergeConfig(
  wardVitestConfig(),
  defineConfig({
    test: {
      projects: zones.map(([name, zone]) => ({
        extends: true,
        test: { name: `tz-${name}`, env: { TZ: zone, WARD_EXPECTED_TZ: zone } },
      })),
    },
  }),
);
