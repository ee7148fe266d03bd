import { open, readFile, rename, rm } from "node:fs/promises";
import type { Platform, PlatformTables } from "@ward/platform";
import {
  type Bm25Index,
  type Bm25Row,
  createBm25Index,
  createVectorIndex,
  decodeBm25Index,
  decodeVector,
  type IndexedChunk,
  parseLocator,
  type SearchIndex,
  type VectorIndex,
} from "@ward/search-ja";
import { sql, type Transaction } from "kysely";
import { createDatabaseSearchIndex } from "./database-search-index.js";
import type { DocumentEntry } from "./desk.js";
import type { SupportDeskDb, SupportDeskTables } from "./schema.js";

/** Where the lexical index lives: in this process (the embedded default) or in the database. */
export type SearchBackendKind = "memory" | "database";

/**
 * The lexical index and how storage transactions reach it. The database index writes inside the
 * caller's transaction, so a document and its index entries commit together on every instance;
 * the in-process index applies the change after the commit (nothing is searchable before it).
 */
export interface SearchBackend {
  readonly kind: SearchBackendKind;
  readonly index: SearchIndex;
  /**
   * Stages a document's new chunks (none: the document leaves the index) in a storage transaction.
   * @returns what to run after the commit
   */
  stage(
    trx: Transaction<PlatformTables & SupportDeskTables>,
    documentId: string,
    chunks: readonly IndexedChunk[],
  ): Promise<() => void>;
  /** Writes the in-process index's snapshot now if it changed (no-op for the database). */
  flush(): Promise<void>;
}

