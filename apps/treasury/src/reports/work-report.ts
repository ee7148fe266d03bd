import { formatWareki } from "@ward/calendar-jp";
import { nerimaTreasury2025 } from "@ward/contract-model";
import { WORK_ITEMS } from "../domain/index.js";
import type { SheetColumn, SheetRow } from "../internal/xlsx-sheet.js";
import type { StoredActivity, WorkReportData } from "../storage/work-records.js";

/** One table of a report: a sheet in Excel, a table in the PDF. */
export interface ReportSection {
  readonly name: string;
  readonly caption: string;
  readonly columns: readonly SheetColumn[];
  readonly rows: readonly SheetRow[];
}

/** A 業務日報 or 完了報告書 as tables. */
export interface WorkReport {
  readonly kind: "daily" | "monthly";
  readonly title: string;
  /** The contract and the period, under the title. */
  readonly subtitle: string;
  readonly sections: readonly ReportSection[];
}

const ACTIVITY_LINES: readonly [string, (a: StoredActivity) => number, ((a: StoredActivity) => number)?][] = [
  ["納入済通知書（収納日）", (a) => a.notices.count, (a) => a.notices.yen],
  ["支出命令（支払日）", (a) => a.paymentOrders],
  ["e ビジネスサイト申請（振込指定日）", (a) => a.transferApplications],
  ["払込票（集計期限）", (a) => a.slipsDue],
  ["口座振替支払不能（通知日）", (a) => a.failedTransfersNotified],
  ["うち未完了", (a) => a.failedTransfersOpen],
  ["債権者口座登録", (a) => a.creditorRegistrations],
  ["郵券 受入（枚）", (a) => a.stampsReceived],
  ["郵券 払出（枚）", (a) => a.stampsUsed],
];

/**
 * Builds the 業務日報 (第8-2, one day) or the 完了報告書 (第13, one month) from what was recorded: every
 * contract work item with its counted work, staff and notes; the counts taken from the stored notices,
 * orders, applications, slips, failed transfers, registrations and stamps; for a month also a per-day table.
 *
 * @param data - from `loadWorkReportData`
 * @param kind - `daily` or `monthly`
 * @returns the report's tables
 * @example
 * workReport(await loadWorkReportData(platform, { from: "2025-07-10", to: "2025-07-10" }), "daily").title; // => "業務日報"
 */
export function workReport(data: WorkReportData, kind: "daily" | "monthly"): WorkReport {
  const byItem = WORK_ITEMS.map((item) => {
    const rs = data.records.filter((r) => r.workItemId === item.id);
    return {
      values: [
        item.title,
        rs.reduce((s, r) => s + r.count, 0),
        [...new Set(rs.map((r) => r.staff))].join("、"),
        rs
          .map((r) => r.note)
          .filter((n) => n !== "")
          .join(" / "),
      ],
    };
  });
  const period =
    kind === "daily"
      ? formatWareki(data.from)
      : `${formatWareki(data.from).replace(/\d+日$/, "")}分（${formatWareki(data.from)}～${formatWareki(data.to)}）`;
  const sections: ReportSection[] = [
    {
      name: "業務実績",
      caption: "業務実績（委託内容 第5）",
      columns: [
        { header: "業務項目", width: 34 },
        { header: "件数", width: 10, kind: "count" },
        { header: "担当者", width: 18 },
        { header: "備考", width: 40 },
      ],
      rows: byItem,
    },
    {
      name: "記録件数",
      caption: "システムに記録された件数",
      columns: [
        { header: "項目", width: 34 },
        { header: "件数", width: 12, kind: "count" },
        { header: "金額", width: 16, kind: "yen" },
      ],
      rows: ACTIVITY_LINES.map(([label, count, yen]) => ({
        values: [label, count(data.activity), yen ? yen(data.activity) : null],
      })),
    },
  ];
  if (kind === "monthly") {
    sections.push({
      name: "日別内訳",
      caption: "日別内訳",
      columns: [
        { header: "日付", width: 12 },
        { header: "通知書", width: 9, kind: "count" },
        { header: "収納額", width: 14, kind: "yen" },
        { header: "支出命令", width: 9, kind: "count" },
        { header: "申請", width: 9, kind: "count" },
        { header: "払込票", width: 9, kind: "count" },
        { header: "支払不能", width: 9, kind: "count" },
        { header: "口座登録", width: 9, kind: "count" },
        { header: "業務記録", width: 9, kind: "count" },
      ],
      rows: [
        ...data.days.map((d) => ({
          values: dayValues(
            d.date,
            d.activity,
            data.records.filter((r) => r.date === d.date),
          ),
        })),
        { values: dayValues("合計", data.activity, data.records), emphasis: "total" as const },
      ],
    });
  }
  return {
    kind,
    title: kind === "daily" ? "業務日報" : "完了報告書",
    subtitle: `${nerimaTreasury2025.title}　${period}`,
    sections,
  };
}

function dayValues(
  label: string,
  a: StoredActivity,
  records: WorkReportData["records"],
): (string | number)[] {
  return [
    label,
    a.notices.count,
    a.notices.yen,
    a.paymentOrders,
    a.transferApplications,
    a.slipsDue,
    a.failedTransfersNotified,
    a.creditorRegistrations,
    records.reduce((s, r) => s + r.count, 0),
  ];
}
