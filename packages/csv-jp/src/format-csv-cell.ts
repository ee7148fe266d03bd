import { CsvError } from "./csv-error.js";

/**
 * A value of one CSV cell. Strings are text; numbers and bigints are written as numbers (never
 * formula-guarded, so `-1200` stays a number in Excel); `null` and `undefined` are empty cells.
 */
export type CsvCell = string | number | bigint | null | undefined;

/** Options of {@link formatCsvCell}. */
export interface FormatCsvCellOptions {
  /**
   * Prefix `'` to a text cell starting with `=`, `+`, `-`, `@`, a tab or a CR, so Excel shows it
   * as text instead of running it as a formula (CSV injection). On by default.
   */
  readonly formulaGuard?: boolean;
}

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * Writes one CSV cell: formula-guarded (text only) and quoted per RFC 4180 when it holds a quote,
 * comma, CR or LF.
 *
 * @param value - the cell: text, a number (integer yen, counts), or null/undefined for empty
 * @param options - `formulaGuard` (default `true`)
 * @returns the cell as it appears in the file
 * @throws {CsvError} `INVALID_CELL` for `NaN` or an infinite number
 * @example
 * formatCsvCell('say "hi", bye'); // => '"say ""hi"", bye"'
 * formatCsvCell("=SUM(A1:A9)"); // => "'=SUM(A1:A9)"
 * formatCsvCell(-1200); // => "-1200"
 * formatCsvCell("-1200"); // => "'-1200"
 */
export function formatCsvCell(value: CsvCell, options: FormatCsvCellOptions = {}): string {
  return cellText(value, options.formulaGuard !== false);
}

/** {@link formatCsvCell} with the option resolved, for the row loop. */
export function cellText(value: CsvCell, guard: boolean): string {
  if (typeof value === "string") {
    const safe = guard && FORMULA_START.test(value) ? `'${value}` : value;
    return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
  }
  if (value === null || value === undefined) return "";
  if (typeof value === "number" && !Number.isFinite(value)) {
    throw new CsvError("INVALID_CELL", {
      en: `cannot write the number ${value} to a CSV cell`,
      ja: `数値 ${value} はCSVに書けません`,
    });
  }
  return String(value);
}
