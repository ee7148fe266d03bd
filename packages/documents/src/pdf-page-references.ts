import { constants, inflateSync } from "node:zlib";

const KIDS = /\/Kids\s*\[([^\]]*)\]/g;
const REFERENCE = /\d+\s+\d+\s+R/g;
const OBJECT_STREAM = /\/Type\s*\/ObjStm\b[\s\S]*?stream\r?\n/g;
/** Most text inflated from one object stream; a page tree never needs more. */
const MAX_INFLATED = 64 * 1024 * 1024;

function countIn(text: string, budget: number, counted: number): number {
  let total = counted;
  for (const kids of text.matchAll(KIDS)) {
    total += (kids[1] ?? "").match(REFERENCE)?.length ?? 0;
    if (total > budget) return total;
  }
  return total;
}

/**
 * Counts the page references in every page-tree `/Kids` array of a PDF, in plain objects and in
 * Flate-compressed object streams, stopping once past `budget`. pdf.js re-walks the page tree for
 * every page, so the reference count, not the declared page count, decides how long a PDF takes.
 *
 * @param bytes - the PDF file
 * @param budget - stop counting past this many references
 * @returns the references found (more than `budget` means "too many")
 * @example
 * ```ts
 * countPageReferences(pdf, 10_000); // 12 for a 12-page document
 * ```
 */
export function countPageReferences(bytes: Uint8Array, budget: number): number {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  let total = countIn(text, budget, 0);
  for (const match of text.matchAll(OBJECT_STREAM)) {
    if (total > budget) return total;
    const start = (match.index ?? 0) + match[0].length;
    const end = text.indexOf("endstream", start);
    if (end < 0) continue;
    try {
      const inflated = inflateSync(bytes.subarray(start, end), {
        maxOutputLength: MAX_INFLATED,
        finishFlush: constants.Z_SYNC_FLUSH,
      });
      total = countIn(inflated.toString("latin1"), budget, total);
    } catch {
      // Not Flate (or damaged): pdf.js decides; the worker's deadline bounds what it costs.
    }
  }
  return total;
}
