import { type DocumentInput, type DocumentKind, parseDocument } from "@ward/documents";
import {
  type Chunk,
  type ChunkingPolicy,
  chunkSections,
  defaultChunkingPolicy,
  normalizeJapanese,
} from "@ward/search-ja";

/** An upload turned into searchable chunks, with the pages that need OCR. */
export interface IngestedDocument {
  readonly kind: DocumentKind;
  readonly chunks: readonly Chunk[];
  /** Number of pages, slides or sections parsed. */
  readonly sectionCount: number;
  /** PDF pages without a text layer (scans): they are not searchable until OCR'd. */
  readonly pagesWithoutText: readonly number[];
}

/**
 * Parses an upload, normalises its Japanese text ({@link normalizeJapanese}) and cuts it into
 * chunks with the folder's policy; row groups of sheets and CSV are sized to the chunk size.
 *
 * @param input - bytes, file name and optional MIME type
 * @param policy - the folder's chunking policy
 * @returns the chunks and the pages that had no text layer
 * @throws IngestError with code `UNSUPPORTED_TYPE`, `EMPTY_FILE`, `ENCRYPTED` or `CORRUPT`
 * @example
 * const ingested = await ingestDocument({ bytes, fileName: "概況.pdf" }, { size: 600, overlap: 100 });
 * ingested.chunks[0]?.locator; // => { kind: "page", page: 1 }
 */
export async function ingestDocument(
  input: DocumentInput,
  policy: ChunkingPolicy = defaultChunkingPolicy,
): Promise<IngestedDocument> {
  const parsed = await parseDocument(input, { tableChars: policy.size });
  const sections = parsed.sections.map((section) => ({ ...section, text: normalizeJapanese(section.text) }));
  return {
    kind: parsed.kind,
    chunks: chunkSections(sections, policy),
    sectionCount: sections.length,
    pagesWithoutText: sections.flatMap((section) =>
      section.noTextLayer && section.locator.kind === "page" ? [section.locator.page] : [],
    ),
  };
}
