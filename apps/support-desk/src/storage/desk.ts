import type { Platform } from "@ward/platform";
import type { Bm25Index } from "../domain/index.js";
import type { SupportDeskDb } from "./schema.js";

/** A document as the in-memory index needs to name and filter it. */
export interface DocumentEntry {
  readonly name: string;
  readonly folderId: number;
}

/**
 * The running support desk: the platform, its database typed with our tables, the in-memory
 * BM25 index (rebuilt from chunk rows at start) and the names of current documents.
 */
export interface Desk {
  readonly platform: Platform;
  readonly db: SupportDeskDb;
  readonly index: Bm25Index;
  readonly documents: Map<string, DocumentEntry>;
}
