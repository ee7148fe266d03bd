import type { ParsedSection } from "../parsed-document.js";

/** A block of a structured text: a heading (level 1–6) or a paragraph. */
export interface Block {
  /** 1–6 for a heading, 0 for body text. */
  readonly heading: number;
  readonly text: string;
}

/**
 * Groups blocks into sections under their heading path; a section's text starts with its heading,
 * so the heading's words are searchable with the body. Headings without a body produce no section.
 */
export function headingSections(blocks: readonly Block[]): ParsedSection[] {
  const sections: ParsedSection[] = [];
  const path: { level: number; text: string }[] = [];
  let lines: string[] = [];
  let bodyLines = 0;
  const flush = (): void => {
    if (bodyLines > 0) {
      sections.push({
        text: lines.join("\n"),
        locator: { kind: "section", path: path.map((entry) => entry.text) },
        noTextLayer: false,
      });
    }
    lines = [];
    bodyLines = 0;
  };
  for (const block of blocks) {
    const text = block.text.trim();
    if (text === "") continue;
    if (block.heading > 0) {
      flush();
      while (path.length > 0 && (path[path.length - 1]?.level ?? 0) >= block.heading) path.pop();
      path.push({ level: block.heading, text });
      lines.push(text);
    } else {
      lines.push(text);
      bodyLines += 1;
    }
  }
  flush();
  return sections;
}
