import { dataTable, field, html } from "@ward/platform";
import type { DayTally } from "../use-cases/tally-notices.js";
import { formatYen, type Page } from "./parts.js";

/**
 * 済通集計表 of one receipt date, with the workbook link.
 *
 * @example
 * talliesPage({ date: "2025-07-10", notices: [], rows: [] }).title; // => "済通集計表（2025-07-10）"
 */
export function talliesPage(vm: DayTally & { readonly date: string }): Page {
  const { date, notices, rows } = vm;
  return {
    title: `済通集計表（${date}）`,
    body: html`<form method="get" action="/tallies">${field({ name: "date", label: "収納日", type: "date", value: date })}<button type="submit">表示</button></form>
<p><a href="/tallies.xlsx?date=${date}">Excelで保存（済通集計表・公金収納集計表・収入日計表）</a></p>
${dataTable({
  caption: `済通集計表 ${date}（${notices.length}件）`,
  columns: ["収納区分", "会計", "款", "項", "目", "節", "所属", "件数", "金額"],
  empty: "この日の納入済通知書はありません。",
  rows: notices.length
    ? rows.map((r) =>
        r.values.map((v, i) =>
          i === 8 && typeof v === "number"
            ? formatYen(v)
            : r.emphasis
              ? html`<strong>${v ?? ""}</strong>`
              : (v ?? ""),
        ),
      )
    : [],
})}`,
  };
}
