import { csrfField, dataTable, errorSummary, field, html, issuesFor } from "@ward/platform";
import type { StampBook } from "../domain/index.js";
import { type FormPageState, formatYen, type Page } from "./parts.js";

/**
 * 郵券受払簿: the entry form, balances per denomination and every line.
 *
 * @example
 * stampsPage({ csrfToken: "t", today: "2025-07-10", book }).title; // => "郵券受払簿"
 */
export function stampsPage(
  vm: FormPageState & {
    readonly csrfToken: string | undefined;
    readonly today: string;
    readonly book: StampBook;
  },
): Page {
  const { book } = vm;
  const v = vm.values ?? {};
  const issues = vm.issues ?? [];
  return {
    title: "郵券受払簿",
    status: vm.status ?? 200,
    body: html`${vm.top ?? ""}${errorSummary(issues)}
<form method="post" action="/stamps" novalidate>${csrfField(vm.csrfToken)}
${field({ name: "date", label: "日付", type: "date", required: true, value: v.date ?? vm.today, error: issuesFor(issues, "date") })}
${field({ name: "denomination", label: "券種（円）", required: true, hint: "例：110", value: v.denomination ?? "", error: issuesFor(issues, "denomination") })}
${field({ name: "received", label: "受入（枚）", value: v.received ?? "", error: issuesFor(issues, "received") })}
${field({ name: "used", label: "払出（枚）", value: v.used ?? "", error: issuesFor(issues, "used") })}
${field({ name: "description", label: "摘要", required: true, hint: "例：返信用切手、支払案内書送付", value: v.description ?? "", error: issuesFor(issues, "description") })}
${field({ name: "counted", label: "実査残（枚、任意）", hint: "数えた残数を入れると帳簿と照合します", value: v.counted ?? "", error: issuesFor(issues, "counted") })}
<button class="primary" type="submit">記録する</button></form>
<p><a href="/stamps.xlsx">Excelで保存（郵券受払簿）</a></p>
${dataTable({
  caption: `券種別残高（合計 ${formatYen(book.days.at(-1)?.valueYen ?? 0)}）`,
  columns: ["券種", "受入計", "払出計", "残高（枚）", "金額"],
  empty: "記録はまだありません。",
  rows: book.ledger.balances.map((b) => [
    `${b.denomination}円`,
    b.received,
    b.used,
    b.remaining,
    formatYen(b.remaining * b.denomination),
  ]),
})}
${dataTable({
  caption: "受払の記録",
  columns: ["月日", "券種", "摘要", "受入", "払出", "残高"],
  empty: "記録はまだありません。",
  rows: book.ledger.lines.map((l) => [
    l.date ?? "",
    `${l.denomination}円`,
    l.description ?? "",
    l.received || "",
    l.used || "",
    l.remaining,
  ]),
})}`,
  };
}
