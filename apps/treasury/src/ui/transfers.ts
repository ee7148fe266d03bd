import { dataTable, field, html } from "@ward/platform";
import type { matchTransfers } from "../use-cases/match-transfers.js";
import { formatYen, type Page } from "./parts.js";

const MATCH_LABELS: Readonly<Record<string, string>> = {
  matched: "一致",
  "amount-differs": "金額相違",
  "date-differs": "日付相違",
  "missing-order": "支出命令なし",
  "missing-application": "申請なし",
};

const item = (t: { id: string; transferDate: string; amount: number } | undefined) =>
  t ? `${t.id} ${t.transferDate} ${formatYen(t.amount)}` : "";

/**
 * 口座振替情報（e ビジネスサイト）照合: applications against payment orders of a date range.
 *
 * @example
 * transfersPage({ from: "2025-07-01", to: "2025-07-10", matches: [] }).title; // => "口座振替情報（e ビジネスサイト）照合"
 */
export function transfersPage(vm: {
  readonly from: string;
  readonly to: string;
  readonly matches: Awaited<ReturnType<typeof matchTransfers>>;
}): Page {
  const { from, to, matches } = vm;
  return {
    title: "口座振替情報（e ビジネスサイト）照合",
    body: html`<form method="get" action="/transfers">${field({ name: "from", label: "振込指定日（から）", type: "date", value: from })}${field({ name: "to", label: "振込指定日（まで）", type: "date", value: to })}<button type="submit">照合</button></form>
${dataTable({
  caption: `照合結果 ${from}～${to}（${matches.filter((m) => m.status === "matched").length}/${matches.length}件一致）`,
  columns: ["結果", "申請", "支出命令", "差"],
  empty: "対象の申請・支出命令はありません。",
  rows: matches.map((m) => [
    m.status === "matched"
      ? (MATCH_LABELS[m.status] ?? "")
      : html`<strong>${MATCH_LABELS[m.status] ?? m.status}</strong>`,
    item("application" in m ? m.application : undefined),
    item("order" in m ? m.order : undefined),
    m.status === "amount-differs"
      ? formatYen(m.amountDifference)
      : m.status === "date-differs"
        ? `${m.dayDifference}日`
        : "",
  ]),
})}`,
  };
}
