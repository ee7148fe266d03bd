import { html } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import { can, type Permission, ROLE_LABELS, type SessionUser } from "../accounts/roles.js";
import type { FieldIssue } from "../errors.js";

/** HTML produced by the shell's helpers (escaped unless built with `raw`). */
export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

/** One navigation link; hidden from users without `permission`. */
export interface NavItem {
  readonly href: string;
  readonly label: string;
  readonly permission?: Permission;
}

/** Input of {@link renderLayout}. */
export interface LayoutOptions {
  /** The app's title, e.g. `練馬区 公金収納管理`. */
  readonly appTitle: string;
  /** This page's heading (also in `<title>`). */
  readonly title: string;
  readonly nav: readonly NavItem[];
  readonly currentPath: string;
  readonly user: SessionUser | null;
  readonly csrfToken: string | null;
  readonly body: Html;
  /** A success message shown above the body. */
  readonly notice?: string;
  /** An error message shown above the body (role="alert"). */
  readonly error?: string;
}

/**
 * A full Japanese page: skip link, header with the app title and the signed-in user, navigation
 * (with `aria-current`), notice/error regions and the body.
 *
 * @example
 * ```ts
 * c.html(renderLayout({ appTitle: "デモ", title: "ホーム", nav: [], currentPath: "/", user, csrfToken, body: html`<p>ようこそ</p>` }));
 * ```
 */
export function renderLayout(o: LayoutOptions): Html {
  const items = o.user
    ? o.nav.filter((n) => n.permission === undefined || can(o.user as SessionUser, n.permission))
    : [];
  return html`<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${o.title} | ${o.appTitle}</title>
<link rel="stylesheet" href="/assets/shell.css">
</head>
<body>
<a class="skip" href="#main">本文へ移動</a>
<header class="app">
  <a class="title" href="/">${o.appTitle}</a>
  ${
    o.user
      ? html`<div class="user"><span>${o.user.displayName}（${ROLE_LABELS[o.user.role]}）</span>
  <form method="post" action="/logout"><input type="hidden" name="_csrf" value="${o.csrfToken ?? ""}"><button type="submit">ログアウト</button></form></div>`
      : ""
  }
</header>
${
  items.length > 0
    ? html`<nav class="main" aria-label="メインメニュー"><ul>${items.map(
        (n) =>
          html`<li><a href="${n.href}"${
            o.currentPath === n.href || (n.href !== "/" && o.currentPath.startsWith(`${n.href}/`))
              ? html` aria-current="page"`
              : ""
          }>${n.label}</a></li>`,
      )}</ul></nav>`
    : ""
}
<main id="main">
<h1>${o.title}</h1>
${o.notice ? html`<p class="notice" role="status">${o.notice}</p>` : ""}
${o.error ? html`<div class="alert" role="alert">${o.error}</div>` : ""}
${o.body}
</main>
<footer>${o.appTitle}</footer>
</body>
</html>`;
}

/** Input of {@link field}. */
export interface FieldOptions {
  readonly name: string;
  readonly label: string;
  readonly type?: "text" | "password" | "date" | "search" | "textarea" | "file";
  readonly value?: string;
  readonly required?: boolean;
  readonly hint?: string;
  /** The field's error (from {@link issuesFor}). */
  readonly error?: string | undefined;
  readonly autocomplete?: string;
}

/**
 * An accessible form field: a `<label for>`, hint and error tied with `aria-describedby`,
 * `aria-invalid` when in error, and a visible 必須 mark.
 *
 * @example
 * ```ts
 * field({ name: "title", label: "件名", required: true, error: issuesFor(issues, "title") });
 * ```
 */
