export {
  type Bm25Index,
  type Bm25Row,
  type Bm25Snapshot,
  bm25RowSchema,
  bm25SnapshotSchema,
  createBm25Index,
  decodeBm25Index,
  loadBm25Index,
} from "./bm25-index.js";
export { type Bm25Options, bm25Idf, bm25TermScore, countTerms, defaultBm25 } from "./bm25-score.js";
export { type Chunk, chunkSections } from "./chunk-sections.js";
export {
  type ChunkingPolicy,
  chunkingPolicyFor,
  chunkingPolicySchema,
  defaultChunkingPolicy,
} from "./chunking-policy.js";
export { citationHref } from "./citation-link.js";
export { type Citation, type CitedPassage, citePassages } from "./citations.js";
export {
  type IndexedChunk,
  indexedChunkSchema,
  type SearchHit,
  type SearchOptions,
} from "./indexed-chunk.js";
export type { LocatedText } from "./located-text.js";
export {
  describeLocator,
  type Locator,
  locatorKey,
  locatorSchema,
  parseLocator,
  sameLocator,
} from "./locator.js";
export { normalizeJapanese } from "./normalize-japanese.js";
export { reciprocalRankFusion } from "./reciprocal-rank-fusion.js";
export { createRetriever, type EmbedTexts, type Retrieve } from "./retriever.js";
export { SearchError, type SearchErrorCode } from "./search-error.js";
export type { Awaitable, SearchIndex } from "./search-index.js";
export { bigramPrefix, tokenize } from "./tokenize.js";
export { decodeVector, encodeVector } from "./vector-codec.js";
export { createVectorIndex, type EmbeddedChunk, type VectorIndex } from "./vector-index.js";
