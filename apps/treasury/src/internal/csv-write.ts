import iconv from "iconv-lite";

// Formula-looking text is prefixed with ' so a spreadsheet never evaluates it.
const FORMULA = /^[=+\-@\t\r]/;

function field(value: string | number | null): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  const safe = FORMULA.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** RFC 4180 CSV (CRLF), UTF-8 with BOM (Excel opens it as UTF-8) or Shift_JIS. */
export function writeCsv(
  rows: readonly (readonly (string | number | null)[])[],
  encoding: "utf-8" | "shift_jis" = "utf-8",
): Uint8Array {
  const text = `${rows.map((r) => r.map(field).join(",")).join("\r\n")}\r\n`;
  if (encoding === "shift_jis") return new Uint8Array(iconv.encode(text, "cp932"));
  return new TextEncoder().encode(`\uFEFF${text}`);
}
