import { z } from "zod";
import { type Locator, locatorSchema } from "./locator.js";

/** A chunk as the search indexes hold it: where it comes from, who may read it, what it says. */
export interface IndexedChunk {
  readonly chunkId: string;
  readonly documentId: string;
  /** The folder whose readers may see this chunk: the access filter keys on it. */
  readonly folderId: string;
  readonly ordinal: number;
  readonly text: string;
  readonly locator: Locator;
}

/** zod schema of an {@link IndexedChunk}. */
export const indexedChunkSchema = z.object({
  chunkId: z.string().min(1),
  documentId: z.string().min(1),
  folderId: z.string().min(1),
  ordinal: z.number().int().nonnegative(),
  text: z.string(),
  locator: locatorSchema,
});

/** One search result: the chunk and its score (higher is better). */
export interface SearchHit extends IndexedChunk {
  readonly score: number;
}

/** What every search needs: the folders the asking user may read. Nothing else is ever scored. */
export interface SearchOptions {
  readonly readableFolderIds: ReadonlySet<string> | readonly string[];
  /** Most results to return (default 10). */
  readonly limit?: number;
}
