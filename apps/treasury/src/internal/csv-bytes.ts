import { type CsvCell, encodeCsv, formatCsv } from "@ward/csv-jp";

/** The encodings the app writes CSV in: UTF-8 with BOM (Excel opens it as UTF-8) or Shift_JIS. */
export type CsvExportEncoding = "utf-8" | "shift_jis";

/**
 * RFC 4180 CSV bytes (CRLF, formula guard on) through `@ward/csv-jp`; a character Shift_JIS lacks
 * throws `CsvError` `UNENCODABLE_CHARACTER` naming it, never a silent `?`.
 */
export function csvBytes(
  header: readonly string[],
  rows: readonly (readonly CsvCell[])[],
  encoding: CsvExportEncoding = "utf-8",
): Uint8Array {
  return encodeCsv(formatCsv(rows, { header }), {
    encoding: encoding === "shift_jis" ? "shift_jis" : "utf-8-bom",
  });
}
