import type { PaymentNotice } from "../domain/index.js";
import { type CsvExportEncoding, csvBytes } from "../internal/csv-bytes.js";
import { NOTICE_TALLY_LEVELS, tallyNotices } from "./notice-tally.js";
import { receiptTallyRows, revenueSummaryRows } from "./tally-workbook.js";

/** Which table {@link writeTallyCsv} writes. */
export type TallyTable = "receipt-tally" | "revenue-summary";

/**
 * The 済通集計表 or 公金収納集計表 as CSV (UTF-8 with BOM, or Shift_JIS), the same rows as the workbook
 * with a 区分 column saying 明細 / 小計 / 合計.
 *
 * @param notices - the notices of the period
 * @param table - which table
 * @param encoding - `utf-8` (default, with BOM) or `shift_jis`
 * @returns the CSV bytes
 * @throws CsvError `UNENCODABLE_CHARACTER` when a label has no Shift_JIS form (never a silent `?`)
 * @example
 * writeTallyCsv(notices, "revenue-summary"); // => bytes of "区分,会計,歳入区分（款）,件数,金額\r\n…"
 */
export function writeTallyCsv(
  notices: readonly PaymentNotice[],
  table: TallyTable,
  encoding: CsvExportEncoding = "utf-8",
): Uint8Array {
  const tally = tallyNotices(notices);
  const headers = table === "receipt-tally" ? [...NOTICE_TALLY_LEVELS] : ["会計", "歳入区分（款）"];
  const rows = table === "receipt-tally" ? receiptTallyRows(tally) : revenueSummaryRows(tally);
  const kind = { subtotal: "小計", total: "合計" } as const;
  return csvBytes(
    ["区分", ...headers, "件数", "金額"],
    rows.map((r) => [r.emphasis ? kind[r.emphasis] : "明細", ...r.values]),
    encoding,
  );
}
