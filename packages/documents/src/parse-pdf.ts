import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { IngestError } from "./ingest-error.js";
import type { ParsedSection } from "./parsed-document.js";
import { countPageReferences } from "./pdf-page-references.js";

const pdfjsRoot = dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
// Japanese PDFs often use predefined CMaps (UniJIS-UCS2-H) instead of embedded ones.
const cMapUrl = `${join(pdfjsRoot, "cmaps")}/`;
const standardFontDataUrl = `${join(pdfjsRoot, "standard_fonts")}/`;

/** Pages read from one PDF unless the caller says otherwise. */
export const DEFAULT_MAX_PDF_PAGES = 2_000;

interface TextItemLike {
  readonly str?: string;
  readonly hasEOL?: boolean;
}

/**
 * Parses a PDF one page at a time (pdf.js legacy build) into one section per page. A page with
 * no text layer (a scan) is kept with `noTextLayer: true` and empty text, so the caller can tell
 * the clerk which pages need OCR. PDFs that only carry an owner password (print/copy limits) open.
 *
 * The page tree is checked before pdf.js reads it: pdf.js walks the tree once per page, so a tree
 * listing one page 300,000 times would take hours (time grows with the square of the references).
 * More than `4 × maxPages + 1,000` references in `/Kids` arrays (incremental updates repeat a tree),
 * or more declared pages than `maxPages`, is refused at once.
 *
 * @param bytes - the PDF file
 * @param fileName - for error messages
 * @param options - `maxPages` (default {@link DEFAULT_MAX_PDF_PAGES})
 * @returns one section per page with `{ kind: "page", page }` locators
 * @throws IngestError `ENCRYPTED` when a password is needed to open it, `CORRUPT` when it cannot be
 *   read, `TOO_MANY_PAGES` past `maxPages`
 * @example
 * await parsePdf(bytes, "概況.pdf");
 * // => [{ text: "調 査 の 概 要 …", locator: { kind: "page", page: 1 }, noTextLayer: false }, …]
 */
export async function parsePdf(
  bytes: Uint8Array,
  fileName: string,
  options: { readonly maxPages?: number } = {},
): Promise<ParsedSection[]> {
  const maxPages = options.maxPages ?? DEFAULT_MAX_PDF_PAGES;
  const referenceBudget = maxPages * 4 + 1_000;
  const references = countPageReferences(bytes, referenceBudget);
  if (references > referenceBudget) {
    throw new IngestError({
      code: "TOO_MANY_PAGES",
      fileName,
      detail: `more than ${referenceBudget} page references in the page tree`,
    });
  }
  const task = getDocument({
    // pdf.js transfers (detaches) the buffer it is given: hand it a copy.
    data: new Uint8Array(bytes),
    cMapUrl,
    cMapPacked: true,
    standardFontDataUrl,
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0,
  });
  let document: Awaited<typeof task.promise>;
  try {
    document = await task.promise;
  } catch (error) {
    await task.destroy();
    const name = error instanceof Error ? error.name : "";
    const detail = error instanceof Error ? error.message : String(error);
    const code = name === "PasswordException" ? "ENCRYPTED" : "CORRUPT";
    throw new IngestError({ code, fileName, detail, cause: error });
  }
  if (document.numPages > maxPages) {
    await document.destroy();
    throw new IngestError({
      code: "TOO_MANY_PAGES",
      fileName,
      detail: `${document.numPages} pages declared, limit ${maxPages}`,
    });
  }
  try {
    const sections: ParsedSection[] = [];
    for (let pageNumber = 1; pageNumber <= document.numPages; pageNumber += 1) {
      const page = await document.getPage(pageNumber);
      const content = await page.getTextContent();
      let text = "";
      for (const item of content.items as readonly TextItemLike[]) {
        text += (item.str ?? "") + (item.hasEOL === true ? "\n" : "");
      }
      page.cleanup();
      const noTextLayer = text.trim() === "";
      sections.push({
        text: noTextLayer ? "" : text,
        locator: { kind: "page", page: pageNumber },
        noTextLayer,
      });
    }
    return sections;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new IngestError({ code: "CORRUPT", fileName, detail, cause: error });
  } finally {
    await document.destroy();
  }
}
