import {
  type Chunk,
  type ChunkingPolicy,
  chunkSections,
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
}

/** Turns a file into a {@link PreparedDocument}; ingestion jobs take it as a dependency (tests swap it). */
export type PrepareDocument = (input: DocumentInput, policy: ChunkingPolicy) => Promise<PreparedDocument>;

/**
 * Parses a file with the domain parsers, normalises each section and chunks it with the folder's
 * policy. Throws the parsers' `IngestError` (with `messageJa`) for files it cannot read.
 *
 * @example
 * ```ts
 * const prepared = await prepareDocument({ bytes, fileName: "手引き.pdf" }, { size: 600, overlap: 100 });
 * prepared.chunks.length; // 12
 * ```
 */
export const prepareDocument: PrepareDocument = async (input, policy) => {
  const parsed = await parseDocument(input, { tableChars: policy.size });
  const normalised = parsed.sections.map((section) => ({
    ...section,
    text: normalizeJapanese(section.text),
  }));
  return {
    kind: parsed.kind,
    sections: parsed.sections,
    chunks: chunkSections(normalised, policy),
    pagesWithoutText: parsed.sections.flatMap((section) =>
      section.noTextLayer && section.locator.kind === "page" ? [section.locator.page] : [],
    ),
  };
};
