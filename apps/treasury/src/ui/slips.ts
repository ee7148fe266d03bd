import { dataTable, html } from "@ward/platform";
import type { listDueSlips } from "../use-cases/list-due-slips.js";
import { formatYen, type Page } from "./parts.js";

const SLIP_STATUS: Readonly<Record<string, string>> = {
  overdue: "期限超過",
  "due-today": "本日期限",
  upcoming: "今週期限",
};

/**
 * 払込票 due today (and overdue) or this week; urgent ones in bold.
 *
 * @example
 * slipsPage({ scope: "week", today: "2025-07-10", slips: [] }).title; // => "今週期限の払込票"
 */
export function slipsPage(vm: {
  readonly scope: "today" | "week";
  readonly today: string;
  readonly slips: Awaited<ReturnType<typeof listDueSlips>>;
}): Page {
  return {
    title: vm.scope === "week" ? "今週期限の払込票" : "本日期限の払込票",
    body: html`<p><a href="/slips?scope=today">本日・期限超過</a>｜<a href="/slips?scope=week">今週</a></p>
${dataTable({
  caption: `払込票（基準日 ${vm.today}）`,
  columns: ["番号", "支払先", "支払希望日", "集計期限", "状態", "金額"],
  empty: "該当する払込票はありません。",
  rows: vm.slips.map((s) => [
    s.slip.id,
    s.slip.payee,
    s.slip.desiredPaymentDate,
    s.dueDate,
    s.urgent
      ? html`<strong class="urgent">至急・${SLIP_STATUS[s.status] ?? s.status}</strong>`
      : (SLIP_STATUS[s.status] ?? s.status),
    formatYen(s.slip.amount),
  ]),
})}`,
  };
}
