// The database search index against the in-process one: MRR@10 on JSQuAD valid (PGlite and
// PostgreSQL), then p50/p95 query latency and top-10 agreement over a large corpus on PostgreSQL.
// Run: pnpm --filter @ward/support-desk bench:search-database [chunks] (default 100000; reads
// <checkout>/../shared/data/rag or $WARD_DATA_DIR/rag; PostgreSQL from WARD_TEST_DATABASE_URL).
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Platform } from "@ward/platform";
import { createTestSchema, dropTestSchemas, openTestPlatform } from "@ward/platform/testing";
import {
  createBm25Index,
  type IndexedChunk,
  normalizeJapanese,
  type SearchIndex,
  tokenize,
} from "@ward/search-ja";
import { sql } from "kysely";
import { createDatabaseSearchIndex } from "../src/storage/database-search-index.js";
import { type SupportDeskDb, supportDeskMigrations } from "../src/storage/schema.js";

const dataDir =
  process.env.WARD_DATA_DIR === undefined
    ? fileURLToPath(new URL("../../../../shared/data/rag/", import.meta.url))
    : join(process.env.WARD_DATA_DIR, "rag");
const postgresUrl = process.env.WARD_TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const target = Number(process.argv[2] ?? 100_000);

function readJsonl<T>(name: string): T[] {
  return readFileSync(join(dataDir, name), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as T);
}
const corpus = readJsonl<{ id: string; title: string; text: string }>("jsquad-valid-corpus.jsonl");
const queries = readJsonl<{ qid: string; query: string; gold: string[] }>("jsquad-valid-queries.jsonl");
const round = (value: number): number => Math.round(value * 100) / 100;
const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

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

async function mrr(index: SearchIndex): Promise<{ mrr: number; msPerQuery: number }> {
  let sum = 0;
  const started = performance.now();
  for (const query of queries) {
    const hits = await index.search(query.query, { readableFolderIds: ["wiki"], limit: 10 });
    const rank = hits.findIndex((hit) => query.gold.includes(hit.chunkId));
    if (rank >= 0) sum += 1 / (rank + 1);
  }
  return { mrr: sum / queries.length, msPerQuery: (performance.now() - started) / queries.length };
}

async function openDesk(engine: "pglite" | "postgres"): Promise<Platform> {
  if (engine === "pglite")
    return openTestPlatform({ appName: "support-desk", migrations: supportDeskMigrations });
  const schema = createTestSchema(postgresUrl);
  return openTestPlatform({
    appName: "support-desk",
    databaseUrl: postgresUrl,
    schema,
    migrations: supportDeskMigrations,
  });
}

// 1. Quality: JSQuAD valid, the same chunks in both indexes.
const chunks = corpus.map((paragraph) => toChunk(paragraph));
const memory = createBm25Index();
memory.add(chunks);
const reference = await mrr(memory);
console.log("== JSQuAD valid MRR@10: database index vs in-process index (BM25, same analyzer)");
const quality: Record<string, { "MRR@10": number; "Δ vs in-process": number; "ms/query": number }> = {
  "in-process": {
    "MRR@10": round4(reference.mrr),
    "Δ vs in-process": 0,
    "ms/query": round(reference.msPerQuery),
  },
};
function round4(value: number): number {
  return Number(value.toFixed(4));
}
// WARD_BENCH_ENGINES=postgres skips PGlite (4,442 queries take minutes on a loaded machine).
const engines = (process.env.WARD_BENCH_ENGINES ?? "postgres,pglite").split(",") as Array<
  "pglite" | "postgres"
>;
for (const engine of engines) {
  let platform: Platform;
  try {
    platform = await openDesk(engine);
  } catch (error) {
    console.log(`${engine}: skipped (${error instanceof Error ? error.message : String(error)})`);
    continue;
  }
  const index = createDatabaseSearchIndex(platform.db as unknown as SupportDeskDb);
  await index.add(chunks);
  const measured = await mrr(index);
  quality[`database on ${engine}`] = {
    "MRR@10": round4(measured.mrr),
    "Δ vs in-process": round4(measured.mrr - reference.mrr),
    "ms/query": round(measured.msPerQuery),
  };
  await platform.close();
}
console.table(quality);

