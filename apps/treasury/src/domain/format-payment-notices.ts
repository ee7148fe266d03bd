import iconv from "iconv-lite";
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

const quote = (value: string): string => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/**
 * Writes payment notices as the import CSV (header row, CRLF, RFC 4180 quoting where needed) —
 * the inverse of {@link parsePaymentNotices}.
 *
 * @param notices - the notices
 * @param options - `encoding` ("utf-8"), `bom` (false)
 * @returns the file's bytes
 * @example
 * new TextDecoder().decode(formatPaymentNoticesCsv([])); // => "通知書番号,収納日,…,金額\r\n"
 */
export function formatPaymentNoticesCsv(
  notices: readonly PaymentNotice[],
  options: FormatPaymentNoticesCsvOptions = {},
): Uint8Array {
  const lines = [PAYMENT_NOTICE_COLUMNS.join(",")];
  for (const n of notices) {
    lines.push(
      [
        quote(n.noticeNumber),
        n.cashDate,
        String(n.fiscalYear),
        YEAR_KIND_LABELS[n.yearKind],
        CHANNEL_LABELS[n.channel],
        quote(n.accountCode),
        quote(n.subjectCode),
        quote(n.departmentCode),
        String(n.amount),
      ].join(","),
    );
  }
  const text = `${lines.join("\r\n")}\r\n`;
  if (options.encoding === "shift_jis") return new Uint8Array(iconv.encode(text, "cp932"));
  const body = new TextEncoder().encode(text);
  if (options.bom !== true) return body;
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
}
