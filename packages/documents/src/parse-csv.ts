import { decodeCsv, parseCsv as parseCsvText } from "@ward/csv-jp";
import { tableSections } from "./internal/table-sections.js";
import type { ParsedSection } from "./parsed-document.js";

/**
 * Parses a CSV file (UTF-8, UTF-8 with BOM, UTF-16 with BOM or Shift_JIS) into sections of rows,
 * each repeating the header row (the first non-empty record), sized to at most `maxChars`.
 * Quotes are read leniently (a stray `"` stays text) so no row is lost from the index.
 *
 * @param bytes - the CSV file
 * @param options - `maxChars`: the largest section (usually the folder's chunk size)
 * @returns sections with `{ kind: "rows", fromRow, toRow }` locators (row 1 is the header)
 * @throws CsvError (`@ward/csv-jp`) `UNDECODABLE_BYTES` when the bytes are no text in any of those encodings
 * @example
 * parseCsv(new TextEncoder().encode("課,内線\n総務課,1001\n"), { maxChars: 800 });
 * // => [{ text: "課 | 内線\n総務課 | 1001", locator: { kind: "rows", fromRow: 2, toRow: 2 }, noTextLayer: false }]
 */
export function parseCsv(bytes: Uint8Array, options: { maxChars: number }): ParsedSection[] {
  const { records } = parseCsvText(decodeCsv(bytes).text, { lenient: true });
  const headerIndex = records.findIndex((record) => record.cells.some((cell) => cell.trim() !== ""));
  return tableSections({
    header: records[headerIndex],
    rows: headerIndex < 0 ? [] : records.slice(headerIndex + 1),
    maxChars: options.maxChars,
    locate: (fromRow, toRow) => ({ kind: "rows", fromRow, toRow }),
  });
}
