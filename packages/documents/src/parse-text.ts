import { type Block, headingSections } from "./internal/heading-sections.js";
import type { ParsedSection } from "./parsed-document.js";

const atxHeading = /^(#{1,6})[ \t]+(.+?)[ \t#]*$/;
const fence = /^(```|~~~)/;
// 第1章 / 第二節 headings of Japanese rules and manuals in plain text.
const japaneseHeading = /^第[0-9０-９一二三四五六七八九十百]+([章節])[ 　\t]*(.*)$/;

/**
 * Splits a text or Markdown document into sections by heading path. Markdown uses `#` headings
 * (outside code fences); plain text uses `#` headings and Japanese `第N章` / `第N節` lines.
 *
 * @param text - the decoded text
 * @param options - `markdown`: true for .md files
 * @returns sections with `{ kind: "section", path }` locators
 * @example
 * parseTextDocument("# 規程\n## 第1条\n本文", { markdown: true });
 * // => [{ text: "第1条\n本文", locator: { kind: "section", path: ["規程", "第1条"] }, noTextLayer: false }]
 */
export function parseTextDocument(text: string, options: { markdown: boolean }): ParsedSection[] {
  const blocks: Block[] = [];
  let inFence = false;
  for (const rawLine of text.replace(/^\uFEFF/, "").split(/\r\n?|\n/)) {
    if (options.markdown && fence.test(rawLine.trim())) {
      inFence = !inFence;
      blocks.push({ heading: 0, text: rawLine });
      continue;
    }
    const atx = inFence ? null : atxHeading.exec(rawLine);
    if (atx?.[1] !== undefined && atx[2] !== undefined) {
      blocks.push({ heading: atx[1].length, text: atx[2] });
      continue;
    }
    const japanese = options.markdown || inFence ? null : japaneseHeading.exec(rawLine.trim());
    if (japanese !== null) {
      blocks.push({ heading: japanese[1] === "章" ? 1 : 2, text: rawLine.trim() });
      continue;
    }
    blocks.push({ heading: 0, text: rawLine });
  }
  return headingSections(blocks);
}
