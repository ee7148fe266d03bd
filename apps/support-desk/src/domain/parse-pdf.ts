import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { IngestError } from "./ingest-error.js";
import type { ParsedSection } from "./parsed-document.js";

const pdfjsRoot = dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
// Japanese PDFs often use predefined CMaps (UniJIS-UCS2-H) instead of embedded ones.
const cMapUrl = `${join(pdfjsRoot, "cmaps")}/`;
const standardFontDataUrl = `${join(pdfjsRoot, "standard_fonts")}/`;

interface TextItemLike {
  readonly str?: string;
  readonly hasEOL?: boolean;
}

/**
 * Parses a PDF one page at a time (pdf.js legacy build) into one section per page. A page with
 * no text layer (a scan) is kept with `noTextLayer: true` and empty text, so the caller can tell
 * the clerk which pages need OCR. PDFs that only carry an owner password (print/copy limits) open.
 *
 * @param bytes - the PDF file
 * @param fileName - for error messages
 * @returns one section per page with `{ kind: "page", page }` locators
 * @throws IngestError `ENCRYPTED` when a password is needed to open it, `CORRUPT` when it cannot be read
 * @example
 * await parsePdf(bytes, "概況.pdf");
 * // => [{ text: "調 査 の 概 要 …", locator: { kind: "page", page: 1 }, noTextLayer: false }, …]
 */
export async function parsePdf(bytes: Uint8Array, fileName: string): Promise<ParsedSection[]> {
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
