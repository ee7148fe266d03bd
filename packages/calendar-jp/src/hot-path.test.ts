import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

const packageDir = fileURLToPath(new URL("..", import.meta.url));

// The modules a bundler keeps for a few imports (from the sources, as the published build mirrors them
// file by file): zod and luxon must stay out of the hot path. The size itself is printed by the bench.
async function bundledModules(source: string): Promise<string[]> {
  const result = await build({
    stdin: { contents: source, resolveDir: packageDir, loader: "ts" },
    bundle: true,
    format: "esm",
    platform: "browser",
    conditions: ["@ward/source"],
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const output = Object.values(result.metafile.outputs)[0];
  return Object.entries(output?.inputs ?? {})
    .filter(([, input]) => input.bytesInOutput > 0)
    .map(([path]) => path);
}

describe("the hot path's modules", () => {
  it.each([
    `import { isHoliday } from "@ward/calendar-jp"; console.log(isHoliday("2025-01-01"));`,
    `import { isOpenDay, wardCalendar } from "@ward/calendar-jp"; console.log(isOpenDay(wardCalendar({ id: "x" }), "2025-01-01"));`,
    `import { isOpenDay, nationalCalendar, bankCalendar, toIsoDate } from "@ward/calendar-jp"; console.log(isOpenDay(nationalCalendar(), toIsoDate(new Date())), bankCalendar());`,
  ])("leave out zod and luxon: %s", async (source) => {
    const modules = await bundledModules(source);
    expect(modules.some((path) => path.includes("holiday-rules"))).toBe(true);
    expect(modules.filter((path) => /node_modules\/(zod|luxon)\//.test(path))).toEqual([]);
  });

  it("keep zod where a policy of unknown shape is validated", async () => {
    const modules = await bundledModules(
      `import { createCalendar } from "@ward/calendar-jp"; console.log(createCalendar({ id: "x" }));`,
    );
    expect(modules.some((path) => /node_modules\/zod\//.test(path))).toBe(true);
  });
});
