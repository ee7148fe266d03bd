// Office documents to located text: detect the kind, parse within limits, fail with IngestError codes.
export {
  type ArchiveLimit,
  ArchiveLimitError,
  type ArchiveLimits,
  DEFAULT_ARCHIVE_LIMITS,
  workbookCellCounter,
} from "./archive-limits.js";
export { detectDocumentKind } from "./detect-document-kind.js";
export { IngestError, type IngestErrorCode } from "./ingest-error.js";
export { parseCsv } from "./parse-csv.js";
export { parseDocument } from "./parse-document.js";
export { parseDocx } from "./parse-docx.js";
export { DEFAULT_MAX_PDF_PAGES, parsePdf } from "./parse-pdf.js";
export { parsePptx } from "./parse-pptx.js";
export { parseTextDocument } from "./parse-text.js";
export { parseXlsx } from "./parse-xlsx.js";
export type { DocumentInput, DocumentKind, ParsedDocument, ParsedSection } from "./parsed-document.js";
