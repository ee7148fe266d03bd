// Compares @ward/calendar-jp with its JavaScript peers in one process, and prints the ESM bundle size.
// `pnpm bench` builds first, then measures the published ESM build (dist/) as users import it.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import HolidayJp from "@holiday-jp/holiday_jp";
import { addOpenDays, fromEpochDay, isHoliday, isOpenDay, toEpochDay, wardCalendar } from "@ward/calendar-jp";
import Holidays from "date-holidays";
// @ts-expect-error japanese-holidays ships no types
import JapaneseHolidays from "japanese-holidays";
import { Bench } from "tinybench";

const ward = wardCalendar();
const dateHolidays = new Holidays("JP");

// 4096 dates spread over 2000–2030, as ISO strings for us and as local Dates for the peers.
const first = toEpochDay("2000-01-01");
const span = toEpochDay("2030-12-31") - first;
let seed = 42;
const random = (): number => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};
const isoDates = Array.from({ length: 4096 }, () => fromEpochDay(first + Math.floor(random() * span)));
const localDates = isoDates.map(
  (iso) => new Date(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))),
);
const steps = Array.from({ length: 4096 }, () => 1 + Math.floor(random() * 20));
const mask = 4095;

// The loop a peer's user writes: step a day at a time, skipping weekends, 12/29–1/3 and holidays.
function addOpenDaysWithJapaneseHolidays(start: Date, k: number): Date {
  const cursor = new Date(start.getTime());
  let left = k;
  while (left > 0) {
    cursor.setDate(cursor.getDate() + 1);
    const weekday = cursor.getDay();
    const month = cursor.getMonth() + 1;
    const day = cursor.getDate();
    const yearEnd = (month === 12 && day >= 29) || (month === 1 && day <= 3);
    if (weekday !== 0 && weekday !== 6 && !yearEnd && !JapaneseHolidays.isHoliday(cursor)) left--;
  }
  return cursor;
}

// Each task makes BATCH calls per iteration, so the harness's own per-iteration cost does not swamp
// calls that take tens of nanoseconds; ops/s below are per call.
const BATCH = 64;
let i = 0;
let sink = 0;
// Each task's loop is written out so that its call site stays monomorphic, as in real code.
const bench = new Bench({ time: 700, warmup: true });
bench
  .add("@ward/calendar-jp isHoliday(iso)", () => {
    for (let n = 0; n < BATCH; n++) if (isHoliday(isoDates[i++ & mask] as string)) sink++;
  })
  .add("@ward/calendar-jp isOpenDay(ward, iso)", () => {
    for (let n = 0; n < BATCH; n++) if (isOpenDay(ward, isoDates[i++ & mask] as string)) sink++;
  })
  .add("japanese-holidays isHoliday(prebuilt local Date)", () => {
    for (let n = 0; n < BATCH; n++) if (JapaneseHolidays.isHoliday(localDates[i++ & mask] as Date)) sink++;
  })
  .add("japanese-holidays isHolidayAt(Date from the same ISO string)", () => {
    for (let n = 0; n < BATCH; n++) {
      if (JapaneseHolidays.isHolidayAt(new Date(`${isoDates[i++ & mask]}T00:00:00+09:00`))) sink++;
    }
  })
  .add("@holiday-jp/holiday_jp isHoliday(prebuilt local Date)", () => {
    for (let n = 0; n < BATCH; n++) if (HolidayJp.isHoliday(localDates[i++ & mask] as Date)) sink++;
  })
  .add("date-holidays isHoliday(prebuilt local Date)", () => {
    for (let n = 0; n < BATCH; n++) if (dateHolidays.isHoliday(localDates[i++ & mask] as Date)) sink++;
  })
  .add("@ward/calendar-jp addOpenDays(ward, iso, k∈[1,20])", () => {
    for (let n = 0; n < BATCH; n++) {
      const at = i++ & mask;
      sink += addOpenDays(ward, isoDates[at] as string, steps[at] as number).length;
    }
  })
  .add("japanese-holidays day-by-day loop (prebuilt Date), k∈[1,20]", () => {
    for (let n = 0; n < BATCH; n++) {
      const at = i++ & mask;
      sink += addOpenDaysWithJapaneseHolidays(localDates[at] as Date, steps[at] as number).getDate();
    }
  });
await bench.run();

