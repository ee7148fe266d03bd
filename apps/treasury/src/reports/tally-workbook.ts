import { formatWareki, type IsoDate } from "@ward/calendar-jp";
import type { Tally, TallyRow } from "@ward/ledger";
import type { PaymentNotice } from "../domain/index.js";
import { type SheetRow, writeClerkWorkbook } from "../internal/xlsx-sheet.js";
import { type DailyReceiptLine, dailyReceipts } from "./daily-receipts.js";
import { accountLabel, revenueCategoryLabel } from "./labels.js";
import { NOTICE_TALLY_LEVELS, revenueSummary, tallyNotices } from "./notice-tally.js";

/** The period a tally covers, inclusive ISO dates. */
export interface ReportPeriod {
  readonly from: IsoDate;
  readonly to: IsoDate;
}

/** Subtotal levels of the 済通集計表: 収納区分, 会計, 款 and 科目 (節). */
export const RECEIPT_TALLY_SUBTOTAL_LEVELS = [1, 2, 3, 6] as const;

/**
 * Rows of the 済通集計表 as printed: one cell per level (収納区分 … 所属), 件数, 金額; subtotal rows
 * say 「… 計」 in the column of their level; the grand total is 「合計」.
 *
 * @example
 * receiptTallyRows(tallyNotices(notices)).at(-1); // => { values: ["合計", "", …, 3, 4600], emphasis: "total" }
 */
export function receiptTallyRows(tally: Tally<"JPY">): SheetRow[] {
  const rows = tally.rows({ subtotalLevels: [...RECEIPT_TALLY_SUBTOTAL_LEVELS] });
  return rows.map((r) =>
    sheetRow(r, NOTICE_TALLY_LEVELS.length, (i, code, label) => (i <= 1 ? label : code)),
  );
}

/**
 * Rows of the 公金収納集計表: 会計 × 歳入区分 (款), a subtotal per 会計 and the grand total.
 *
 * @example
 * revenueSummaryRows(tallyNotices(notices));
 */
export function revenueSummaryRows(tally: Tally<"JPY">): SheetRow[] {
  const summary = revenueSummary(tally);
  return summary
    .rows()
    .map((r) =>
      sheetRow(r, 2, (i, code) =>
        i === 0 ? `${code} ${accountLabel(code)}` : `${code} ${revenueCategoryLabel(r.codes[0] ?? "", code)}`,
      ),
    );
}

function sheetRow(
  r: TallyRow<"JPY">,
  levels: number,
  display: (index: number, code: string, label: string) => string,
): SheetRow {
  const cells: string[] = Array.from({ length: levels }, () => "");
  if (r.kind === "total") cells[0] = "合計";
  else {
    r.codes.forEach((code, i) => {
      cells[i] = display(i, code, r.labels[i] ?? code);
    });
    if (r.kind === "subtotal") cells[r.codes.length - 1] = `${cells[r.codes.length - 1]} 計`;
  }
  return {
    values: [...cells, r.count, r.units],
    ...(r.kind === "detail" ? {} : { emphasis: r.kind === "total" ? "total" : "subtotal" }),
  };
}

/**
 * Rows of the 収入日計表: per cash date the day's count and yen and the cumulative count and yen.
 *
 * @example
 * dailyReceiptRows(dailyReceipts(notices));
 */
export function dailyReceiptRows(lines: readonly DailyReceiptLine[]): SheetRow[] {
  const rows: SheetRow[] = lines.map((l) => ({
    values: [formatWareki(l.date), l.count, l.yen, l.cumulativeCount, l.cumulativeYen],
  }));
  const last = lines.at(-1);
  rows.push({
    values: ["合計", last?.cumulativeCount ?? 0, last?.cumulativeYen ?? 0, null, null],
    emphasis: "total",
  });
  return rows;
}

function periodText(period: ReportPeriod): string {
  return period.from === period.to
    ? `収納日：${formatWareki(period.from)}`
    : `収納日：${formatWareki(period.from)}～${formatWareki(period.to)}`;
}

/** Options of {@link writeTallyWorkbook}. */
export interface TallyWorkbookOptions {
  readonly period: ReportPeriod;
  /** Printed as 作成日; ISO date. */
  readonly createdOn: IsoDate;
}

/**
 * The receipts workbook: sheets 済通集計表 (収納区分 × 会計 × 科目 × 所属, subtotals per level),
 * 公金収納集計表 (会計 × 歳入区分) and 収入日計表 (per day with cumulative totals), as xlsx bytes.
 *
 * @param notices - the notices of the period
 * @param options - period and creation date
 * @returns the workbook bytes
 * @example
 * await writeFile("0701.xlsx", await writeTallyWorkbook(notices, { period: { from: "2025-07-01", to: "2025-07-01" }, createdOn: "2025-07-02" }));
 */
export async function writeTallyWorkbook(
  notices: readonly PaymentNotice[],
  options: TallyWorkbookOptions,
): Promise<Uint8Array> {
  const tally = tallyNotices(notices);
  const subtitle = `${periodText(options.period)}　作成日：${formatWareki(options.createdOn)}`;
  const levelColumns = NOTICE_TALLY_LEVELS.map((header) => ({
    header,
    width: header === "会計" ? 22 : header === "収納区分" ? 14 : 9,
  }));
  return writeClerkWorkbook([
    {
      name: "済通集計表",
      title: "済通集計表（銀行・ゆうちょ銀行・派出所）",
      subtitle,
      columns: [
        ...levelColumns,
        { header: "件数", width: 10, kind: "count" },
        { header: "金額（円）", width: 18, kind: "yen" },
      ],
      rows: receiptTallyRows(tally),
    },
    {
      name: "公金収納集計表",
      title: "公金収納集計表（会計別・歳入区分別）",
      subtitle,
      columns: [
        { header: "会計", width: 28 },
        { header: "歳入区分（款）", width: 28 },
        { header: "件数", width: 10, kind: "count" },
        { header: "金額（円）", width: 18, kind: "yen" },
      ],
      rows: revenueSummaryRows(tally),
    },
    {
      name: "収入日計表",
      title: "収入日計表",
      subtitle,
      columns: [
        { header: "収納日", width: 20 },
        { header: "件数", width: 10, kind: "count" },
        { header: "金額（円）", width: 18, kind: "yen" },
        { header: "累計件数", width: 12, kind: "count" },
        { header: "累計金額（円）", width: 20, kind: "yen" },
      ],
      rows: dailyReceiptRows(dailyReceipts(notices)),
    },
  ]);
}
