import { encodeCsv, formatCsv } from "@ward/csv-jp";
import {
  CHANNEL_LABELS,
  PAYMENT_NOTICE_COLUMNS,
  type PaymentNotice,
  YEAR_KIND_LABELS,
} from "./payment-notice.js";

/** Options of {@link formatPaymentNoticesCsv}. */
export interface FormatPaymentNoticesCsvOptions {
  /** UTF-8 (default) or Shift_JIS. */
  readonly encoding?: "utf-8" | "shift_jis";
  /** Start a UTF-8 file with a BOM (Excel opens it as UTF-8 then); false by default. */
  readonly bom?: boolean;
}

/**
 * Writes payment notices as the import CSV (header row, CRLF, RFC 4180 quoting where needed) —
 * the inverse of {@link parsePaymentNotices}.
 *
 * @param notices - the notices
 * @param options - `encoding` ("utf-8"), `bom` (false)
 * @returns the file's bytes
 * @throws {CsvError} `UNENCODABLE_CHARACTER` (from `@ward/csv-jp`) when a value has no Shift_JIS form
 * @example
 * new TextDecoder().decode(formatPaymentNoticesCsv([])); // => "通知書番号,収納日,…,金額\r\n"
 */
export function formatPaymentNoticesCsv(
  notices: readonly PaymentNotice[],
  options: FormatPaymentNoticesCsvOptions = {},
): Uint8Array {
  const rows = notices.map((n) => [
    n.noticeNumber,
    n.cashDate,
    n.fiscalYear,
    YEAR_KIND_LABELS[n.yearKind],
    CHANNEL_LABELS[n.channel],
    n.accountCode,
    n.subjectCode,
    n.departmentCode,
    n.amount,
  ]);
  // An import file read back by parsePaymentNotices, not a sheet for people: no formula guard
  // (it would turn a notice number such as "-1" into "'-1", which the import rejects).
  const text = formatCsv(rows, { header: PAYMENT_NOTICE_COLUMNS, formulaGuard: false });
  const encoding =
    options.encoding === "shift_jis" ? "shift_jis" : options.bom === true ? "utf-8-bom" : "utf-8";
  return encodeCsv(text, { encoding });
}
