import { CsvError, decodeCsv } from "@ward/csv-jp";
import { detectDocumentKind } from "./detect-document-kind.js";
import { IngestError } from "./ingest-error.js";
import { parseCsv } from "./parse-csv.js";
import { parseDocx } from "./parse-docx.js";
import { parsePdf } from "./parse-pdf.js";
import { parsePptx } from "./parse-pptx.js";
import { parseTextDocument } from "./parse-text.js";
import { parseXlsx } from "./parse-xlsx.js";
import type { DocumentInput, ParsedDocument, ParsedSection } from "./parsed-document.js";

/**
 * Parses any supported upload (text, Markdown, Word .docx, PDF, PowerPoint .pptx, Excel .xlsx,
 * CSV) into located sections. Text is returned as extracted; {@link normalizeJapanese} runs at ingestion.
 *
 * @param input - bytes, file name and optional MIME type
 * @param options - `tableChars`: the largest row group for sheets and CSV (default 800); `maxPages`
 *   of a PDF (default 2,000)
 * @returns the kind and the sections in document order
 * @throws IngestError with code `UNSUPPORTED_TYPE`, `EMPTY_FILE`, `ENCRYPTED`, `CORRUPT` or `TOO_MANY_PAGES`
 * @example
 * const parsed = await parseDocument({ bytes, fileName: "手引き.pdf" });
 * parsed.sections[2]?.locator; // => { kind: "page", page: 3 }
 */
export async function parseDocument(
  input: DocumentInput,
  options: { readonly tableChars?: number; readonly maxPages?: number } = {},
): Promise<ParsedDocument> {
  const kind = detectDocumentKind(input);
  const maxChars = options.tableChars ?? 800;
  const { bytes, fileName } = input;
  let sections: ParsedSection[];
  switch (kind) {
    case "text":
    case "markdown":
      // Text files share the CSV decoding: UTF-8 (BOM), UTF-16 (BOM) or Shift_JIS.
      sections = readable(fileName, () =>
        parseTextDocument(decodeCsv(bytes).text, { markdown: kind === "markdown" }),
      );
      break;
    case "docx":
      sections = await parseDocx(bytes, fileName);
      break;
    case "pdf":
      sections = await parsePdf(bytes, fileName, {
        ...(options.maxPages !== undefined ? { maxPages: options.maxPages } : {}),
      });
      break;
    case "pptx":
      sections = parsePptx(bytes, fileName);
      break;
    case "xlsx":
      sections = await parseXlsx(bytes, { fileName, maxChars });
      break;
    case "csv":
      sections = readable(fileName, () => parseCsv(bytes, { maxChars }));
      break;
  }
  return { kind, sections };
}

/** Runs a text parse, turning bytes that are text in no encoding we read into `CORRUPT`. */
function readable(fileName: string, parse: () => ParsedSection[]): ParsedSection[] {
  try {
    return parse();
  } catch (error) {
    if (error instanceof CsvError)
      throw new IngestError({ code: "CORRUPT", fileName, detail: error.message, cause: error });
    throw error;
  }
}
