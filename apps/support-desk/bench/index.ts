// PDF ingestion throughput (parse + normalise + chunk). Retrieval quality and latency are in
// @ward/search-ja's bench; the search-index bench (bench/search-index.ts) compares the in-process
// and database indexes. Run: pnpm bench (reads <checkout>/../shared/data/rag, or $WARD_DATA_DIR/rag).
import { readdirSync, readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ingestDocument } from "../src/domain/index.js";

const dataDir =
  process.env.WARD_DATA_DIR === undefined
    ? fileURLToPath(new URL("../../../../shared/data/rag/", import.meta.url))
    : join(process.env.WARD_DATA_DIR, "rag");

const pdfDir = join(dataDir, "govpdf");
console.log("== ingestion (parse + normalise + chunk) of the government PDFs");
// Load pdf.js and its fake worker once before timing.
await ingestDocument({
  bytes: new Uint8Array(readFileSync(join(pdfDir, "000956094.pdf"))),
  fileName: "warm-up.pdf",
});
let pages = 0;
let totalMs = 0;
const rows: Record<string, { pages: number; ms: number; "pages/s": number; "no text layer": string }> = {};
for (const name of readdirSync(pdfDir).filter((file) => file.endsWith(".pdf"))) {
  const bytes = new Uint8Array(readFileSync(join(pdfDir, name)));
  const t0 = performance.now();
  const ingested = await ingestDocument({ bytes, fileName: name });
  const ms = performance.now() - t0;
  pages += ingested.sectionCount;
  totalMs += ms;
  rows[name] = {
    pages: ingested.sectionCount,
    ms: Math.round(ms),
    "pages/s": Math.round(ingested.sectionCount / (ms / 1000)),
    "no text layer": ingested.pagesWithoutText.join(",") || "-",
  };
}
console.table(rows);
console.log(
  `load average ${loadavg()
    .map((value) => value.toFixed(1))
    .join(" ")} on this machine while measuring`,
);
console.log(
  `total ${pages} pages in ${Math.round(totalMs)} ms: ${Math.round(pages / (totalMs / 1000))} pages/s`,
);