const hz = new Map(
  bench.tasks.map((task) => [
    task.name,
    task.result.state === "completed" ? task.result.throughput.mean * BATCH : 0,
  ]),
);
const opsPerSecond = (name: string): number => hz.get(name) ?? 0;
const format = (value: number): string => Math.round(value).toLocaleString("en-US").padStart(12);
console.log(`\nops/s per call (node ${process.version})`);
for (const [name, value] of hz) console.log(`${format(value)}  ${name}`);

const ratio = (ours: string, theirs: string, goal: number): void => {
  const value = opsPerSecond(ours) / opsPerSecond(theirs);
  const verdict = value >= goal ? "ok" : "BELOW GOAL";
  console.log(`${value.toFixed(1).padStart(8)}×  ${ours}  vs  ${theirs} (goal ≥ ${goal}×) ${verdict}`);
};
console.log("\nratios");
ratio("@ward/calendar-jp isHoliday(iso)", "japanese-holidays isHoliday(prebuilt local Date)", 10);
ratio("@ward/calendar-jp isOpenDay(ward, iso)", "japanese-holidays isHoliday(prebuilt local Date)", 10);
ratio("@ward/calendar-jp isHoliday(iso)", "japanese-holidays isHolidayAt(Date from the same ISO string)", 10);
ratio("@ward/calendar-jp isHoliday(iso)", "@holiday-jp/holiday_jp isHoliday(prebuilt local Date)", 10);
ratio("@ward/calendar-jp isHoliday(iso)", "date-holidays isHoliday(prebuilt local Date)", 10);
ratio(
  "@ward/calendar-jp addOpenDays(ward, iso, k∈[1,20])",
  "japanese-holidays day-by-day loop (prebuilt Date), k∈[1,20]",
  50,
);

// What a browser page pays for one function: esbuild bundles of the published build (dist/), minified
// and gzipped, beside the peers' whole libraries. Issue 21's goal: ≤ 12 KB for isHoliday / isOpenDay.
const BUNDLE_GOAL_BYTES = 12 * 1024;
const packageDir = fileURLToPath(new URL("..", import.meta.url));
if (existsSync(`${packageDir}/dist/index.js`)) {
  const { build } = await import("esbuild");
  const bundleSize = async (source: string): Promise<number> => {
    const result = await build({
      stdin: { contents: source, resolveDir: packageDir, loader: "js" },
      bundle: true,
      minify: true,
      format: "esm",
      platform: "browser",
      write: false,
      logLevel: "silent",
    });
    return gzipSync(result.outputFiles[0]?.contents ?? new Uint8Array(), { level: 9 }).length;
  };
  const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`.padStart(9);
  const sizes: [string, number, boolean][] = [
    [
      "@ward/calendar-jp { isHoliday }",
      await bundleSize(
        `import { isHoliday } from "@ward/calendar-jp"; console.log(isHoliday("2025-01-01"));`,
      ),
      true,
    ],
    [
      "@ward/calendar-jp { isOpenDay, wardCalendar }",
      await bundleSize(
        `import { isOpenDay, wardCalendar } from "@ward/calendar-jp"; console.log(isOpenDay(wardCalendar(), "2025-01-01"));`,
      ),
      true,
    ],
    [
      "@ward/calendar-jp (everything, luxon and zod included)",
      await bundleSize(`import * as all from "@ward/calendar-jp"; console.log(all);`),
      false,
    ],
    [
      "japanese-holidays",
      await bundleSize(`import J from "japanese-holidays"; console.log(J.isHoliday(new Date()));`),
      false,
    ],
    [
      "@holiday-jp/holiday_jp (with its data)",
      await bundleSize(`import H from "@holiday-jp/holiday_jp"; console.log(H.isHoliday(new Date()));`),
      false,
    ],
  ];
  console.log(
    `\nbrowser bundle, esbuild --minify, gzip -9 (goal ≤ ${kb(BUNDLE_GOAL_BYTES).trim()} for ours)`,
  );
  for (const [name, bytes, hasGoal] of sizes) {
    const verdict = hasGoal ? (bytes <= BUNDLE_GOAL_BYTES ? "  ok" : "  ABOVE GOAL") : "";
    console.log(`${kb(bytes)}  ${name}${verdict}`);
  }
} else {
  console.log("\n(run `pnpm build` first to print the bundle sizes)");
}
console.log(`\n(checksum ${sink})`);