// 2. Scale on PostgreSQL: JSQuAD repeated with a per-copy marker, in 20 folders (as @ward/search-ja's bench).
const platform = await openDesk("postgres");
const db = platform.db as unknown as SupportDeskDb;
const baseTerms = chunks.map((chunk) => tokenize(chunk.text));
let started = performance.now();
// Bulk load: rows straight into the tables, the GIN index and the statistics built once at the end
// (what a migration from an existing corpus does); the same rows feed the in-process index.
await sql`drop index support_desk_search_chunks_lexemes`.execute(db);
const large = createBm25Index();
let loaded = 0;
for (let copy = 0; loaded < target; copy += 1) {
  const marker = tokenize(`版${copy}`);
  const batch: Array<IndexedChunk & { terms: string[] }> = [];
  for (const [i, chunk] of chunks.entries()) {
    if (loaded + batch.length >= target) break;
    batch.push({
      ...chunk,
      chunkId: `${chunk.chunkId}-${copy}`,
      documentId: `${chunk.chunkId}-${copy}`,
      folderId: `folder-${copy % 20}`,
      text: `${chunk.text} 版${copy}`,
      terms: [...(baseTerms[i] ?? []), ...marker],
    });
  }
  large.addRows(batch.map((row) => ({ ...row, terms: row.terms.join(" ") })));
  for (let i = 0; i < batch.length; i += 250) {
    await db
      .insertInto("support_desk_search_chunks")
      .values(
        batch.slice(i, i + 250).map((row) => ({
          chunk_id: row.chunkId,
          document_id: row.documentId,
          folder_id: row.folderId,
          ordinal: row.ordinal,
          text: row.text,
          locator: JSON.stringify(row.locator),
          terms: row.terms.join(" "),
          length: row.terms.length,
          lexemes: sql<string>`array_to_tsvector(string_to_array(${[...new Set(row.terms)].join(" ")}, ' '))`,
        })),
      )
      .execute();
  }
  loaded += batch.length;
}
const insertMs = performance.now() - started;
started = performance.now();
await sql`set maintenance_work_mem = '512MB'`.execute(db);
await sql`create index support_desk_search_chunks_lexemes on support_desk_search_chunks using gin (lexemes)`.execute(
  db,
);
const ginMs = performance.now() - started;
started = performance.now();
await sql`insert into support_desk_search_terms (term, folder_id, df)
  select t, folder_id, count(*) from support_desk_search_chunks, unnest(tsvector_to_array(lexemes)) t group by t, folder_id`.execute(
  db,
);
await sql`insert into support_desk_search_folders (folder_id, chunks, total_length)
  select folder_id, count(*), sum(length) from support_desk_search_chunks group by folder_id`.execute(db);
await sql`analyze`.execute(db);
const statsMs = performance.now() - started;
const size = await sql<{ size: string }>`select pg_size_pretty(sum(pg_total_relation_size(c.oid))) as size
  from pg_class c join pg_namespace n on n.oid = c.relnamespace
  where n.nspname = current_schema() and c.relname like 'support_desk_search%' and c.relkind in ('r')`.execute(
  db,
);
console.log(
  `== ${loaded.toLocaleString()} chunks in PostgreSQL: rows ${(insertMs / 1000).toFixed(0)} s, GIN ${(ginMs / 1000).toFixed(0)} s, statistics ${(statsMs / 1000).toFixed(0)} s, ${size.rows[0]?.size} on disk`,
);

const database = createDatabaseSearchIndex(db);
const sample = queries.filter((_, i) => i % 20 === 0);
const allFolders = Array.from({ length: 20 }, (_, i) => `folder-${i}`);
async function timed(index: SearchIndex, folders: readonly string[]) {
  const times: number[] = [];
  const results: string[][] = [];
  for (const query of sample) {
    const t0 = performance.now();
    const hits = await index.search(query.query, { readableFolderIds: folders, limit: 10 });
    times.push(performance.now() - t0);
    results.push(hits.map((hit) => hit.chunkId));
  }
  return { times: times.sort((a, b) => a - b), results };
}
await timed(database, allFolders.slice(0, 2)); // warm-up
const rows: Record<string, Record<string, number>> = {};
for (const [label, folders] of [
  ["all 20 folders readable", allFolders],
  ["2 of 20 folders readable", allFolders.slice(0, 2)],
] as const) {
  const inProcess = await timed(large, folders);
  const inDatabase = await timed(database, folders);
  let overlap = 0;
  let sameTop = 0;
  inDatabase.results.forEach((result, i) => {
    const expected = new Set(inProcess.results[i]);
    overlap += result.filter((id) => expected.has(id)).length / Math.max(1, expected.size);
    if (result[0] === inProcess.results[i]?.[0]) sameTop += 1;
  });
  rows[label] = {
    "database p50 ms": round(percentile(inDatabase.times, 50)),
    "database p95 ms": round(percentile(inDatabase.times, 95)),
    "in-process p50 ms": round(percentile(inProcess.times, 50)),
    "in-process p95 ms": round(percentile(inProcess.times, 95)),
    "top-10 overlap": round(overlap / sample.length),
    "same top-1": round(sameTop / sample.length),
  };
}
console.log(
  `== query latency over ${loaded.toLocaleString()} chunks (${sample.length} queries), PostgreSQL on loopback`,
);
console.table(rows);
console.log(
  `load average ${loadavg()
    .map((value) => value.toFixed(1))
    .join(" ")} on this machine while measuring`,
);
await platform.close();
await dropTestSchemas();
