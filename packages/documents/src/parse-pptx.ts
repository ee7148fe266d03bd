import { type ArchiveLimits, DEFAULT_ARCHIVE_LIMITS } from "./archive-limits.js";
import { IngestError } from "./ingest-error.js";
import { readZip } from "./internal/read-zip.js";
import { decodeEntities } from "./internal/xml-text.js";
import type { ParsedSection } from "./parsed-document.js";

type Unzipped = ReadonlyMap<string, Uint8Array>;

function xmlPart(files: Unzipped, path: string): string | undefined {
  const part = files.get(path);
  return part === undefined ? undefined : new TextDecoder().decode(part);
}

/** Relationship id → absolute part path, from a `_rels/*.rels` part. */
function relationships(files: Unzipped, relsPath: string, baseDir: string): Map<string, string> {
  const map = new Map<string, string>();
  const xml = xmlPart(files, relsPath) ?? "";
  for (const match of xml.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(match[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(match[0])?.[1];
    if (id !== undefined && target !== undefined) map.set(id, resolvePart(baseDir, target));
  }
  return map;
}

function resolvePart(baseDir: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = baseDir.split("/").filter(Boolean);
  for (const segment of target.split("/")) {
    if (segment === "..") parts.pop();
    else if (segment !== ".") parts.push(segment);
  }
  return parts.join("/");
}

/** The text of DrawingML paragraphs (`<a:p>`), one line each; slide-number fields are skipped. */
function paragraphs(xml: string): string[] {
  const lines: string[] = [];
  for (const paragraph of xml.matchAll(/<a:p>([\s\S]*?)<\/a:p>|<a:p [^>]*>([\s\S]*?)<\/a:p>/g)) {
    const body = (paragraph[1] ?? paragraph[2] ?? "").replace(/<a:fld\b[\s\S]*?<\/a:fld>/g, "");
    let line = "";
    for (const run of body.matchAll(/<a:t>([^<]*)<\/a:t>|<a:t [^>]*>([^<]*)<\/a:t>|<a:br\b[^>]*\/>/g)) {
      line += run[0].startsWith("<a:br") ? "\n" : decodeEntities(run[1] ?? run[2] ?? "");
    }
    if (line.trim() !== "") lines.push(line);
  }
  return lines;
}

/**
 * Parses a PowerPoint .pptx into one section per slide (in presentation order), with the
 * slide's speaker notes after its text. Reads the XML directly (fflate), so no second pdf.js
 * enters the dependency tree.
 *
 * @param bytes - the .pptx file
 * @param fileName - for error messages
 * @param limits - what the zip may expand to, checked while inflating ({@link DEFAULT_ARCHIVE_LIMITS})
 * @returns one section per slide with text, `{ kind: "slide", slide }` locators
 * @throws IngestError `CORRUPT` when the zip or the presentation part cannot be read;
 * ArchiveLimitError (`ARCHIVE_LIMIT`) when it would expand past a limit
 * @example
 * await parsePptx(bytes, "研修.pptx");
 * // => [{ text: "生成AI研修\n…", locator: { kind: "slide", slide: 1 }, noTextLayer: false }, …]
 */
export function parsePptx(
  bytes: Uint8Array,
  fileName: string,
  limits: ArchiveLimits = DEFAULT_ARCHIVE_LIMITS,
): ParsedSection[] {
  const files = readZip(bytes, {
    fileName,
    limits,
    wanted: (name) => name.startsWith("ppt/") && (name.endsWith(".xml") || name.endsWith(".rels")),
  });
  const presentation = xmlPart(files, "ppt/presentation.xml");
  if (presentation === undefined) {
    throw new IngestError({ code: "CORRUPT", fileName, detail: "no ppt/presentation.xml" });
  }
  const presentationRels = relationships(files, "ppt/_rels/presentation.xml.rels", "ppt");
  const slidePaths: string[] = [];
  for (const match of presentation.matchAll(/<p:sldId\b[^>]*\br:id="([^"]+)"[^>]*\/?>/g)) {
    const path = match[1] === undefined ? undefined : presentationRels.get(match[1]);
    if (path !== undefined) slidePaths.push(path);
  }
  const sections: ParsedSection[] = [];
  slidePaths.forEach((slidePath, index) => {
    const slideXml = xmlPart(files, slidePath) ?? "";
    const lines = paragraphs(slideXml);
    const slideDir = slidePath.slice(0, slidePath.lastIndexOf("/"));
    const slideFile = slidePath.slice(slidePath.lastIndexOf("/") + 1);
    const rels = relationships(files, `${slideDir}/_rels/${slideFile}.rels`, slideDir);
    for (const target of rels.values()) {
      if (!target.includes("notesSlide")) continue;
      const notes = paragraphs(xmlPart(files, target) ?? "");
      if (notes.length > 0) lines.push("（ノート）", ...notes);
    }
    if (lines.length > 0) {
      sections.push({
        text: lines.join("\n"),
        locator: { kind: "slide", slide: index + 1 },
        noTextLayer: false,
      });
    }
  });
  return sections;
}
