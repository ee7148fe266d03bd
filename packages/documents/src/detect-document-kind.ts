import { IngestError } from "./ingest-error.js";
import type { DocumentInput, DocumentKind } from "./parsed-document.js";

const byExtension: Record<string, DocumentKind> = {
  txt: "text",
  text: "text",
  md: "markdown",
  markdown: "markdown",
  docx: "docx",
  pdf: "pdf",
  pptx: "pptx",
  xlsx: "xlsx",
  csv: "csv",
};

const byMimeType: Record<string, DocumentKind> = {
  "text/plain": "text",
  "text/markdown": "markdown",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
  "application/pdf": "pdf",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation": "pptx",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
  "text/csv": "csv",
};

const legacyOffice = new Set(["doc", "xls", "ppt"]);

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((byte, i) => bytes[i] === byte);
}

/** OLE compound file: legacy .doc/.xls/.ppt, and also what Office writes for a password-protected .docx/.xlsx/.pptx. */
const compoundFile = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const zipFile = [0x50, 0x4b, 0x03, 0x04];

function hasPdfHeader(bytes: Uint8Array): boolean {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 1024));
  return head.includes("%PDF-");
}

/**
 * Decides what kind of file an upload is from its name (then MIME type) and checks its first bytes,
 * so a renamed or damaged file fails here with a clear reason instead of deep inside a parser.
 *
 * @param input - the upload
 * @returns the document kind
 * @throws IngestError `UNSUPPORTED_TYPE`, `EMPTY_FILE`, `ENCRYPTED` (a protected Office file) or `CORRUPT`
 * @example
 * detectDocumentKind({ fileName: "規程.PDF", bytes: new TextEncoder().encode("%PDF-1.7 …") }); // => "pdf"
 */
export function detectDocumentKind(input: DocumentInput): DocumentKind {
  const { bytes, fileName } = input;
  const extension = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? "";
  const mimeType = input.mimeType?.split(";")[0]?.trim().toLowerCase() ?? "";
  const kind = byExtension[extension] ?? byMimeType[mimeType];
  if (kind === undefined) {
    const detail = legacyOffice.has(extension)
      ? `legacy .${extension}: save it as .${extension}x`
      : `extension ".${extension}"`;
    throw new IngestError({ code: "UNSUPPORTED_TYPE", fileName, detail });
  }
  if (bytes.length === 0) throw new IngestError({ code: "EMPTY_FILE", fileName });
  if (kind === "docx" || kind === "pptx" || kind === "xlsx") {
    if (startsWith(bytes, compoundFile)) {
      throw new IngestError({ code: "ENCRYPTED", fileName, detail: "OLE container instead of a zip" });
    }
    if (!startsWith(bytes, zipFile))
      throw new IngestError({ code: "CORRUPT", fileName, detail: "not a zip" });
  }
  if (kind === "pdf" && !hasPdfHeader(bytes)) {
    throw new IngestError({ code: "CORRUPT", fileName, detail: "no %PDF header" });
  }
  return kind;
}
