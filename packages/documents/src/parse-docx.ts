import { zipSync } from "fflate";
import mammoth from "mammoth";
import { type ArchiveLimits, DEFAULT_ARCHIVE_LIMITS } from "./archive-limits.js";
import { IngestError } from "./ingest-error.js";
import { type Block, headingSections } from "./internal/heading-sections.js";
import { readZip } from "./internal/read-zip.js";
import { decodeEntities } from "./internal/xml-text.js";
import type { ParsedSection } from "./parsed-document.js";

const blockTag = /<(\/?)(h[1-6]|p|li|tr|td|th|br)\b[^>]*>/g;

/** Turns mammoth's HTML into blocks: headings, paragraphs, list items, and table rows as `cell | cell`. */
function htmlBlocks(html: string): Block[] {
  const blocks: Block[] = [];
  let buffer = "";
  let heading = 0;
  let cells: string[] | undefined;
  let last = 0;
  for (const match of html.matchAll(blockTag)) {
    buffer += html.slice(last, match.index).replace(/<[^>]*>/g, "");
    last = match.index + match[0].length;
    const closing = match[1] === "/";
    const tag = match[2] ?? "";
    if (tag === "br") {
      buffer += cells === undefined ? "\n" : " ";
    } else if (tag === "tr") {
      if (closing && cells?.some((cell) => cell !== "")) blocks.push({ heading: 0, text: cells.join(" | ") });
      cells = closing ? undefined : [];
      buffer = "";
    } else if (cells !== undefined) {
      if (tag === "td" || tag === "th") {
        if (closing) cells.push(decodeEntities(buffer).replace(/\s+/g, " ").trim());
        buffer = "";
      } else if (closing) {
        buffer += " ";
      }
    } else {
      // A nested list opens inside an item: keep the text seen so far as its own block.
      if (buffer.trim() !== "" || closing) blocks.push({ heading, text: decodeEntities(buffer) });
      heading = !closing && tag.startsWith("h") ? Number(tag.slice(1)) : 0;
      buffer = "";
    }
  }
  return blocks;
}

/**
 * Parses a Word .docx file (through mammoth) into sections by heading path: Word's built-in
 * heading styles (見出し 1–6) become the path; tables become `cell | cell` lines.
 *
 * @param bytes - the .docx file
 * @param fileName - for error messages
 * @param limits - what the zip may expand to, checked while inflating ({@link DEFAULT_ARCHIVE_LIMITS})
 * @returns sections with `{ kind: "section", path }` locators
 * @throws IngestError `CORRUPT` when the zip or its XML cannot be read; ArchiveLimitError
 * (`ARCHIVE_LIMIT`) when it would expand past a limit
 * @example
 * await parseDocx(bytes, "規程.docx");
 * // => [{ text: "第1章 総則\n…", locator: { kind: "section", path: ["第1章 総則"] }, noTextLayer: false }, …]
 */
export async function parseDocx(
  bytes: Uint8Array,
  fileName: string,
  limits: ArchiveLimits = DEFAULT_ARCHIVE_LIMITS,
): Promise<ParsedSection[]> {
  // mammoth inflates with no limit: it gets only the XML parts, already inflated within the
  // limits and stored uncompressed. Images are not text, so they are never inflated at all.
  const parts = readZip(bytes, {
    fileName,
    limits,
    wanted: (name) => name.endsWith(".xml") || name.endsWith(".rels"),
  });
  const stored = zipSync(Object.fromEntries(parts), { level: 0 });
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength) },
      {
        externalFileAccess: false,
        ignoreEmptyParagraphs: true,
        convertImage: mammoth.images.imgElement(async () => ({ src: "" })),
      },
    );
    html = result.value;
  } catch (error) {
    throw new IngestError({ code: "CORRUPT", fileName, detail: errorText(error), cause: error });
  }
  return headingSections(htmlBlocks(html));
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