export function field(o: FieldOptions): Html {
  const id = `f-${o.name}`;
  const describedBy = [o.hint ? `${id}-hint` : "", o.error ? `${id}-error` : ""].filter(Boolean).join(" ");
  const common = html`id="${id}" name="${o.name}"${o.required ? html` required aria-required="true"` : ""}${
    o.error ? html` aria-invalid="true"` : ""
  }${describedBy ? html` aria-describedby="${describedBy}"` : ""}${o.autocomplete ? html` autocomplete="${o.autocomplete}"` : ""}`;
  const control =
    o.type === "textarea"
      ? html`<textarea ${common} rows="5">${o.value ?? ""}</textarea>`
      : html`<input type="${o.type ?? "text"}" ${common}${o.type === "file" || o.type === "password" ? "" : html` value="${o.value ?? ""}"`}>`;
  return html`<div class="field">
<label for="${id}">${o.label}${o.required ? html`<span class="required">（必須）</span>` : ""}</label>
${o.hint ? html`<span class="hint" id="${id}-hint">${o.hint}</span>` : ""}
${o.error ? html`<span class="error" id="${id}-error">${o.error}</span>` : ""}
${control}
</div>`;
}

/**
 * A `<select>` field with the same accessibility wiring as {@link field}.
 *
 * @example
 * ```ts
 * selectField({ name: "role", label: "権限", options: [["staff", "職員"]], value: "staff" });
 * ```
 */
export function selectField(o: {
  readonly name: string;
  readonly label: string;
  readonly options: ReadonlyArray<readonly [string, string]>;
  readonly value?: string;
  readonly error?: string | undefined;
}): Html {
  const id = `f-${o.name}`;
  return html`<div class="field">
<label for="${id}">${o.label}</label>
${o.error ? html`<span class="error" id="${id}-error">${o.error}</span>` : ""}
<select id="${id}" name="${o.name}"${o.error ? html` aria-invalid="true" aria-describedby="${id}-error"` : ""}>
${o.options.map(([v, l]) => html`<option value="${v}"${v === o.value ? html` selected` : ""}>${l}</option>`)}
</select>
</div>`;
}

/**
 * The hidden CSRF field every state-changing form needs.
 *
 * @example
 * ```ts
 * html`<form method="post">${csrfField(c.var.session?.csrfToken)}…</form>`;
 * ```
 */
export function csrfField(token: string | null | undefined): Html {
  return html`<input type="hidden" name="_csrf" value="${token ?? ""}">`;
}

/**
 * The first message for a field among issues.
 *
 * @example
 * ```ts
 * issuesFor([{ path: "title", message: "件名を入力してください。" }], "title"); // "件名を入力してください。"
 * ```
 */
export function issuesFor(issues: readonly FieldIssue[], path: string): string | undefined {
  return issues.find((i) => i.path === path)?.message;
}

/**
 * A list of every problem, linked to its field, for the top of a form.
 *
 * @example
 * ```ts
 * errorSummary(error.issues);
 * ```
 */
export function errorSummary(issues: readonly FieldIssue[]): Html {
  if (issues.length === 0) return html``;
  return html`<div class="alert" role="alert"><p>入力内容を確認してください。</p><ul>${issues.map(
    (i) => html`<li><a href="#f-${i.path}">${i.message}</a></li>`,
  )}</ul></div>`;
}

/**
 * A data table with a caption and column headers.
 *
 * @example
 * ```ts
 * dataTable({ caption: "一覧", columns: ["件名"], rows: [["会議"]] });
 * ```
 */
export function dataTable(o: {
  readonly caption: string;
  readonly columns: readonly string[];
  readonly rows: ReadonlyArray<ReadonlyArray<string | number | Html>>;
  readonly empty?: string;
}): Html {
  return html`<table><caption>${o.caption}</caption>
<thead><tr>${o.columns.map((c) => html`<th scope="col">${c}</th>`)}</tr></thead>
<tbody>${
    o.rows.length === 0
      ? html`<tr><td colspan="${o.columns.length}">${o.empty ?? "データがありません。"}</td></tr>`
      : o.rows.map((r) => html`<tr>${r.map((cell) => html`<td>${cell}</td>`)}</tr>`)
  }</tbody></table>`;
}
