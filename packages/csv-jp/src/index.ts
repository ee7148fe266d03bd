export { CsvError, type CsvErrorCode, type CsvTextPosition } from "./csv-error.js";
export { type CsvInputEncoding, type DecodeCsvOptions, type DecodedCsv, decodeCsv } from "./decode-csv.js";
export { type CsvOutputEncoding, type EncodeCsvOptions, encodeCsv } from "./encode-csv.js";
export { type FormatCsvOptions, formatCsv } from "./format-csv.js";
export { type CsvCell, type FormatCsvCellOptions, formatCsvCell } from "./format-csv-cell.js";
export {
  type CsvRecord,
  type CsvSyntaxError,
  type CsvSyntaxErrorCode,
  type ParseCsvOptions,
  type ParsedCsv,
  parseCsv,
} from "./parse-csv.js";
