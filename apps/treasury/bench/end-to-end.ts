// End to end, as a clerk runs a year (仕様書 第5-1, ≈125,000 notices): CSV bytes → validated → stored in
// PGlite (one transaction) → loaded back → 済通集計表/公金収納集計表/収入日計表 → xlsx bytes.
// Prints each stage, the total (budget 30 s) and peak memory (rss sampled every 50 ms).
import { createPlatform, SYSTEM } from "@ward/platform";
import { pino } from "pino";
import { formatPaymentNoticesCsv, generatePaymentNotices } from "../src/domain/index.js";
import { writeTallyWorkbook } from "../src/reports/tally-workbook.js";
import { importNoticeFile } from "../src/storage/import-notices.js";
import { loadNotices } from "../src/storage/load-notices.js";
import { treasuryMigrations } from "../src/storage/migrations.js";

const COUNT = Number(process.env.COUNT ?? 125_000);
let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 50);
const mib = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MiB`;

const bytes = formatPaymentNoticesCsv(
  generatePaymentNotices({ fiscalYear: 2025, count: COUNT, seed: 2025 }),
  {
    encoding: "shift_jis",
  },
);
const platform = await createPlatform({
  appName: "treasury",
  memory: true,
  migrations: treasuryMigrations,
  logger: pino({ level: "silent" }),
  onInitialAdmin: () => undefined,
});
const stages: [string, number][] = [];
let mark = performance.now();
const stage = (name: string) => {
  const now = performance.now();
  stages.push([name, now - mark]);
  mark = now;
};
const started = performance.now();
const result = await importNoticeFile(platform, SYSTEM, bytes, { fileName: "year.csv", fiscalYear: 2025 });
if (!result.ok) throw new Error(`import rejected: ${result.errors[0]?.message}`);
stage("parse + validate + store (one transaction)");
const notices = await loadNotices(platform, { from: "2025-04-01", to: "2026-05-31" });
stage("load from PGlite");
const xlsx = await writeTallyWorkbook(notices, {
  period: { from: "2025-04-01", to: "2026-05-31" },
  createdOn: "2026-06-01",
});
stage("tally + xlsx (3 sheets)");
const total = performance.now() - started;
clearInterval(sampler);
peakRss = Math.max(peakRss, process.memoryUsage().rss);
await platform.close();

process.stdout.write(
  `${COUNT.toLocaleString()} notices (${(bytes.length / 1024 / 1024).toFixed(1)} MB Shift_JIS), ${result.freshCount.toLocaleString()} stored, ${notices.length.toLocaleString()} tallied, xlsx ${(xlsx.length / 1024).toFixed(0)} KiB\n`,
);
for (const [name, ms] of stages) process.stdout.write(`  ${name.padEnd(44)} ${(ms / 1000).toFixed(2)} s\n`);
process.stdout.write(`  total ${(total / 1000).toFixed(2)} s (budget 30 s), peak rss ${mib(peakRss)}\n`);
if (total > 30_000) process.exitCode = 1;
