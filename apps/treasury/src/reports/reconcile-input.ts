import { type Reconciliation, reconcile } from "@ward/ledger";
import { type NoticeImportError, type PaymentNotice, parsePaymentNotices } from "../domain/index.js";
import { writeClerkWorkbook } from "../internal/xlsx-sheet.js";
import { accountLabel, CHANNEL_REPORT_LABELS } from "./labels.js";
import { NOTICE_TALLY_LEVELS, tallyNotices } from "./notice-tally.js";

/** One differing cell of the reconciliation, as the discrepancy report prints it. */
export interface Discrepancy {
  /** The cell: 収納区分 / 会計 / 科目 / 所属 in words. */
  readonly cell: string;
  readonly status: "differs" | "missing-in-actual" | "missing-in-expected";
  readonly expectedCount: number;
  readonly expectedYen: number;
  readonly enteredCount: number;
  readonly enteredYen: number;
  /** entered − expected. */
  readonly differenceCount: number;
  readonly differenceYen: number;
}

/** The result of {@link reconcileAccountingInput}. */
export type AccountingReconciliation =
  | {
      readonly ok: true;
      readonly balanced: boolean;
      readonly discrepancies: readonly Discrepancy[];
      /** Japanese one-line summary from `@ward/ledger`. */
      readonly summaryJa: string;
      readonly expectedYen: number;
      readonly enteredYen: number;
      readonly reconciliation: Reconciliation<"JPY">;
    }
  | { readonly ok: false; readonly errors: readonly NoticeImportError[] };

const STATUS_JA: Readonly<Record<Discrepancy["status"], string>> = {
  differs: "金額・件数不一致",
  "missing-in-actual": "入力漏れ",
  "missing-in-expected": "集計表になし",
};

/**
 * Reconciles the 集計表 (the imported notices) with the accounting system's input, exported as CSV
 * in the notice layout (one row per entered notice; same columns as the import file): every cell
 * (収納区分 × 会計 × 科目 × 所属) is compared on count and yen.
 *
 * @param notices - the imported notices of the period (expected)
 * @param exportBytes - the accounting system's input export (UTF-8 or Shift_JIS CSV)
 * @returns balanced or not, and every differing cell; or the export's format errors
 * @example
 * const r = reconcileAccountingInput(notices, bytes);
 * if (r.ok && !r.balanced) r.discrepancies[0]; // => { cell: "銀行 / 01 一般会計 / 01-01-01-01 / 110100", differenceYen: -43200, … }
 */
export function reconcileAccountingInput(
  notices: readonly PaymentNotice[],
  exportBytes: Uint8Array,
): AccountingReconciliation {
  const entered = parsePaymentNotices(exportBytes);
  if (!entered.ok) return { ok: false, errors: entered.errors };
  const result = reconcile(tallyNotices(notices), tallyNotices(entered.notices));
  const discrepancies = result.differences.map((d): Discrepancy => {
    const [channel = "", account = "", subject = "", department = ""] = d.key.split("|");
    return {
      cell: [
        CHANNEL_REPORT_LABELS[channel as PaymentNotice["channel"]] ?? channel,
        `${account} ${accountLabel(account)}`,
        subject.replaceAll("/", "-"),
        department,
      ].join(" / "),
      status: d.status,
      expectedCount: d.expected.count,
      expectedYen: d.expected.units,
      enteredCount: d.actual.count,
      enteredYen: d.actual.units,
      differenceCount: d.difference.count,
      differenceYen: d.difference.units,
    };
  });
  return {
    ok: true,
    balanced: result.balanced,
    discrepancies,
    summaryJa: result.summary.messageJa,
    expectedYen: notices.reduce((s, n) => s + n.amount, 0),
    enteredYen: entered.notices.reduce((s, n) => s + n.amount, 0),
    reconciliation: result,
  };
}

/**
 * The discrepancy report as a workbook: one row per differing cell (区分, 状態, 集計表 件数・金額,
 * 入力 件数・金額, 差 件数・金額) and the summary line; 「差異なし」 when balanced.
 *
 * @example
 * await writeDiscrepancyWorkbook(result, { title: "令和7年7月1日分" });
 */
export async function writeDiscrepancyWorkbook(
  result: Extract<AccountingReconciliation, { ok: true }>,
  options: { readonly subtitle: string },
): Promise<Uint8Array> {
  return writeClerkWorkbook([
    {
      name: "照合結果",
      title: `集計表と財務会計入力の照合結果（${result.balanced ? "一致" : "不一致"}）`,
      subtitle: `${options.subtitle}　${result.summaryJa}`,
      columns: [
        { header: `区分（${NOTICE_TALLY_LEVELS[0]}/会計/科目/所属）`, width: 48 },
        { header: "状態", width: 16 },
        { header: "集計表 件数", width: 11, kind: "count" },
        { header: "集計表 金額（円）", width: 16, kind: "yen" },
        { header: "入力 件数", width: 11, kind: "count" },
        { header: "入力 金額（円）", width: 16, kind: "yen" },
        { header: "差 件数", width: 10, kind: "count" },
        { header: "差額（円）", width: 16, kind: "yen" },
      ],
      rows: result.balanced
        ? [{ values: ["差異なし", "一致", null, result.expectedYen, null, result.enteredYen, null, 0] }]
        : result.discrepancies.map((d) => ({
            values: [
              d.cell,
              STATUS_JA[d.status],
              d.expectedCount,
              d.expectedYen,
              d.enteredCount,
              d.enteredYen,
              d.differenceCount,
              d.differenceYen,
            ],
          })),
    },
  ]);
}

export { STATUS_JA as DISCREPANCY_STATUS_LABELS };
