import { csrfField, dataTable, field, type Html, html, type renderPage } from "@ward/platform";
import type { CsvImportError } from "../domain/index.js";

/** The request context of a page handler. */
export type Ctx = Parameters<typeof renderPage>[0];

/** The Excel MIME type. */
export const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** `12,000円`. */
export const yen = (n: number) => `${n.toLocaleString("ja-JP")}円`;

/** A file download response (attachment; PDF inline). */
export function download(c: Ctx, bytes: Uint8Array, fileName: string): Response {
  const type = fileName.endsWith(".pdf")
    ? "application/pdf"
    : fileName.endsWith(".csv")
      ? "text/csv; charset=utf-8"
      : XLSX;
  return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
    "content-type": type,
    "content-disposition": `${type === "application/pdf" ? "inline" : "attachment"}; filename="${fileName}"`,
  });
}

/** A one-file upload form (multipart, CSRF). */
export function uploadForm(c: Ctx, o: { action: string; label: string; hint: string; button: string }): Html {
  return html`<form method="post" action="${o.action}" enctype="multipart/form-data">
${csrfField(c.get("session")?.csrfToken)}
${field({ name: "file", label: o.label, type: "file", required: true, hint: o.hint })}
<button class="primary" type="submit">${o.button}</button></form>`;
}

/** The uploaded file of a multipart form, or undefined when none was chosen. */
export async function uploadedFile(c: Ctx): Promise<File | undefined> {
  const body = await c.req.parseBody();
  const file = body.file;
  return file instanceof File && file.size > 0 ? file : undefined;
}

/** A rejected file: the alert and every error (line, column, value, message). */
export function importErrors(errors: readonly CsvImportError[]): Html {
  return html`<div class="alert" role="alert"><p>取込を中止しました。1件も保存していません（誤り ${errors.length}件）。</p></div>
${dataTable({ caption: "誤りの一覧", columns: ["行", "列", "値", "内容"], rows: errors.slice(0, 200).map((e) => [e.line, e.column ?? "", e.value ?? "", e.message]) })}`;
}
