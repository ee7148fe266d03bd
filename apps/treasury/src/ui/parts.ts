import { formatAmount, yen } from "@ward/ledger";
import { csrfField, dataTable, field, type Html, html, type renderPage } from "@ward/platform";
import type { CsvImportError } from "../domain/index.js";

/** A page for `renderPage`: title, body, status, notice. */
export type Page = Parameters<typeof renderPage>[1];

/** A form's field issues (Japanese). */
export type Issues = readonly { readonly path: string; readonly message: string }[];

/** What a form page shows after a post: a message on top, the submitted values and their issues. */
export interface FormPageState {
  readonly top?: Html;
  readonly values?: Readonly<Record<string, string>>;
  readonly issues?: Issues;
  readonly status?: 200 | 422;
}

/** Integer yen as clerks read it, through `@ward/ledger`: `12000` → `12,000円`. */
export const formatYen = (amount: number): string => formatAmount(yen(amount));

/** A status message (green). */
export const noticeBox = (text: Html | string): Html =>
  html`<div class="notice" role="status"><p>${text}</p></div>`;

/** An alert (red). */
export const alertBox = (text: Html | string): Html =>
  html`<div class="alert" role="alert"><p>${text}</p></div>`;

/** The alert when a CSV upload form came with no file. */
export const NO_FILE_ALERT = alertBox("取り込むCSVファイルを選んでください。");

/** A one-file upload form (multipart, CSRF). */
export function uploadForm(o: {
  readonly csrfToken: string | undefined;
  readonly action: string;
  readonly label: string;
  readonly hint: string;
  readonly button: string;
}): Html {
  return html`<form method="post" action="${o.action}" enctype="multipart/form-data">
${csrfField(o.csrfToken)}
${field({ name: "file", label: o.label, type: "file", required: true, hint: o.hint })}
<button class="primary" type="submit">${o.button}</button></form>`;
}

/** The table of a rejected file's errors (line, column, value, message), first 200. */
export function importErrorTable(errors: readonly CsvImportError[]): Html {
  return dataTable({
    caption: "誤りの一覧",
    columns: ["行", "列", "値", "内容"],
    rows: errors.slice(0, 200).map((e) => [e.line, e.column ?? "", e.value ?? "", e.message]),
  });
}

/** A rejected file: the alert and every error. */
export function importErrors(errors: readonly CsvImportError[]): Html {
  return html`${alertBox(`取込を中止しました。1件も保存していません（誤り ${errors.length}件）。`)}
${importErrorTable(errors)}`;
}
