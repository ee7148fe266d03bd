import type { ChunkingPolicy } from "./chunking-policy.js";
import type { LocatedText } from "./located-text.js";
import type { Locator } from "./locator.js";

/** A searchable piece of a document: at most `size` characters of one section, with its locator. */
export interface Chunk {
  /** 0-based position of the chunk in its document. */
  readonly ordinal: number;
  readonly text: string;
  readonly locator: Locator;
}

// Prefer to cut after a line break, then after a sentence end, then after a comma or space.
const breakPreferences: readonly RegExp[] = [/\n/g, /[。．！？!?]/g, /[、，,;；\s]/g];

function cutPoint(text: string, start: number, end: number, minimum: number): number {
  const window = text.slice(start, end);
  for (const pattern of breakPreferences) {
    let best = -1;
    for (const match of window.matchAll(pattern)) best = match.index + match[0].length;
    if (best >= minimum) return start + best;
  }
  return end;
}

/**
 * Cuts sections into chunks of at most `policy.size` characters, cutting at line breaks or sentence
 * ends where possible and repeating up to `policy.overlap` characters between neighbours. A chunk
 * never spans two sections, so it always carries exactly its section's locator.
 *
 * @param sections - located texts (e.g. parsed and normalised pages) in document order
 * @param policy - chunk size and overlap in characters
 * @returns chunks in document order; empty sections produce none
 * @example
 * chunkSections([{ text: "一文目。二文目。", locator: { kind: "page", page: 1 } }], { size: 600, overlap: 100 });
 * // => [{ ordinal: 0, text: "一文目。二文目。", locator: { kind: "page", page: 1 } }]
 */
export function chunkSections(sections: readonly LocatedText[], policy: ChunkingPolicy): Chunk[] {
  const chunks: Chunk[] = [];
  for (const section of sections) {
    const text = section.text.trim();
    let start = 0;
    while (start < text.length) {
      const hardEnd = Math.min(start + policy.size, text.length);
      const end =
        hardEnd === text.length ? hardEnd : cutPoint(text, start, hardEnd, Math.floor(policy.size / 2));
      const piece = text.slice(start, end).trim();
      if (piece !== "") chunks.push({ ordinal: chunks.length, text: piece, locator: section.locator });
      if (end >= text.length) break;
      // Step back by the overlap, but to a character boundary after a break when there is one nearby.
      const overlapStart = Math.max(end - policy.overlap, start + 1);
      start = policy.overlap === 0 ? end : nextWordStart(text, overlapStart, end);
    }
  }
  return chunks;
}

function nextWordStart(text: string, from: number, limit: number): number {
  for (let i = from; i < limit; i += 1) {
    if (/[\s。、，．,.]/.test(text[i - 1] ?? "")) return i;
  }
  return from;
}
