import {
  type Chunk,
  type ChunkingPolicy,
  chunkSections,
  createBm25Index,
  type DocumentInput,
  type DocumentKind,
  normalizeJapanese,
  type ParsedSection,
  parseDocument,
} from "../domain/index.js";

/** A parsed file ready to store: the original sections (for the viewer) and the chunks (for search). */
export interface PreparedDocument {
  readonly kind: DocumentKind;
  readonly sections: readonly ParsedSection[];
  readonly chunks: readonly Chunk[];
  readonly pagesWithoutText: readonly number[];
  /** Each chunk's index terms (as stored in `support_desk_chunks.terms`), so no one tokenises twice. */
  readonly terms: readonly string[];
}

/** Limits of one preparation. */
export interface PrepareOptions {
  /** Pages read from a PDF (default 2,000). */
  readonly maxPages?: number;
  /** Cancels the work (a worker running it is terminated). */
  readonly signal?: AbortSignal;
}

/** Turns a file into a {@link PreparedDocument}; ingestion jobs take it as a dependency (tests swap it). */
export type PrepareDocument = (
  input: DocumentInput,
  policy: ChunkingPolicy,
  options?: PrepareOptions,
) => Promise<PreparedDocument>;

/**
 * Parses a file with the domain parsers, normalises each section, chunks it with the folder's
 * policy and tokenises the chunks, in the calling thread (the desk runs it in its worker pool).
 * Throws the parsers' `IngestError` (with `messageJa`) for files it cannot read.
 *
 * @example
 * ```ts
 * const prepared = await prepareDocument({ bytes, fileName: "手引き.pdf" }, { size: 600, overlap: 100 });
 * prepared.chunks.length; // 12
 * ```
 */
export const prepareDocument: PrepareDocument = async (input, policy, options = {}) => {
  const parsed = await parseDocument(input, {
    tableChars: policy.size,
    ...(options.maxPages !== undefined ? { maxPages: options.maxPages } : {}),
  });
  const normalised = parsed.sections.map((section) => ({
    ...section,
    text: normalizeJapanese(section.text),
  }));
  const chunks = chunkSections(normalised, policy);
  const scratch = createBm25Index();
  scratch.add(
    chunks.map((c) => ({
      chunkId: String(c.ordinal),
      documentId: "",
      folderId: "",
      ordinal: c.ordinal,
      text: c.text,
      locator: c.locator,
    })),
  );
  const terms = new Map(scratch.rows().map((row) => [row.chunkId, row.terms]));
  return {
    kind: parsed.kind,
    sections: parsed.sections,
    chunks,
    terms: chunks.map((c) => terms.get(String(c.ordinal)) ?? ""),
    pagesWithoutText: parsed.sections.flatMap((section) =>
      section.noTextLayer && section.locator.kind === "page" ? [section.locator.page] : [],
    ),
  };
};
