// Hostile PDFs: time to refuse a page bomb with the page-reference limit, beside pdf.js without it,
// and the event loop's delay while a parse runs in the worker pool beside the same parse in-process.
// Run: pnpm --filter @ward/support-desk bench:runtime
import { parsePdf } from "../src/domain/index.js";
import { createDeskWorkers } from "../src/storage/desk-workers.js";
import { buildPageBombPdf } from "../test/support/hostile-pdf.js";

const ms = (from: number) => Math.round(performance.now() - from);

async function timed(label: string, run: () => Promise<unknown>): Promise<void> {
  const started = performance.now();
  const outcome = await run().then(
    (value) => (Array.isArray(value) ? `${value.length} pages` : "ok"),
    (error: unknown) => (error instanceof Error && "code" in error ? String(error.code) : "error"),
  );
  process.stdout.write(`${label}: ${ms(started)} ms (${outcome})\n`);
}

await parsePdf(buildPageBombPdf(10), "warm-up.pdf");
for (const references of [8_000, 32_000, 300_000]) {
  const bytes = buildPageBombPdf(references);
  await timed(
    `page-reference limit, ${references.toLocaleString("en")} refs (${bytes.byteLength} bytes)`,
    () => parsePdf(bytes, "bomb.pdf"),
  );
}
for (const references of [1_000, 4_000]) {
  await timed(`pdf.js without the limit (peer), ${references.toLocaleString("en")} refs`, () =>
    parsePdf(buildPageBombPdf(references), "bomb.pdf", { maxPages: 10_000_000 }),
  );
}

// The longest a 10 ms timer waited beyond its time while `run` was going: how long requests would stall.
async function eventLoopDelay(label: string, run: () => Promise<unknown>): Promise<void> {
  let worst = 0;
  let last = performance.now();
  const probe = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last - 10);
    last = now;
  }, 10);
  const started = performance.now();
  await run().catch(() => undefined);
  clearInterval(probe);
  worst = Math.max(worst, performance.now() - last - 10);
  process.stdout.write(`${label}: ${ms(started)} ms, longest event-loop stall ${Math.round(worst)} ms\n`);
}

const bomb = buildPageBombPdf(4_000);
const workers = createDeskWorkers({ maxPages: 10_000_000, ingestTimeoutMs: 3_000 });
const warm = performance.now();
await workers.prepare(
  { bytes: new TextEncoder().encode("起動"), fileName: "warm.txt" },
  { size: 600, overlap: 100 },
);
process.stdout.write(`worker start (tsx, pdf.js, domain) and a tiny task: ${ms(warm)} ms\n`);
await eventLoopDelay("4,000-ref bomb in the worker pool (3 s deadline, cap lifted)", () =>
  workers.prepare(
    { bytes: bomb, fileName: "bomb.pdf" },
    { size: 600, overlap: 100 },
    { maxPages: 10_000_000 },
  ),
);
process.stdout.write(`workers terminated at the deadline: ${workers.stats().ingestion.terminated}\n`);
await workers.close();
await eventLoopDelay("4,000-ref bomb on the event loop (peer)", () =>
  parsePdf(bomb, "bomb.pdf", { maxPages: 10_000_000 }),
);
