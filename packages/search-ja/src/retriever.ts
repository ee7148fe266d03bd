import type { SearchHit, SearchOptions } from "./indexed-chunk.js";
import { reciprocalRankFusion } from "./reciprocal-rank-fusion.js";
import type { SearchIndex } from "./search-index.js";
import type { VectorIndex } from "./vector-index.js";

/** Embeds texts with a dense model (an embeddings server's client): one vector per text, in order. */
export type EmbedTexts = (
  texts: readonly string[],
  options?: { signal?: AbortSignal },
) => Promise<number[][]>;

/** Finds the readable chunks for a query, best first. */
export type Retrieve = (
  query: string,
  options: SearchOptions & { readonly signal?: AbortSignal },
) => Promise<SearchHit[]>;

/**
 * Combines a lexical index (in process or in a database) with optional dense vectors. Lexical-only is a complete mode; with
 * `dense`, the two rankings (each over readable chunks only) are fused by reciprocal rank fusion.
 * If the embedding server fails, the lexical ranking is returned and `onDenseError` is told.
 *
 * @param options - the lexical index; optionally the vector index with its embedding client;
 *   `candidates` per ranking before fusion (default 50)
 * @returns the retrieval function
 * @example
 * const retrieve = createRetriever({ lexical: index });
 * const hits = await retrieve("窓口の受付時間", { readableFolderIds: ["総務課"], limit: 5 });
 */
export function createRetriever(options: {
  readonly lexical: SearchIndex;
  readonly dense?: { readonly index: VectorIndex; readonly embed: EmbedTexts };
  readonly candidates?: number;
  readonly onDenseError?: (error: unknown) => void;
}): Retrieve {
  const candidates = options.candidates ?? 50;
  return async (query, searchOptions) => {
    const limit = searchOptions.limit ?? 10;
    const base = { readableFolderIds: searchOptions.readableFolderIds };
    if (options.dense === undefined) return await options.lexical.search(query, { ...base, limit });
    const lexical = await options.lexical.search(query, { ...base, limit: Math.max(candidates, limit) });
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
