// Treasury domain hot paths: importing a year of payment notices (≈125,000, 仕様書 第5-1) from CSV text
// to validated rows, in UTF-8 and Shift_JIS. Zengin files are benchmarked in @ward/zengin.

import { Bench } from "tinybench";
import { formatPaymentNoticesCsv, generatePaymentNotices, parsePaymentNotices } from "../src/domain/index.js";

const COUNT = 125_000;
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const delta = (bytes: number): string => `${bytes >= 0 ? "+" : "-"}${mb(Math.abs(bytes))}`;

const notices = generatePaymentNotices({ fiscalYear: 2025, count: COUNT, seed: 2025 });
const utf8 = formatPaymentNoticesCsv(notices, { encoding: "utf-8", bom: true });
const sjis = formatPaymentNoticesCsv(notices, { encoding: "shift_jis" });
console.log(
  `${COUNT.toLocaleString()} generated notices: UTF-8 ${mb(utf8.length)}, Shift_JIS ${mb(sjis.length)}`,
);

function importOnce(label: string, bytes: Uint8Array): void {
  globalThis.gc?.();
  const before = process.memoryUsage();
  const started = performance.now();
  const result = parsePaymentNotices(bytes, { fiscalYear: 2025 });
  const ms = performance.now() - started;
  const after = process.memoryUsage();
  if (!result.ok || result.notices.length !== COUNT) throw new Error(`${label}: import failed`);
  console.log(
    `${label.padEnd(10)} ${ms.toFixed(0).padStart(5)} ms  ${Math.round((COUNT / ms) * 1000)
      .toLocaleString()
      .padStart(
        9,
      )} rows/s  rss ${mb(after.rss)} (${delta(after.rss - before.rss)})  heapUsed ${mb(after.heapUsed)} (${delta(after.heapUsed - before.heapUsed)})`,
  );
}

console.log("\nparse + validate CSV → rows (single runs; memory right after the run, rows still held):");
for (let run = 1; run <= 3; run++) {
  importOnce(`UTF-8 #${run}`, utf8);
  importOnce(`SJIS #${run}`, sjis);
}

const bench = new Bench({ time: 1000, warmup: true });
bench
  .add(`parsePaymentNotices ${COUNT.toLocaleString()} rows UTF-8`, () => {
    parsePaymentNotices(utf8, { fiscalYear: 2025 });
  })
  .add(`parsePaymentNotices ${COUNT.toLocaleString()} rows Shift_JIS`, () => {
    parsePaymentNotices(sjis, { fiscalYear: 2025 });
  });
await bench.run();
console.log();
console.table(
  bench.tasks.map((task) => {
    const r = task.result as { latency?: { mean?: number }; throughput?: { mean?: number } } | undefined;
    return {
      task: task.name,
      "ms/op": r?.latency?.mean?.toFixed(1),
      "ops/s": r?.throughput?.mean?.toFixed(2),
    };
  }),
);
console.log(`peak rss over the whole run: ${mb(process.resourceUsage().maxRSS * 1024)}`);
