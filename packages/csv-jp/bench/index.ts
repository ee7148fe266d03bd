import { Bench } from "tinybench";
import { decodeCsv, encodeCsv, formatCsv, parseCsv } from "../src/index.js";

// 125,000 payment-notice-like rows: codes, a Japanese label, a quoted memo now and then, integer yen.
const ROWS = 125_000;
const rows = Array.from({ length: ROWS }, (_, i) => [
  `N${String(i).padStart(7, "0")}`,
  "2025-07-01",
  2025,
  i % 3 === 0 ? "指定金融機関" : "窓口",
  "01-01-01-01",
  i % 50 === 0 ? '備考, "引用"あり' : "総務課",
  i % 7 === 0 ? -(i * 13) : i * 13,
]);
const text = formatCsv(rows, { header: ["番号", "収納日", "年度", "経路", "科目", "備考", "金額"] });
const utf8 = encodeCsv(text);
const sjis = encodeCsv(text, { encoding: "shift_jis" });

const bench = new Bench({ iterations: 5, warmupIterations: 1 });
bench
  .add("formatCsv", () => {
    formatCsv(rows);
  })
  .add("parseCsv", () => {
    parseCsv(text);
  })
  .add("encodeCsv utf-8-bom", () => {
    encodeCsv(text);
  })
  .add("encodeCsv shift_jis", () => {
    encodeCsv(text, { encoding: "shift_jis" });
  })
  .add("decodeCsv auto (utf-8)", () => {
    decodeCsv(utf8);
  })
  .add("decodeCsv auto (shift_jis)", () => {
    decodeCsv(sjis);
  });
await bench.run();

const table = bench.tasks.map((task) => {
  const mean = task.result?.state === "completed" ? task.result.latency.mean : Number.NaN;
  return {
    task: task.name,
    "ms per 125k rows": mean.toFixed(1),
    "rows/s": Math.round(ROWS / (mean / 1000)).toLocaleString("en-US"),
  };
});
process.stdout.write(`${JSON.stringify({ rows: ROWS, bytes: utf8.length }, null, 0)}\n`);
for (const row of table)
  process.stdout.write(
    `${row.task.padEnd(28)} ${row["ms per 125k rows"].padStart(8)} ms  ${row["rows/s"].padStart(12)} rows/s\n`,
  );