/** Options of {@link openSearchBackend}. */
export interface SearchBackendOptions {
  /** Default: `WARD_SEARCH_INDEX` (`memory` or `database`), else `database` on PostgreSQL, `memory` on PGlite. */
  readonly kind?: SearchBackendKind;
  /**
   * The in-process index's snapshot file. Default: `WARD_SEARCH_SNAPSHOT` (`off` for none), else
   * `<PGlite data dir>.search-index`; none for in-memory PGlite or PostgreSQL.
   */
  readonly snapshotPath?: string | undefined;
  /** Least time between two snapshot writes after changes (default 30 s). */
  readonly snapshotDelayMs?: number;
  /** Load stored vectors of this embedding model into a vector index. */
  readonly denseModel?: string | undefined;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** The opened backend, the current documents' names, and the vector index when dense retrieval is on. */
export interface OpenedSearch {
  readonly backend: SearchBackend;
  readonly documents: Map<string, DocumentEntry>;
  readonly vectors: VectorIndex | undefined;
  /** How the in-process index was made ready (for logs and the restart bench). */
  readonly loaded: { readonly from: "snapshot" | "rows" | "database"; readonly changedDocuments: number };
}

const PAGE = 5000;

/**
 * Opens the desk's lexical index. In process: decode the snapshot file (if any), then bring it up
 * to date with the database — only documents whose current version differs are reloaded from
 * their stored terms, removed documents leave — so a restart costs the changes since the last
 * snapshot, not a rebuild; without a snapshot, every chunk row is loaded. In the database: nothing
 * to load (chunks stored before the database index existed are backfilled once).
 *
 * @example
 * ```ts
 * const { backend, documents } = await openSearchBackend(platform, { env: process.env });
 * await backend.index.search("窓口", { readableFolderIds: ["3"] });
 * ```
 */
export async function openSearchBackend(
  platform: Platform,
  options: SearchBackendOptions = {},
): Promise<OpenedSearch> {
  const db = platform.db as unknown as SupportDeskDb;
  const env = options.env ?? process.env;
  const configured = env.WARD_SEARCH_INDEX?.trim();
  if (configured !== undefined && configured !== "" && configured !== "memory" && configured !== "database") {
    throw new Error(`@ward/support-desk: WARD_SEARCH_INDEX must be memory or database, not ${configured}`);
  }
  const kind: SearchBackendKind =
    options.kind ?? (configured || undefined) ?? (platform.kind === "postgres" ? "database" : "memory");
  const versions = await currentVersions(db);
  const documents = new Map<string, DocumentEntry>();
  for (const [id, d] of versions) documents.set(id, { name: d.name, folderId: d.folderId });
  const vectors =
    options.denseModel === undefined ? undefined : await loadVectors(db, options.denseModel, versions.size);
  if (kind === "database") {
    await backfillDatabaseIndex(db);
    const index = createDatabaseSearchIndex(db);
    const backend: SearchBackend = {
      kind,
      index,
      async stage(trx, documentId, chunks) {
        const writer = createDatabaseSearchIndex(trx);
        if (chunks.length === 0) await writer.removeDocument(documentId);
        else await writer.replaceDocument(documentId, chunks);
        return () => undefined;
      },
      async flush() {},
    };
    return { backend, documents, vectors, loaded: { from: "database", changedDocuments: 0 } };
  }
  const snapshotPath = resolveSnapshotPath(platform, options, env);
  const { index, from, changedDocuments } = await loadMemoryIndex(db, versions, snapshotPath, platform);
  const persist = snapshotWriter(index, snapshotPath, options.snapshotDelayMs ?? 30_000, platform);
  if (from === "rows" || changedDocuments > 0) await persist.now();
  const backend: SearchBackend = {
    kind,
    index,
    async stage(_trx, documentId, chunks) {
      return () => {
        if (chunks.length === 0) index.removeDocument(documentId);
        else if (chunks.every(hasTerms)) {
          index.removeDocument(documentId);
          index.addRows(chunks);
        } else index.replaceDocument(documentId, chunks);
        persist.later();
      };
    },
    flush: () => persist.now(),
  };
  return { backend, documents, vectors, loaded: { from, changedDocuments } };
}

function resolveSnapshotPath(
  platform: Platform,
  options: SearchBackendOptions,
  env: Readonly<Record<string, string | undefined>>,
): string | undefined {
  if ("snapshotPath" in options) return options.snapshotPath;
  const configured = env.WARD_SEARCH_SNAPSHOT?.trim();
  if (configured === "off") return undefined;
  if (configured) return configured;
  const dataDir = platform.location.startsWith("pglite:")
    ? platform.location.slice("pglite:".length)
    : "memory";
  return dataDir === "memory" ? undefined : `${dataDir}.search-index`;
}

interface CurrentVersion {
  readonly name: string;
  readonly folderId: number;
  readonly versionId: number;
}

async function currentVersions(db: SupportDeskDb): Promise<Map<string, CurrentVersion>> {
  const rows = await db
    .selectFrom("support_desk_documents")
    .select(["id", "name", "folder_id", "current_version_id"])
    .where("deleted_at", "is", null)
    .where("current_version_id", "is not", null)
    .execute();
  return new Map(
    rows.map((d) => [
      d.id,
      { name: d.name, folderId: d.folder_id, versionId: d.current_version_id as number },
    ]),
  );
}

// Chunk ids are `<document>:<version>:<ordinal>` (ingestion.ts): the version a snapshot holds.
const versionOfChunk = (chunkId: string): number => Number(chunkId.split(":")[1]);

async function loadMemoryIndex(
  db: SupportDeskDb,
  versions: ReadonlyMap<string, CurrentVersion>,
  snapshotPath: string | undefined,
  platform: Platform,
): Promise<{ index: Bm25Index; from: "snapshot" | "rows"; changedDocuments: number }> {
  let index: Bm25Index | undefined;
  if (snapshotPath !== undefined) {
    try {
      index = decodeBm25Index(new Uint8Array(await readFile(snapshotPath)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") {
        platform.logger.warn(
          { err: error, snapshotPath },
          "search snapshot unreadable; rebuilding from rows",
        );
      }
    }
  }
  if (index === undefined) {
    const fresh = createBm25Index();
    await loadRows(db, undefined, (rows) => fresh.addRows(rows));
    return { index: fresh, from: "rows", changedDocuments: 0 };
  }
  const held = new Map<string, number>();
  for (const chunk of index.chunks()) held.set(chunk.documentId, versionOfChunk(chunk.chunkId));
  const changed: string[] = [];
  for (const [documentId, current] of versions) {
    if (held.get(documentId) !== current.versionId) changed.push(documentId);
  }
  let removed = 0;
  for (const documentId of held.keys()) {
    if (!versions.has(documentId)) removed += Math.sign(index.removeDocument(documentId));
  }
  for (const documentId of changed) index.removeDocument(documentId);
  for (let i = 0; i < changed.length; i += 500) {
    await loadRows(db, changed.slice(i, i + 500), (rows) => index.addRows(rows));
  }
  return { index, from: "snapshot", changedDocuments: changed.length + removed };
}

async function loadRows(
  db: SupportDeskDb,
  documentIds: readonly string[] | undefined,
  add: (rows: Array<IndexedChunk & { terms: string }>) => void,
): Promise<void> {
  if (documentIds !== undefined && documentIds.length === 0) return;
  for (let offset = 0; ; offset += PAGE) {
    let query = db
      .selectFrom("support_desk_chunks as c")
      .innerJoin("support_desk_documents as d", "d.current_version_id", "c.version_id")
      .select(["c.chunk_id", "c.document_id", "c.folder_id", "c.ordinal", "c.text", "c.locator", "c.terms"])
      .where("d.deleted_at", "is", null);
    if (documentIds !== undefined) query = query.where("c.document_id", "in", documentIds);
    const rows = await query.orderBy("c.chunk_id").limit(PAGE).offset(offset).execute();
    add(
      rows.map((r) => ({
        chunkId: r.chunk_id,
        documentId: r.document_id,
        folderId: String(r.folder_id),
        ordinal: r.ordinal,
        text: r.text,
        locator: parseLocator(JSON.parse(r.locator)),
        terms: r.terms,
      })),
    );
    if (rows.length < PAGE) return;
  }
}

async function loadVectors(db: SupportDeskDb, model: string, documents: number): Promise<VectorIndex> {
  const vectors = createVectorIndex();
  if (documents === 0) return vectors;
  for (let offset = 0; ; offset += PAGE) {
    const rows = await db
      .selectFrom("support_desk_chunks as c")
      .innerJoin("support_desk_documents as d", "d.current_version_id", "c.version_id")
      .innerJoin("support_desk_chunk_vectors as v", "v.chunk_id", "c.chunk_id")
      .select(["c.chunk_id", "c.document_id", "c.folder_id", "c.ordinal", "c.text", "c.locator", "v.vector"])
      .where("d.deleted_at", "is", null)
      .where("v.model", "=", model)
      .orderBy("c.chunk_id")
      .limit(PAGE)
      .offset(offset)
      .execute();
    vectors.add(
      rows.map((r) => ({
        chunkId: r.chunk_id,
        documentId: r.document_id,
        folderId: String(r.folder_id),
        ordinal: r.ordinal,
        text: r.text,
        locator: parseLocator(JSON.parse(r.locator)),
        embedding: decodeVector(r.vector),
      })),
    );
    if (rows.length < PAGE) return vectors;
  }
}

// Chunks stored before the database index existed (or while the desk ran in-process) enter it
// once; an advisory lock keeps two instances starting together from both doing it.
async function backfillDatabaseIndex(db: SupportDeskDb): Promise<void> {
  const indexed = await db.selectFrom("support_desk_search_chunks").select("chunk_id").limit(1).execute();
  if (indexed.length > 0) return;
  await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(727001)`.execute(trx);
    const again = await trx.selectFrom("support_desk_search_chunks").select("chunk_id").limit(1).execute();
    if (again.length > 0) return;
    const writer = createDatabaseSearchIndex(trx);
    for (let offset = 0; ; offset += PAGE) {
      const rows = await trx
        .selectFrom("support_desk_chunks as c")
        .innerJoin("support_desk_documents as d", "d.current_version_id", "c.version_id")
        .select(["c.chunk_id", "c.document_id", "c.folder_id", "c.ordinal", "c.text", "c.locator"])
        .where("d.deleted_at", "is", null)
        .orderBy("c.chunk_id")
        .limit(PAGE)
        .offset(offset)
        .execute();
      await writer.add(
        rows.map((r) => ({
          chunkId: r.chunk_id,
          documentId: r.document_id,
          folderId: String(r.folder_id),
          ordinal: r.ordinal,
          text: r.text,
          locator: parseLocator(JSON.parse(r.locator)),
        })),
      );
      if (rows.length < PAGE) return;
    }
  });
}

// Writes the encoded index atomically (temporary file, fsync, rename): a crash mid-write leaves
// the previous snapshot, and any snapshot is only a cache the database corrects at the next start.
function snapshotWriter(index: Bm25Index, path: string | undefined, delayMs: number, platform: Platform) {
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> = Promise.resolve();
  const write = async (): Promise<void> => {
    if (path === undefined) return;
    const bytes = index.encode();
    const temporary = `${path}.${process.pid}.tmp`;
    try {
      const handle = await open(temporary, "w", 0o600);
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temporary, path);
    } catch (error) {
      await rm(temporary, { force: true });
      platform.logger.warn({ err: error, path }, "could not write the search snapshot");
    }
  };
  const now = (): Promise<void> => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    writing = writing.then(write);
    return writing;
  };
  return {
    now,
    later(): void {
      if (path === undefined || timer !== undefined) return;
      timer = setTimeout(() => void now(), delayMs);
      timer.unref();
    },
  };
}

/** Chunks that arrive with their terms (tokenised in a worker) need no tokenising here. */
function hasTerms(chunk: IndexedChunk): chunk is Bm25Row {
  return typeof (chunk as Partial<Bm25Row>).terms === "string";
}
