import {
  type Bm25Options,
  type Bm25Snapshot,
  bm25Idf,
  bm25TermScore,
  countTerms,
  defaultBm25,
  type IndexedChunk,
  parseLocator,
  SearchError,
  type SearchHit,
  type SearchIndex,
  tokenize,
} from "@ward/search-ja";
import { type Kysely, sql, type Transaction } from "kysely";
import type { SupportDeskTables } from "./schema.js";

type SearchTables = Pick<
  SupportDeskTables,
  "support_desk_search_chunks" | "support_desk_search_terms" | "support_desk_search_folders"
>;
type Executor = Kysely<SearchTables>;

/** Options of {@link createDatabaseSearchIndex}. */
export interface DatabaseSearchIndexOptions extends Bm25Options {
  /**
   * Most chunks the first stage may match through the GIN index: query terms are taken rarest
   * first until their document frequencies add up to this (default 20,000). Common bigrams
   * (の・した…) then only count in the rescoring, as they barely move BM25 anyway.
   */
  readonly candidateBudget?: number;
  /** Candidates rescored with exact BM25 over every query term (default 100, at least the limit). */
  readonly rescored?: number;
}

const BATCH = 500;
// Postgres refuses lexemes of 2 KB and more; such "words" (base64, URLs) still count in rescoring.
const MAX_LEXEME_CHARS = 500;

