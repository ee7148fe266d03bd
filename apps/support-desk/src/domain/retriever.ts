import type { Bm25Index } from "./bm25-index.js";
import type { EmbedTexts } from "./embeddings-client.js";
import type { SearchHit, SearchOptions } from "./indexed-chunk.js";
import { reciprocalRankFusion } from "./reciprocal-rank-fusion.js";
import type { VectorIndex } from "./vector-index.js";

/** Finds the readable chunks for a query, best first. */
export type Retrieve = (
  query: string,
  options: SearchOptions & { readonly signal?: AbortSignal },
) => Promise<SearchHit[]>;

/**
 * Combines the BM25 index with optional dense vectors. Lexical-only is a complete mode; with
 * `dense`, the two rankings (each over readable chunks only) are fused by reciprocal rank fusion.
 * If the embedding server fails, the lexical ranking is returned and `onDenseError` is told.
 *
 * @param options - the BM25 index; optionally the vector index with its embedding client;
 *   `candidates` per ranking before fusion (default 50)
 * @returns the retrieval function
 * @example
 * const retrieve = createRetriever({ lexical: index });
 * const hits = await retrieve("窓口の受付時間", { readableFolderIds: ["総務課"], limit: 5 });
 */
export function createRetriever(options: {
  readonly lexical: Bm25Index;
  readonly dense?: { readonly index: VectorIndex; readonly embed: EmbedTexts };
  readonly candidates?: number;
  readonly onDenseError?: (error: unknown) => void;
}): Retrieve {
  const candidates = options.candidates ?? 50;
  return async (query, searchOptions) => {
    const limit = searchOptions.limit ?? 10;
    const base = { readableFolderIds: searchOptions.readableFolderIds };
    if (options.dense === undefined) return options.lexical.search(query, { ...base, limit });
    const lexical = options.lexical.search(query, { ...base, limit: Math.max(candidates, limit) });
    let dense: SearchHit[];
    try {
      const embedOptions = searchOptions.signal === undefined ? {} : { signal: searchOptions.signal };
      const [vector] = await options.dense.embed([query], embedOptions);
      dense =
        vector === undefined
          ? []
          : options.dense.index.search(vector, { ...base, limit: Math.max(candidates, limit) });
    } catch (error) {
      options.onDenseError?.(error);
      return lexical.slice(0, limit);
    }
    return reciprocalRankFusion([lexical, dense], { key: (hit) => hit.chunkId, limit }).map(
      ({ item, score }) => ({
        ...item,
        score,
      }),
    );
  };
}
