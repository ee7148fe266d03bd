const FORMULA = /^[=+\-@]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One CSV cell: formula-injection safe (leading = + - @ get a `'`), RFC 4180 quoted. */
export function csvCell(value: string): string {
  const safe = FORMULA.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** RFC 4180 CSV: header row, CRLF line ends (also after the last row). */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, ...rows].map((row) => `${row.map(csvCell).join(",")}\r\n`).join("");
}
