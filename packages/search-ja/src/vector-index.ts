import type { IndexedChunk, SearchHit, SearchOptions } from "./indexed-chunk.js";
import { SearchError } from "./search-error.js";

/** A chunk with its embedding. */
export interface EmbeddedChunk extends IndexedChunk {
  readonly embedding: readonly number[];
}

/**
 * Exact cosine-similarity search over chunk embeddings, with the same access rule as the BM25
 * index: chunks outside the readable folders are skipped before any similarity is computed.
 * Brute force: fine for the tens of thousands of chunks a ward's folders hold.
 */
export interface VectorIndex {
  readonly size: number;
  readonly dimensions: number | undefined;
  add(chunks: readonly EmbeddedChunk[]): void;
  removeDocument(documentId: string): number;
  replaceDocument(documentId: string, chunks: readonly EmbeddedChunk[]): void;
  search(queryEmbedding: readonly number[], options: SearchOptions): SearchHit[];
}

interface Entry {
  readonly chunk: IndexedChunk;
  readonly vector: Float32Array;
}

function unit(vector: readonly number[]): Float32Array {
  let norm = 0;
  for (const value of vector) norm += value * value;
  const scale = norm === 0 ? 0 : 1 / Math.sqrt(norm);
  return Float32Array.from(vector, (value) => value * scale);
}

/**
 * Creates an empty vector index.
 *
 * @returns the index
 * @example
 * const vectors = createVectorIndex();
 * vectors.add([{ ...chunk, embedding: [0.1, 0.9] }]);
 * vectors.search([0.1, 0.8], { readableFolderIds: [chunk.folderId] })[0]?.chunkId; // => chunk.chunkId
 */
export function createVectorIndex(): VectorIndex {
  const byDocument = new Map<string, Entry[]>();
  let dimensions: number | undefined;
  let size = 0;
  const checked = (chunks: readonly EmbeddedChunk[]): Entry[] =>
    chunks.map((chunk) => {
      const expected = dimensions ?? chunk.embedding.length;
      if (chunk.embedding.length !== expected || expected === 0) {
        throw new SearchError(
          "DIMENSION_MISMATCH",
          `chunk ${chunk.chunkId} has ${chunk.embedding.length} dimensions, expected ${expected}`,
        );
      }
      dimensions = expected;
      const { embedding, ...rest } = chunk;
      return { chunk: rest, vector: unit(embedding) };
    });
  const remove = (documentId: string): number => {
    const removed = byDocument.get(documentId)?.length ?? 0;
    byDocument.delete(documentId);
    size -= removed;
    return removed;
  };
  const insert = (entries: readonly Entry[]): void => {
    for (const entry of entries) {
      const list = byDocument.get(entry.chunk.documentId) ?? [];
      list.push(entry);
      byDocument.set(entry.chunk.documentId, list);
      size += 1;
    }
  };
  return {
    get size() {
      return size;
    },
    get dimensions() {
      return dimensions;
    },
    add(chunks) {
      insert(checked(chunks));
    },
    removeDocument: remove,
    replaceDocument(documentId, chunks) {
      const entries = checked(chunks);
      remove(documentId);
      insert(entries);
    },
    search(queryEmbedding, options) {
      const readable = new Set(options.readableFolderIds);
      if (dimensions !== undefined && queryEmbedding.length !== dimensions) {
        throw new SearchError(
          "DIMENSION_MISMATCH",
          `query has ${queryEmbedding.length} dimensions, the index has ${dimensions}`,
        );
      }
      const query = unit(queryEmbedding);
      const scored: { chunk: IndexedChunk; score: number }[] = [];
      for (const entries of byDocument.values()) {
        for (const entry of entries) {
          if (!readable.has(entry.chunk.folderId)) continue;
          let dot = 0;
          for (let i = 0; i < query.length; i += 1) dot += (query[i] as number) * (entry.vector[i] as number);
          scored.push({ chunk: entry.chunk, score: dot });
        }
      }
      scored.sort((a, b) => b.score - a.score);
      return scored.slice(0, options.limit ?? 10).map(({ chunk, score }) => ({ ...chunk, score }));
    },
  };
}
