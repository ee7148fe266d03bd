import { csrfField, dataTable, errorSummary, field, type Html, html } from "@ward/platform";
import { type AccountingReconciliation, DISCREPANCY_STATUS_LABELS } from "../reports/reconcile-input.js";
import { alertBox, formatYen, type Issues, type Page } from "./parts.js";

function reconcileForm(vm: { readonly csrfToken: string | undefined; readonly today: string }): Html {
  return html`<form method="post" action="/reconcile" enctype="multipart/form-data">
${csrfField(vm.csrfToken)}
${field({ name: "from", label: "収納日（から）", type: "date", required: true, value: vm.today })}
${field({ name: "to", label: "収納日（まで）", type: "date", required: true, value: vm.today })}
${field({ name: "file", label: "財務会計システムの入力データ（CSV）", type: "file", required: true, hint: "納入済通知書と同じ列のCSV" })}
<button class="primary" type="submit">照合する</button></form>`;
}

function resultHtml(result: AccountingReconciliation): Html {
  if (!result.ok)
    return html`${alertBox("入力データを読めませんでした。")}${dataTable({ caption: "誤りの一覧", columns: ["行", "列", "内容"], rows: result.errors.slice(0, 200).map((e) => [e.line, e.column ?? "", e.message]) })}`;
  return html`<div class="${result.balanced ? "notice" : "alert"}" role="status"><p>${result.summaryJa}</p></div>
${dataTable({
  caption: "差異のある区分",
  columns: ["区分", "状態", "集計表 件数", "集計表 金額", "入力 件数", "入力 金額", "差 件数", "差額"],
  empty: "差異はありません。",
  rows: result.discrepancies.map((d) => [
    d.cell,
    DISCREPANCY_STATUS_LABELS[d.status],
    d.expectedCount,
    formatYen(d.expectedYen),
    d.enteredCount,
    formatYen(d.enteredYen),
    d.differenceCount,
    formatYen(d.differenceYen),
  ]),
})}`;
}

/**
 * 財務会計入力との照合: the form, its issues, or the result above it.
 *
 * @example
 * reconcilePage({ csrfToken: "t", today: "2025-07-10" }).title; // => "財務会計入力との照合"
 */
export function reconcilePage(vm: {
  readonly csrfToken: string | undefined;
  readonly today: string;
  readonly issues?: Issues;
  readonly result?: AccountingReconciliation;
}): Page {
  const form = reconcileForm(vm);
  if (vm.result)
    return {
      title: "照合結果",
      status: vm.result.ok ? 200 : 422,
      body: html`${resultHtml(vm.result)}${form}`,
    };
  return vm.issues
    ? { title: "財務会計入力との照合", status: 422, body: html`${errorSummary(vm.issues)}${form}` }
    : { title: "財務会計入力との照合", body: form };
}
