import type { Bm25Snapshot } from "./bm25-index.js";
import type { IndexedChunk, SearchHit, SearchOptions } from "./indexed-chunk.js";

/** A value or a promise of it: the in-process index answers at once, a database index later. */
export type Awaitable<T> = T | Promise<T>;

/**
 * What every lexical index of chunks does, in memory or in a database. Callers always `await`
 * the results, so the same code runs over either. Every implementation must pass the shared suite
 * in `@ward/search-ja/contract`: the access filter before scoring, BM25 statistics over readable
 * chunks only, atomic document replacement, and a snapshot that round-trips.
 *
 * @example
 * async function reindex(index: SearchIndex, documentId: string, chunks: IndexedChunk[]) {
 *   await index.replaceDocument(documentId, chunks);
 *   return index.search("住民票", { readableFolderIds: ["総務課"], limit: 5 });
 * }
 */
export interface SearchIndex {
  /** Adds chunks. @throws SearchError `DUPLICATE_CHUNK` when a chunk id is already present. */
  add(chunks: readonly IndexedChunk[]): Awaitable<void>;
  /** Removes every chunk of a document; returns how many were removed. */
  removeDocument(documentId: string): Awaitable<number>;
  /**
   * Swaps a document's chunks for new ones in one step: no search sees a mix of versions.
   * @throws SearchError `FOREIGN_CHUNK` when a chunk belongs to another document
   */
  replaceDocument(documentId: string, chunks: readonly IndexedChunk[]): Awaitable<void>;
  /** Ranks the readable chunks for a query, best first (BM25 scores). */
  search(query: string, options: SearchOptions): Awaitable<SearchHit[]>;
  /** Every chunk with its terms, as one JSON value (to move an index between implementations). */
  snapshot(): Awaitable<Bm25Snapshot>;
}
