import type { Platform } from "@ward/platform";
import type { EmbedTexts, Retrieve, SearchIndex, VectorIndex } from "../domain/index.js";
import type { SupportDeskDb } from "./schema.js";
import type { SearchBackend } from "./search-backend.js";

/** A document as the in-memory index needs to name and filter it. */
export interface DocumentEntry {
  readonly name: string;
  readonly folderId: number;
}

/** Dense retrieval, when `WARD_EMBEDDINGS_*` is set: the vector index and its embeddings client. */
export interface DenseRetrieval {
  /** The embedding model's name; stored with each vector, only vectors of this model are loaded. */
  readonly model: string;
  readonly index: VectorIndex;
  readonly embed: EmbedTexts;
}

/**
 * The running support desk: the platform, its database typed with our tables, the lexical index
 * (in process, restored from its snapshot at start, or in the database), the optional vector
 * index, the retrieval function over both, and the names of current documents.
 */
export interface Desk {
  readonly platform: Platform;
  readonly db: SupportDeskDb;
  /** The lexical index (`search.index`); writes go through `search.stage` inside transactions. */
  readonly index: SearchIndex;
  readonly search: SearchBackend;
  readonly dense: DenseRetrieval | undefined;
  /** Lexical, or lexical and dense fused (lexical alone when the embeddings server fails). */
  readonly retrieve: Retrieve;
  readonly documents: Map<string, DocumentEntry>;
}