const quoteLexeme = (term: string): string => `'${term.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;

/**
 * The search index inside the database, for PostgreSQL deployments: every instance sees the same
 * corpus and its size is bounded by disk, not by a heap. Terms come from `@ward/search-ja`'s
 * analyzer: each chunk's distinct terms are a `tsvector` (GIN-indexed), document frequencies per
 * folder and chunk counts and lengths per folder are kept in tables in the same transaction as the
 * chunks. A search (1) reads the statistics of the readable folders only, (2) takes candidates
 * from the GIN index with the rarest query terms, ranked by how many of them they hold, and (3) rescores the best
 * candidates with exact BM25 over every query term — the same formula and statistics as the
 * in-process index, so small corpora rank identically (the shared contract checks it).
 * Runs on PGlite too. Writes join the caller's transaction when given one.
 *
 * @param db - the database, or a transaction to write in
 * @param options - BM25 parameters and the candidate budget
 * @returns the index
 * @example
 * ```ts
 * const index = createDatabaseSearchIndex(desk.db);
 * await index.replaceDocument(documentId, chunks);
 * await index.search("窓口の受付時間", { readableFolderIds: ["3"], limit: 5 });
 * ```
 */
export function createDatabaseSearchIndex<DB extends SearchTables>(
  database: Kysely<DB> | Transaction<DB>,
  options: DatabaseSearchIndexOptions = {},
): SearchIndex {
  const db = database as unknown as Executor;
  const k1 = options.k1 ?? defaultBm25.k1;
  const b = options.b ?? defaultBm25.b;
  const budget = options.candidateBudget ?? 20_000;
  const rescored = options.rescored ?? 100;

  const inTransaction = <T>(work: (trx: Transaction<SearchTables>) => Promise<T>): Promise<T> =>
    db.isTransaction ? work(db as Transaction<SearchTables>) : db.transaction().execute(work);

  // Adds (sign 1) or removes (sign -1) chunks' contributions to the folder and term statistics.
  const updateStats = async (
    trx: Transaction<SearchTables>,
    chunks: ReadonlyArray<{ folderId: string; counts: ReadonlyMap<string, number>; length: number }>,
    sign: 1 | -1,
  ): Promise<void> => {
    const folders = new Map<string, { chunks: number; length: number }>();
    const dfs = new Map<string, number>();
    for (const chunk of chunks) {
      const folder = folders.get(chunk.folderId) ?? { chunks: 0, length: 0 };
      folder.chunks += 1;
      folder.length += chunk.length;
      folders.set(chunk.folderId, folder);
      for (const term of chunk.counts.keys()) {
        const key = `${chunk.folderId}\u0000${term}`;
        dfs.set(key, (dfs.get(key) ?? 0) + 1);
      }
    }
    // Sorted keys: concurrent writers lock statistics rows in one order and cannot deadlock.
    const folderRows = [...folders]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([folderId, f]) => ({
        folder_id: folderId,
        chunks: sign * f.chunks,
        total_length: sign * f.length,
      }));
    if (folderRows.length > 0) {
      await trx
        .insertInto("support_desk_search_folders")
        .values(folderRows)
        .onConflict((oc) =>
          oc.column("folder_id").doUpdateSet({
            chunks: sql`support_desk_search_folders.chunks + excluded.chunks`,
            total_length: sql`support_desk_search_folders.total_length + excluded.total_length`,
          }),
        )
        .execute();
    }
    const termRows = [...dfs]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, df]) => {
        const at = key.indexOf("\u0000");
        return { folder_id: key.slice(0, at), term: key.slice(at + 1), df: sign * df };
      });
    for (let i = 0; i < termRows.length; i += BATCH * 4) {
      await trx
        .insertInto("support_desk_search_terms")
        .values(termRows.slice(i, i + BATCH * 4))
        .onConflict((oc) =>
          oc
            .columns(["term", "folder_id"])
            .doUpdateSet({ df: sql`support_desk_search_terms.df + excluded.df` }),
        )
        .execute();
    }
  };

  const insertChunks = async (trx: Transaction<SearchTables>, chunks: readonly IndexedChunk[]) => {
    const analysed = chunks.map((chunk) => {
      // Terms computed by the ingestion worker are used as they are (same analyzer).
      const given = (chunk as { readonly terms?: unknown }).terms;
      const terms =
        typeof given === "string" ? given.split(" ").filter((t) => t !== "") : tokenize(chunk.text);
      const counts = countTerms(terms);
      return { chunk, terms, counts, length: terms.length, folderId: chunk.folderId };
    });
    for (let i = 0; i < analysed.length; i += BATCH) {
      await trx
        .insertInto("support_desk_search_chunks")
        .values(
          analysed.slice(i, i + BATCH).map(({ chunk, terms, counts, length }) => ({
            chunk_id: chunk.chunkId,
            document_id: chunk.documentId,
            folder_id: chunk.folderId,
            ordinal: chunk.ordinal,
            text: chunk.text,
            locator: JSON.stringify(chunk.locator),
            terms: terms.join(" "),
            length,
            lexemes: sql<string>`array_to_tsvector(string_to_array(${[...counts.keys()]
              .filter((term) => term.length <= MAX_LEXEME_CHARS)
              .join(" ")}, ' '))`,
          })),
        )
        .execute();
    }
    await updateStats(trx, analysed, 1);
  };

  const duplicateOf = async (
    trx: Transaction<SearchTables>,
    chunks: readonly IndexedChunk[],
  ): Promise<{ chunk_id: string; document_id: string } | undefined> => {
    const seen = new Set<string>();
    for (const chunk of chunks) {
      if (seen.has(chunk.chunkId)) return { chunk_id: chunk.chunkId, document_id: chunk.documentId };
      seen.add(chunk.chunkId);
    }
    for (let i = 0; i < chunks.length; i += BATCH) {
      const found = await trx
        .selectFrom("support_desk_search_chunks")
        .select(["chunk_id", "document_id"])
        .where(
          "chunk_id",
          "in",
          chunks.slice(i, i + BATCH).map((chunk) => chunk.chunkId),
        )
        .executeTakeFirst();
      if (found) return found;
    }
    return undefined;
  };

  const removeIn = async (trx: Transaction<SearchTables>, documentId: string): Promise<number> => {
    const rows = await trx
      .deleteFrom("support_desk_search_chunks")
      .where("document_id", "=", documentId)
      .returning(["folder_id", "terms", "length"])
      .execute();
    await updateStats(
      trx,
      rows.map((row) => ({
        folderId: row.folder_id,
        counts: countTerms(row.terms === "" ? [] : row.terms.split(" ")),
        length: row.length,
      })),
      -1,
    );
    // A term no chunk uses any more is text of a removed document: it must not outlive it.
    const folders = [...new Set(rows.map((row) => row.folder_id))];
    if (folders.length > 0) {
      await trx
        .deleteFrom("support_desk_search_terms")
        .where("folder_id", "in", folders)
        .where("df", "<=", 0)
        .execute();
    }
    return rows.length;
  };

  return {
    async add(chunks) {
      if (chunks.length === 0) return;
      await inTransaction(async (trx) => {
        const duplicate = await duplicateOf(trx, chunks);
        if (duplicate) {
          throw new SearchError("DUPLICATE_CHUNK", `chunk ${duplicate.chunk_id} is already in the index`);
        }
        await insertChunks(trx, chunks);
      });
    },
    removeDocument(documentId) {
      return inTransaction((trx) => removeIn(trx, documentId));
    },
    async replaceDocument(documentId, chunks) {
      const foreign = chunks.find((chunk) => chunk.documentId !== documentId);
      if (foreign) {
        throw new SearchError(
          "FOREIGN_CHUNK",
          `chunk ${foreign.chunkId} does not belong to document ${documentId}`,
        );
      }
      await inTransaction(async (trx) => {
        await removeIn(trx, documentId);
        const duplicate = await duplicateOf(trx, chunks);
        if (duplicate) {
          throw new SearchError(
            duplicate.document_id === documentId ? "DUPLICATE_CHUNK" : "FOREIGN_CHUNK",
            `chunk ${duplicate.chunk_id} does not belong to document ${documentId}`,
          );
        }
        await insertChunks(trx, chunks);
      });
    },
    async search(query, searchOptions) {
      const limit = searchOptions.limit ?? 10;
      const folders = [...new Set(searchOptions.readableFolderIds)];
      const queryTerms = [...new Set(tokenize(query))].filter((term) => term.length <= MAX_LEXEME_CHARS);
      if (folders.length === 0 || queryTerms.length === 0 || limit <= 0) return [];
      const totals = await db
        .selectFrom("support_desk_search_folders")
        .select((eb) => [
          eb.fn.sum<string>("chunks").as("chunks"),
          eb.fn.sum<string>("total_length").as("length"),
        ])
        .where("folder_id", "in", folders)
        .executeTakeFirst();
      const chunkCount = Number(totals?.chunks ?? 0);
      if (chunkCount === 0) return [];
      const averageLength = Number(totals?.length ?? 0) / chunkCount;
      const dfRows = await db
        .selectFrom("support_desk_search_terms")
        .select((eb) => ["term", eb.fn.sum<string>("df").as("df")])
        .where("term", "in", queryTerms)
        .where("folder_id", "in", folders)
        .groupBy("term")
        .execute();
      const idf = new Map<string, number>();
      const byRarity: Array<{ term: string; df: number }> = [];
      for (const row of dfRows) {
        const df = Number(row.df);
        if (df <= 0) continue;
        idf.set(row.term, bm25Idf(chunkCount, df));
        byRarity.push({ term: row.term, df });
      }
      if (byRarity.length === 0) return [];
      byRarity.sort((x, y) => x.df - y.df || (x.term < y.term ? -1 : 1));
      const seeds: string[] = [];
      let matched = 0;
      for (const { term, df } of byRarity) {
        if (seeds.length > 0 && matched + df > budget) break;
        seeds.push(term);
        matched += df;
      }
      const seedQuery = seeds.map(quoteLexeme).join(" | ");
      const candidates = await db
        .selectFrom("support_desk_search_chunks")
        .select(["chunk_id", "document_id", "folder_id", "ordinal", "text", "locator", "terms", "length"])
        .where("folder_id", "in", folders)
        .where(sql<boolean>`lexemes @@ ${seedQuery}::tsquery`)
        // One ts_rank per row (how many rare terms it holds): per-term CASEs would detoast the tsvector once per term.
        .orderBy(sql`ts_rank(lexemes, ${seedQuery}::tsquery, 0)`, "desc")
        .orderBy("chunk_id")
        .limit(Math.max(rescored, limit))
        .execute();
      const params = { k1, b };
      const scored = candidates.map((row) => {
        const counts = countTerms(row.terms === "" ? [] : row.terms.split(" "));
        let score = 0;
        for (const [term, weight] of idf) {
          const tf = Math.min(counts.get(term) ?? 0, 65535);
          if (tf > 0) score += bm25TermScore(weight, tf, row.length, averageLength, params);
        }
        return { row, score };
      });
      // Ties keep the order chunks were indexed in, as the in-process index does.
      scored.sort((x, y) => y.score - x.score || (x.row.chunk_id < y.row.chunk_id ? -1 : 1));
      return scored.slice(0, limit).map(
        ({ row, score }): SearchHit => ({
          chunkId: row.chunk_id,
          documentId: row.document_id,
          folderId: row.folder_id,
          ordinal: row.ordinal,
          text: row.text,
          locator: parseLocator(JSON.parse(row.locator)),
          score,
        }),
      );
    },
    async snapshot(): Promise<Bm25Snapshot> {
      const rows = await db
        .selectFrom("support_desk_search_chunks")
        .select(["chunk_id", "document_id", "folder_id", "ordinal", "text", "locator", "terms"])
        .orderBy("chunk_id")
        .execute();
      return {
        format: "ward-bm25@1",
        k1,
        b,
        rows: rows.map((row) => ({
          chunkId: row.chunk_id,
          documentId: row.document_id,
          folderId: row.folder_id,
          ordinal: row.ordinal,
          text: row.text,
          locator: parseLocator(JSON.parse(row.locator)),
          terms: row.terms,
        })),
      };
    },
  };
}
