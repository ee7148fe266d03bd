import { csrfField, dataTable, field, type Html, html } from "@ward/platform";
import type { NoticeImportError } from "../domain/index.js";
import { alertBox, formatYen, NO_FILE_ALERT, noticeBox, type Page } from "./parts.js";

/** What the 納入済通知書 import screen shows above its form. */
export type NoticeImportOutcome =
  | { readonly kind: "form" }
  | { readonly kind: "no-file" }
  | { readonly kind: "busy"; readonly messageJa: string }
  | { readonly kind: "rejected"; readonly errors: readonly NoticeImportError[]; readonly truncated: boolean }
  | {
      readonly kind: "imported";
      readonly rowCount: number;
      readonly freshCount: number;
      readonly reimportCount: number;
      readonly totalYen: number;
      readonly batchId: number | string;
    };

function outcomeHtml(o: NoticeImportOutcome): Html | string {
  switch (o.kind) {
    case "form":
      return "";
    case "no-file":
      return NO_FILE_ALERT;
    case "busy":
      return alertBox(o.messageJa);
    case "rejected":
      return html`${alertBox(`取込を中止しました。1件も保存していません（誤り ${o.errors.length}${o.truncated ? "件以上" : "件"}）。`)}
${dataTable({ caption: "誤りの一覧", columns: ["行", "列", "値", "内容"], rows: o.errors.slice(0, 200).map((e) => [e.line, e.column ?? "", e.value ?? "", e.message]) })}`;
    case "imported":
      return noticeBox(
        `取込完了：${o.rowCount}件（新規 ${o.freshCount}件、取込済みのため除外 ${o.reimportCount}件）、新規分 ${formatYen(o.totalYen)}、取込番号 ${o.batchId}`,
      );
  }
}

const STATUS = { form: 200, "no-file": 422, busy: 409, rejected: 422, imported: 200 } as const;

/**
 * 納入済通知書の取込: the upload form, with the outcome of the last upload above it.
 *
 * @example
 * noticeImportPage({ csrfToken: "t", outcome: { kind: "no-file" } }).status; // => 422
 */
export function noticeImportPage(vm: {
  readonly csrfToken: string | undefined;
  readonly outcome: NoticeImportOutcome;
}): Page {
  return {
    title: "納入済通知書の取込",
    status: STATUS[vm.outcome.kind],
    body: html`${outcomeHtml(vm.outcome)}<form method="post" action="/notices/import" enctype="multipart/form-data">
${csrfField(vm.csrfToken)}
${field({ name: "file", label: "納入済通知書CSV", type: "file", required: true, hint: "UTF-8 または Shift_JIS。誤りが1件でもあれば、ファイル全体を取り込みません。" })}
<button class="primary" type="submit">取り込む</button></form>`,
  };
}
