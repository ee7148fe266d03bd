import { csrfField, dataTable, errorSummary, field, html, issuesFor, selectField } from "@ward/platform";
import {
  FAILED_TRANSFER_REASONS,
  FAILED_TRANSFER_REPLY_LABELS,
  FAILED_TRANSFER_STATUS_LABELS,
  type FailedTransferStatus,
} from "../domain/index.js";
import type { FailedTransfer } from "../storage/failed-transfers.js";
import { type FormPageState, formatYen, type Page, uploadForm } from "./parts.js";

/** The statuses with their labels, in the domain's order. */
export const STATUS_OPTIONS = Object.entries(FAILED_TRANSFER_STATUS_LABELS) as [
  FailedTransferStatus,
  string,
][];
const REPLY_OPTIONS: [string, string][] = [
  ["", "（未回答）"],
  ...Object.entries(FAILED_TRANSFER_REPLY_LABELS),
];
const REASON_OPTIONS = Object.entries(FAILED_TRANSFER_REASONS)
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([code, label]): [string, string] => [code, `${code} ${label}`]);

/** The view model of {@link failedTransfersPage}. */
export interface FailedTransfersView extends FormPageState {
  readonly csrfToken: string | undefined;
  readonly today: string;
  readonly list: readonly FailedTransfer[];
  /** The exports carry payees' names and amounts per person: links only for `personal_data` holders. */
  readonly mayExport: boolean;
}

/**
 * 口座振替支払不能: the log with a reply form per open case, the entry form and the CSV upload.
 *
 * @example
 * failedTransfersPage({ csrfToken: "t", today: "2025-07-10", list: [], mayExport: false }).title; // => "口座振替支払不能"
 */
export function failedTransfersPage(vm: FailedTransfersView): Page {
  const v = vm.values ?? {};
  const issues = vm.issues ?? [];
  const csrf = csrfField(vm.csrfToken);
  return {
    title: "口座振替支払不能",
    status: vm.status ?? 200,
    body: html`${vm.top ?? ""}
<p>${STATUS_OPTIONS.map(([k, l]) => html`<a href="/failed-transfers?status=${k}">${l}</a>｜`)}<a href="/failed-transfers">すべて</a>
${vm.mayExport ? html`｜<a href="/failed-transfers.xlsx">Excelで保存</a>｜<a href="/failed-transfers.csv">CSVで保存</a>` : ""}</p>
${dataTable({
  caption: `支払不能の一覧（${vm.list.length}件）`,
  columns: ["番号", "通知日", "支払先", "金額", "不能事由", "所属", "状態", "担当課の回答・状態の変更"],
  empty: "該当する記録はありません。",
  rows: vm.list.map((f) => [
    f.id,
    f.notifiedOn,
    f.payee,
    formatYen(f.amount),
    `${f.reasonCode} ${f.reasonText}`,
    f.departmentCode,
    FAILED_TRANSFER_STATUS_LABELS[f.status],
    f.status === "completed"
      ? `${f.replyKind ? FAILED_TRANSFER_REPLY_LABELS[f.replyKind] : ""} ${f.replyText}`
      : html`<form method="post" action="/failed-transfers/${f.id}">${csrf}
${selectField({ name: "replyKind", label: "回答", options: REPLY_OPTIONS, value: f.replyKind ?? "" })}
${field({ name: "replyText", label: "回答内容", value: f.replyText })}
${selectField({ name: "status", label: "状態", options: STATUS_OPTIONS, value: f.status })}
<button type="submit">更新</button></form>`,
  ]),
})}
<h2>支払不能通知の登録</h2>${errorSummary(issues)}
<form method="post" action="/failed-transfers" novalidate>${csrf}
${field({ name: "notifiedOn", label: "通知日", type: "date", required: true, value: v.notifiedOn ?? vm.today, error: issuesFor(issues, "notifiedOn") })}
${field({ name: "payee", label: "支払先", required: true, value: v.payee ?? "", error: issuesFor(issues, "payee") })}
${field({ name: "amount", label: "金額（円）", required: true, value: v.amount ?? "", error: issuesFor(issues, "amount") })}
${selectField({ name: "reasonCode", label: "不能事由", options: REASON_OPTIONS, value: v.reasonCode ?? "01", error: issuesFor(issues, "reasonCode") })}
${field({ name: "reasonText", label: "不能事由（補足）", value: v.reasonText ?? "", error: issuesFor(issues, "reasonText") })}
${field({ name: "departmentCode", label: "所属コード", required: true, value: v.departmentCode ?? "", error: issuesFor(issues, "departmentCode") })}
<button class="primary" type="submit">登録する</button></form>
<h2>CSVで取り込む</h2>
${uploadForm({ csrfToken: vm.csrfToken, action: "/failed-transfers/import", label: "支払不能CSV", hint: "列：通知日,支払先,金額,不能事由コード,不能事由,所属コード。誤りが1件でもあれば、ファイル全体を取り込みません。", button: "取り込む" })}`,
  };
}
