// Restart time of the support desk with its in-process index on PGlite: from the stored rows (no
// snapshot), from the snapshot, and from the snapshot plus 100 documents changed since it.
// Run: pnpm --filter @ward/support-desk bench:search-restart [chunks] (default 100000; reads
// <checkout>/../shared/data/rag or $WARD_DATA_DIR/rag).
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createDepartment, putFile, SYSTEM } from "@ward/platform";
import { openTestPlatform } from "@ward/platform/testing";
import { createBm25Index, normalizeJapanese, tokenize } from "@ward/search-ja";
import { createSupportDesk } from "../src/http/create-support-desk.js";
import { type SupportDeskDb, supportDeskMigrations } from "../src/storage/schema.js";

const dataDir =
  process.env.WARD_DATA_DIR === undefined
    ? fileURLToPath(new URL("../../../../shared/data/rag/", import.meta.url))
    : join(process.env.WARD_DATA_DIR, "rag");
const target = Number(process.argv[2] ?? 100_000);
const CHUNKS_PER_DOCUMENT = 10;

const corpus = readFileSync(join(dataDir, "jsquad-valid-corpus.jsonl"), "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => JSON.parse(line) as { id: string; title: string; text: string });
const texts = corpus.map((p) => normalizeJapanese(`${p.title}\n${p.text}`));
const terms = texts.map((text) => tokenize(text).join(" "));

const dir = mkdtempSync(join(tmpdir(), "support-desk-restart-"));
const storage = { appName: "support-desk", dataDir: join(dir, "db"), migrations: supportDeskMigrations };
const search = { kind: "memory" as const, snapshotPath: join(dir, "index.snapshot") };

// Writes `count` documents of CHUNKS_PER_DOCUMENT chunks (JSQuAD paragraphs), each a new current version.
async function writeDocuments(
  db: SupportDeskDb,
  first: number,
  count: number,
  version: number,
  fileId: string,
) {
  const now = new Date();
  for (let start = first; start < first + count; start += 200) {
    const ids = Array.from({ length: Math.min(200, first + count - start) }, (_, i) => start + i);
    await db.transaction().execute(async (trx) => {
      if (version === 1) {
        await trx
          .insertInto("support_desk_documents")
          .values(
            ids.map((n) => ({
              id: `doc-${n}`,
              folder_id: 1 + (n % 20),
              name: `文書${n}.txt`,
              current_version_id: null,
              created_at: now,
              updated_at: now,
              deleted_at: null,
            })),
          )
          .execute();
      }
      const versions = await trx
        .insertInto("support_desk_versions")
        .values(
          ids.map((n) => ({
            document_id: `doc-${n}`,
            version,
            file_id: fileId,
            file_name: `文書${n}.txt`,
            kind: "text",
            section_count: CHUNKS_PER_DOCUMENT,
            pages_without_text: "[]",
            created_by: null,
            created_at: now,
          })),
        )
        .returning(["id", "document_id"])
        .execute();
      const chunkRows = versions.flatMap((v) => {
        const n = Number(v.document_id.slice(4));
        return Array.from({ length: CHUNKS_PER_DOCUMENT }, (_, ordinal) => {
          const p = (n * CHUNKS_PER_DOCUMENT + ordinal + version) % corpus.length;
          return {
            chunk_id: `${v.document_id}:${v.id}:${ordinal}`,
            document_id: v.document_id,
            version_id: v.id,
            folder_id: 1 + (n % 20),
            ordinal,
            text: texts[p] ?? "",
            locator: JSON.stringify({ kind: "section", path: [corpus[p]?.title ?? ""] }),
            terms: terms[p] ?? "",
          };
        });
      });
      await trx
        .deleteFrom("support_desk_chunks")
        .where(
          "document_id",
          "in",
          ids.map((n) => `doc-${n}`),
        )
        .execute();
      for (let i = 0; i < chunkRows.length; i += 250) {
        await trx
          .insertInto("support_desk_chunks")
          .values(chunkRows.slice(i, i + 250))
          .execute();
      }
      for (const v of versions) {
        await trx
          .updateTable("support_desk_documents")
          .set({ current_version_id: v.id })
          .where("id", "=", v.document_id)
          .execute();
      }
    });
  }
}

async function restart(label: string): Promise<Record<string, number | string>> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const platform = await openTestPlatform(storage);
  const t1 = performance.now();
  const { desk } = await createSupportDesk(platform, { env: {}, search });
  const t2 = performance.now();
  const cpu = process.cpuUsage(cpu0);
  const hits = await desk.index.search("日本の首都", { readableFolderIds: ["1", "2"], limit: 3 });
  await desk.search.flush();
  await platform.close();
  return {
    case: label,
    "open database s": round((t1 - t0) / 1000),
    "index ready s": round((t2 - t1) / 1000),
    "total s": round((t2 - t0) / 1000),
    // On a shared machine wall time includes waiting for a core; CPU time does not.
    "total CPU s": round((cpu.user + cpu.system) / 1e6),
    hits: hits.length,
  };
}
const round = (value: number): number => Math.round(value * 100) / 100;

