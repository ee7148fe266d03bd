// Event-loop stall while a year of payment notices (125,000 rows, 仕様書 第5-1) is parsed: on the
// event loop (the old path) beside the treasury worker pool (the web app's path). The stall is the
// longest gap between ticks of a 5 ms timer; a server answers nothing during it.

import { formatPaymentNoticesCsv, generatePaymentNotices, parsePaymentNotices } from "../src/domain/index.js";
import { createTreasuryWorkers } from "../src/workers/treasury-workers.js";

const COUNT = 125_000;
const bytes = formatPaymentNoticesCsv(generatePaymentNotices({ fiscalYear: 2025, count: COUNT, seed: 2025 }));

async function longestStall(work: () => Promise<unknown>): Promise<{ stallMs: number; totalMs: number }> {
  let last = performance.now();
  let stallMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last);
    last = now;
  }, 5);
  const started = performance.now();
  await work();
  const totalMs = performance.now() - started;
  await new Promise((r) => setTimeout(r, 20));
  clearInterval(timer);
  return { stallMs, totalMs };
}

const report = (label: string, r: { stallMs: number; totalMs: number }) =>
  console.log(
    `${label.padEnd(28)} longest stall ${r.stallMs.toFixed(0).padStart(5)} ms  total ${r.totalMs.toFixed(0).padStart(5)} ms`,
  );

const workers = createTreasuryWorkers();
await workers.run({ op: "parse-orders", bytes: new Uint8Array() }); // start the thread outside the measurement
for (let round = 1; round <= 2; round += 1) {
  report(`on the event loop (#${round})`, await longestStall(async () => parsePaymentNotices(bytes)));
  report(
    `treasury worker pool (#${round})`,
    await longestStall(() => workers.run({ op: "parse-notices", bytes })),
  );
}
await workers.close();
