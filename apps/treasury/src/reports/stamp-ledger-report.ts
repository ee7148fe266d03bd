import { toMinorUnits } from "@ward/ledger";
import type { StampBook } from "../domain/index.js";
import type { ReportDocument } from "./report-files.js";
import type { ReportSection } from "./work-report.js";

/**
 * The 郵券受払簿 as a report: a 総括 table (券種, 受入計, 払出計, 残高, 金額) and, per face value, the ledger in
 * the usual layout — 月日, 摘要, 受入, 払出, 残高 — with a 計 row.
 *
 * @example
 * await writeReportWorkbook(stampLedgerReport((await loadStampBook(platform)).book, "2025-07-31"));
 */
export function stampLedgerReport(book: StampBook, createdOn: string): ReportDocument {
  const { ledger } = book;
  const summary: ReportSection = {
    name: "総括",
    caption: "券種別残高",
    columns: [
      { header: "券種（円）", width: 12, kind: "count" },
      { header: "受入計", width: 12, kind: "count" },
      { header: "払出計", width: 12, kind: "count" },
      { header: "残高（枚）", width: 12, kind: "count" },
      { header: "金額", width: 14, kind: "yen" },
    ],
    rows: [
      ...ledger.balances.map((b) => ({
        values: [b.denomination, b.received, b.used, b.remaining, toMinorUnits(b.value)],
      })),
      { values: ["合計", null, null, null, toMinorUnits(ledger.totalValue)], emphasis: "total" as const },
    ],
  };
  const perDenomination = ledger.balances.map(
    (b): ReportSection => ({
      name: `${b.denomination}円`,
      caption: `${b.denomination}円切手`,
      columns: [
        { header: "月日", width: 12 },
        { header: "摘要", width: 36 },
        { header: "受入", width: 10, kind: "count" },
        { header: "払出", width: 10, kind: "count" },
        { header: "残高", width: 10, kind: "count" },
      ],
      rows: [
        ...ledger.lines
          .filter((l) => l.denomination === b.denomination)
          .map((l) => ({
            values: [l.date ?? "", l.description ?? "", l.received || null, l.used || null, l.remaining],
          })),
        { values: ["計", "", b.received, b.used, b.remaining], emphasis: "total" as const },
      ],
    }),
  );
  return {
    title: "郵券受払簿",
    subtitle: `作成日 ${createdOn}`,
    sections: [summary, ...perDenomination],
  };
}
