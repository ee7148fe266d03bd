import { type CsvCell, cellText } from "./format-csv-cell.js";

/** Options of {@link formatCsv}. */
export interface FormatCsvOptions {
  /** A header row written first (always as text, formula-guarded like any text cell). */
  readonly header?: readonly string[];
  /** The record separator: `"\r\n"` (RFC 4180, default) or `"\n"`. */
  readonly newline?: "\r\n" | "\n";
  /** End the last record with the separator too (default `true`, as Excel writes). */
  readonly finalNewline?: boolean;
  /**
   * Prefix `'` to text cells starting with `=`, `+`, `-`, `@`, a tab or a CR (CSV injection guard).
   * On by default; numbers are never guarded. Turn it off only for files read back by a program.
   */
  readonly formulaGuard?: boolean;
}

/**
 * Writes rows as RFC 4180 CSV text: cells quoted where they hold a quote, comma, CR or LF; CRLF
 * between records (and after the last); text cells that Excel would run as a formula prefixed with
 * `'`. A row of one empty cell is written `""` so it survives a round trip. Pass money as a number of yen so it stays numeric in Excel: `-1200` is written as is, the
 * string `"-1200"` becomes `'-1200`. No BOM and no encoding — see {@link encodeCsv} for the bytes.
 *
 * @param rows - the records, each an array of cells (text, number, bigint, null/undefined for empty)
 * @param options - `header`, `newline` (`"\r\n"`), `finalNewline` (`true`), `formulaGuard` (`true`)
 * @returns the CSV text
 * @throws {CsvError} `INVALID_CELL` for `NaN` or an infinite number
 * @example
 * formatCsv([["総務課", -1200], ["=1+1", "a,b"]], { header: ["課", "金額"] });
 * // => "課,金額\r\n総務課,-1200\r\n'=1+1,\"a,b\"\r\n"
 */
export function formatCsv(rows: readonly (readonly CsvCell[])[], options: FormatCsvOptions = {}): string {
  const guard = options.formulaGuard !== false;
  const newline = options.newline ?? "\r\n";
  let out = "";
  let first = true;
  const write = (row: readonly CsvCell[]): void => {
    let line = "";
    for (let i = 0; i < row.length; i++)
      line += i === 0 ? cellText(row[i], guard) : `,${cellText(row[i], guard)}`;
    // A lone empty cell is quoted so the record is not read back as a blank line.
    if (line === "" && row.length === 1) line = '""';
    out += first ? line : `${newline}${line}`;
    first = false;
  };
  if (options.header !== undefined) write(options.header);
  for (const row of rows) write(row);
  return options.finalNewline === false || first ? out : `${out}${newline}`;
}