try {
  let started = performance.now();
  const platform = await openTestPlatform(storage);
  const db = platform.db as unknown as SupportDeskDb;
  const department = await createDepartment(platform, SYSTEM, { code: "bench", name: "ベンチ課" });
  await db
    .insertInto("support_desk_folders")
    .values(
      Array.from({ length: 20 }, (_, i) => ({
        name: `フォルダ${i + 1}`,
        department_id: department.id,
        chunk_size: 600,
        chunk_overlap: 100,
        top_k: 5,
        created_by: null,
        created_at: new Date(),
      })),
    )
    .execute();
  const file = await putFile(platform, SYSTEM, {
    name: "bench.txt",
    contentType: "text/plain",
    data: new Uint8Array(1),
  });
  const documents = Math.ceil(target / CHUNKS_PER_DOCUMENT);
  await writeDocuments(db, 0, documents, 1, file.id);
  await platform.close();
  console.log(
    `== ${(documents * CHUNKS_PER_DOCUMENT).toLocaleString()} chunks in ${documents.toLocaleString()} documents written to PGlite in ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
  // --skip-rows: build the first snapshot from the same rows in this process instead of timing
  // the full load from PGlite (minutes on a loaded machine).
  const results = [];
  if (process.argv.includes("--skip-rows")) {
    const first = createBm25Index();
    for (let n = 0; n < documents; n += 1) {
      first.addRows(
        Array.from({ length: CHUNKS_PER_DOCUMENT }, (_, ordinal) => {
          const p = (n * CHUNKS_PER_DOCUMENT + ordinal + 1) % corpus.length;
          return {
            chunkId: `doc-${n}:${n + 1}:${ordinal}`,
            documentId: `doc-${n}`,
            folderId: String(1 + (n % 20)),
            ordinal,
            text: texts[p] ?? "",
            locator: { kind: "section" as const, path: [corpus[p]?.title ?? ""] },
            terms: terms[p] ?? "",
          };
        }),
      );
    }
    writeFileSync(search.snapshotPath, first.encode());
  } else {
    results.push(await restart("no snapshot: every chunk row loaded (then the snapshot written)"));
  }
  results.push(await restart("snapshot, nothing changed since"));
  started = performance.now();
  const again = await openTestPlatform(storage);
  await writeDocuments(again.db as unknown as SupportDeskDb, 0, 100, 2, file.id);
  await again.close();
  results.push(await restart("snapshot + 100 documents (1,000 chunks) changed since"));
  console.log(
    `== restart of the support desk (PGlite, in-process index; snapshot ${(statSync(search.snapshotPath).size / 1e6).toFixed(0)} MB)`,
  );
  console.table(results);
  console.log(
    `load average ${loadavg()
      .map((value) => value.toFixed(1))
      .join(" ")} on this machine while measuring`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
