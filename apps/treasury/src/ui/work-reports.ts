import { csrfField, dataTable, errorSummary, field, html, issuesFor, selectField } from "@ward/platform";
import { WORK_ITEMS, workItemTitle } from "../domain/index.js";
import type { WorkReportData } from "../storage/work-records.js";
import type { FormPageState, Page } from "./parts.js";

/**
 * 業務日報・完了報告書: the day's work records, the export links and the entry form.
 *
 * @example
 * workReportsPage({ csrfToken: "t", date: "2025-07-10", month: "2025-07", data }).title; // => "業務日報・完了報告書"
 */
export function workReportsPage(
  vm: FormPageState & {
    readonly csrfToken: string | undefined;
    readonly date: string;
    readonly month: string;
    readonly data: Pick<WorkReportData, "records">;
  },
): Page {
  const { date, month, data } = vm;
  const v = vm.values ?? {};
  const issues = vm.issues ?? [];
  return {
    title: "業務日報・完了報告書",
    status: vm.status ?? 200,
    body: html`${vm.top ?? ""}
<form method="get" action="/reports">${field({ name: "date", label: "日付", type: "date", value: date })}${field({ name: "month", label: "月（YYYY-MM）", value: month })}<button type="submit">表示</button></form>
<p>業務日報 ${date}：<a href="/reports/daily.xlsx?date=${date}">Excel</a>｜<a href="/reports/daily.pdf?date=${date}">PDF</a>　
完了報告書 ${month}：<a href="/reports/monthly.xlsx?month=${month}">Excel</a>｜<a href="/reports/monthly.pdf?month=${month}">PDF</a></p>
${dataTable({
  caption: `業務記録 ${date}（${data.records.length}件）`,
  columns: ["業務項目", "件数", "担当者", "備考"],
  empty: "この日の業務記録はありません。",
  rows: data.records.map((r) => [workItemTitle(r.workItemId), r.count, r.staff, r.note]),
})}
<h2>業務記録の入力</h2>${errorSummary(issues)}
<form method="post" action="/work-records" novalidate>${csrfField(vm.csrfToken)}
${field({ name: "date", label: "日付", type: "date", required: true, value: v.date ?? date, error: issuesFor(issues, "date") })}
${selectField({ name: "workItemId", label: "業務項目（委託内容）", options: WORK_ITEMS.map((w): [string, string] => [w.id, w.title]), value: v.workItemId ?? "", error: issuesFor(issues, "workItemId") })}
${field({ name: "count", label: "件数", required: true, value: v.count ?? "", error: issuesFor(issues, "count") })}
${field({ name: "staff", label: "担当者", required: true, value: v.staff ?? "", error: issuesFor(issues, "staff") })}
${field({ name: "note", label: "備考", value: v.note ?? "", error: issuesFor(issues, "note") })}
<button class="primary" type="submit">登録する</button></form>`,
  };
}
