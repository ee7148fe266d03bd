import type { LocatedText } from "@ward/search-ja";

/** The file types this package parses. */
export type DocumentKind = "text" | "markdown" | "docx" | "pdf" | "pptx" | "xlsx" | "csv";

/** One located piece of a parsed file, before normalisation and chunking. */
export interface ParsedSection extends LocatedText {
  /** True for a PDF page that has no text layer (a scan): it needs OCR before it can be searched. */
  readonly noTextLayer: boolean;
}

/** A parsed file: its kind and its sections in document order. */
export interface ParsedDocument {
  readonly kind: DocumentKind;
  readonly sections: readonly ParsedSection[];
}

/** A file as uploaded: its bytes and its name (and the browser's MIME type when known). */
export interface DocumentInput {
  readonly bytes: Uint8Array;
  readonly fileName: string;
  readonly mimeType?: string;
}
