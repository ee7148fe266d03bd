// Retrieval quality (JSQuAD), query latency over 100,000 chunks, and loading 100,000 chunks back
// (terms rows vs the binary encoding). Run: pnpm bench (reads <checkout>/../shared/data/rag, or
// $WARD_DATA_DIR/rag). Measures the published build (dist/) as users import it.
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createBm25Index, decodeBm25Index, type IndexedChunk, normalizeJapanese } from "@ward/search-ja";

const dataDir =
  process.env.WARD_DATA_DIR === undefined
    ? fileURLToPath(new URL("../../../../shared/data/rag/", import.meta.url))
    : join(process.env.WARD_DATA_DIR, "rag");

function readJsonl<T>(name: string): T[] {
  return readFileSync(join(dataDir, name), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as T);
}

const round = (value: number): number => Math.round(value * 100) / 100;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

const corpus = readJsonl<{ id: string; title: string; text: string }>("jsquad-valid-corpus.jsonl");
const queries = readJsonl<{ qid: string; query: string; gold: string[] }>("jsquad-valid-queries.jsonl");

// 1. Retrieval quality.
const toChunk = (
  paragraph: { id: string; title: string; text: string },
  folderId = "wiki",
): IndexedChunk => ({
  chunkId: paragraph.id,
  documentId: paragraph.id,
  folderId,
  ordinal: 0,
  text: normalizeJapanese(`${paragraph.title}\n${paragraph.text}`),
  locator: { kind: "section", path: [paragraph.title] },
});
const index = createBm25Index();
let started = performance.now();
index.add(corpus.map((paragraph) => toChunk(paragraph)));
const indexMs = performance.now() - started;
let reciprocalRanks = 0;
let recalled = 0;
started = performance.now();
for (const query of queries) {
  const hits = index.search(query.query, { readableFolderIds: ["wiki"], limit: 10 });
  const rank = hits.findIndex((hit) => query.gold.includes(hit.chunkId));
  if (rank >= 0) reciprocalRanks += 1 / (rank + 1);
  if (rank >= 0 && rank < 5) recalled += 1;
}
const qualityMs = performance.now() - started;
console.log(
  "== retrieval quality: JSQuAD valid (BM25 over Intl.Segmenter words + character bigrams, k1 1.2, b 0.75)",
);
console.table({
  paragraphs: corpus.length,
  queries: queries.length,
  "MRR@10": Number((reciprocalRanks / queries.length).toFixed(4)),
  "recall@5": Number((recalled / queries.length).toFixed(4)),
  "index ms": Math.round(indexMs),
  "ms/query": Number((qualityMs / queries.length).toFixed(3)),
  "baseline MRR@10 (data README)": 0.939,
});

// 2. Latency over 100,000 chunks: the corpus repeated with a per-copy marker, in 20 folders.
const target = 100_000;
const large = createBm25Index();
started = performance.now();
for (let copy = 0; large.size < target; copy += 1) {
  const batch: IndexedChunk[] = [];
  for (const paragraph of corpus) {
    if (large.size + batch.length >= target) break;
    const base = toChunk(paragraph, `folder-${copy % 20}`);
    batch.push({
      ...base,
      chunkId: `${paragraph.id}-${copy}`,
      documentId: `${paragraph.id}-${copy}`,
      text: `${base.text} 版${copy}`,
    });
  }
  large.add(batch);
}
const buildMs = performance.now() - started;
const sample = queries.filter((_, i) => i % 20 === 0);
const allFolders = Array.from({ length: 20 }, (_, i) => `folder-${i}`);
function latencies(folders: readonly string[]): number[] {
  const times: number[] = [];
  for (const query of sample) {
    const t0 = performance.now();
    large.search(query.query, { readableFolderIds: folders, limit: 10 });
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b);
}
latencies(allFolders.slice(0, 2)); // warm-up
const every = latencies(allFolders);
const few = latencies(allFolders.slice(0, 2));
const heapMb = Math.round(process.memoryUsage().heapUsed / 1024 / 1024);
console.log(`== query latency over ${large.size.toLocaleString()} chunks (${sample.length} queries)`);
console.table({
  "all 20 folders readable": {
    "p50 ms": round(percentile(every, 50)),
    "p95 ms": round(percentile(every, 95)),
  },
  "2 of 20 folders readable": { "p50 ms": round(percentile(few, 50)), "p95 ms": round(percentile(few, 95)) },
});
console.log(`build ${(buildMs / 1000).toFixed(1)} s, heap ${heapMb} MB`);
// Storage writes one row per chunk; reloading from rows skips the tokeniser.
started = performance.now();
const indexRows = large.rows();
let rowChars = 0;
for (const row of indexRows) rowChars += JSON.stringify(row).length;
const exportMs = performance.now() - started;
started = performance.now();
const reloaded = createBm25Index();
reloaded.addRows(indexRows);
console.log(
  `rows: ${(rowChars / 1e6).toFixed(0)} M chars of JSON, exported in ${(exportMs / 1000).toFixed(1)} s, reloaded in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);

// The binary encoding: what a restart reads instead of rows.
started = performance.now();
const encoded = large.encode();
const encodeMs = performance.now() - started;
started = performance.now();
const decoded = decodeBm25Index(encoded);
const decodeMs = performance.now() - started;
console.log(
  `binary: ${(encoded.byteLength / 1e6).toFixed(0)} MB, encoded in ${(encodeMs / 1000).toFixed(2)} s, decoded (${decoded.size.toLocaleString()} chunks) in ${(decodeMs / 1000).toFixed(2)} s`,
);
console.log(
  `load average ${loadavg()
    .map((value) => value.toFixed(1))
    .join(" ")} on this machine while measuring`,
);
