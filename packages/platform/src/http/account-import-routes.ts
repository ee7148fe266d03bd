import { encodeCsv, formatCsv } from "@ward/csv-jp";
import type { Context, Hono } from "hono";
import { html } from "hono/html";
import { ACCOUNT_CSV_COLUMNS } from "../accounts/account-csv.js";
import {
  type AccountImportPlan,
  commitAccountImport,
  formatAccountIssue,
  stageAccountImport,
} from "../accounts/account-import.js";
import { credentialsCsv, takeCredentials } from "../accounts/credential-handout.js";
import { CREDENTIAL_LETTERS_LIMIT, credentialLettersPdf } from "../accounts/credential-letters.js";
import { ROLE_LABELS } from "../accounts/roles.js";
import { isPlatformError, PlatformError } from "../errors.js";
import { csrfField, dataTable, field } from "../ui/layout.js";
import type { PlatformEnv } from "./env.js";
import { renderPage, requirePermission } from "./request-helpers.js";

type Ctx = Context<PlatformEnv>;

const ACTION_LABELS = { create: "新規", move: "異動", retire: "退職" } as const;
const SAMPLE = [
  ["新規", "sato.hanako", "佐藤 花子", "職員", "kaikei", "", ""],
  ["新規", "suzuki.ichiro", "鈴木 一郎", "所属管理者", "kaikei", "", ""],
  ["異動", "tanaka.jiro", "田中 次郎", "", "hoiku", "", "2027-04-01"],
  ["退職", "yamada.mika", "山田 美香", "", "", "", "2027-03-31"],
];

function uploadPage(c: Ctx, o: { error?: string; plan?: AccountImportPlan; importId?: string | null } = {}) {
  const csrf = csrfField(c.get("session")?.csrfToken);
  const plan = o.plan;
  const issues = plan?.issues ?? [];
  return renderPage(c, {
    title: "利用者の一括登録・異動（CSV）",
    ...(o.error ? { error: o.error } : {}),
    status: o.error || issues.length > 0 ? 422 : 200,
    body: html`${
      plan
        ? html`<h2>確認（まだ登録していません）</h2>
${
  issues.length > 0
    ? html`<div class="alert" role="alert"><p>CSVに${issues.length}件の誤りがあります。直してからもう一度読み込んでください（1件も登録していません）。</p><ul>${issues.map(
        (i) => html`<li>${formatAccountIssue(i)}</li>`,
      )}</ul></div>`
    : ""
}
${dataTable({
  caption: `読み込んだ内容（${plan.rows.length}行）`,
  columns: ["行", "区分", "ログインID", "氏名", "権限", "所属", "発令日"],
  rows: plan.rows
    .slice(0, 2000)
    .map((r) => [
      r.line,
      ACTION_LABELS[r.action],
      r.loginId,
      r.displayName,
      r.role ? ROLE_LABELS[r.role] : r.action === "create" ? "" : "（変更なし）",
      r.departmentName || (r.action === "create" ? "（なし）" : "（変更なし）"),
      r.action === "create" ? "即日" : r.effectiveDate,
    ]),
})}
${
  o.importId
    ? html`<form method="post" action="/admin/accounts/import/${o.importId}/commit">${csrf}
<p>この内容で登録します。途中で誤りが見つかった場合は1件も登録しません。新規の利用者には初期パスワードを発行し、次の画面で一度だけ受け取れます。</p>
<button class="primary" type="submit">この内容で登録する（${plan.rows.length}件）</button></form>`
    : ""
}`
        : ""
    }
<h2>CSVファイルの読み込み</h2>
<p>1行目は見出しです。列: ${ACCOUNT_CSV_COLUMNS.join("、")}（区分・グループ・発令日は省略可）。文字コードはUTF-8またはShift_JIS。</p>
<ul>
<li>区分: 新規（省略時）・異動・退職。異動と退職は発令日（例: 2027-04-01）の0時（日本時間）に反映します。</li>
<li>権限: システム管理者・所属管理者・職員・閲覧のみ。異動で空欄なら変更しません。</li>
<li>所属コード: 所属・グループ画面で登録したコード。グループは「;」区切りで複数指定できます。</li>
</ul>
<p><a href="/admin/accounts/import/sample.csv">記入例のCSVをダウンロード</a></p>
<form method="post" action="/admin/accounts/import" enctype="multipart/form-data">${csrf}
${field({ name: "file", label: "利用者のCSVファイル", type: "file", required: true })}
<button class="primary" type="submit">読み込んで確認する</button></form>
<p><a href="/admin">管理メニューへ戻る</a></p>`,
  });
}

/**
 * Registers the bulk account screens: upload and dry run (`/admin/accounts/import`), commit all or
 * nothing, and the one-time hand-out of the new accounts' passwords as CSV.
 *
 * @example
 * ```ts
 * registerAccountImportRoutes(app);
 * ```
 */
export function registerAccountImportRoutes(app: Hono<PlatformEnv>): void {
  const manage = requirePermission("manage_department_users");
  app.get("/admin/accounts/import", manage, (c) => uploadPage(c));
  app.get("/admin/accounts/import/sample.csv", manage, (c) => {
    c.header("Content-Type", "text/csv; charset=utf-8");
    c.header("Content-Disposition", `attachment; filename="accounts-sample.csv"`);
    return c.body(new Uint8Array(encodeCsv(formatCsv(SAMPLE, { header: [...ACCOUNT_CSV_COLUMNS] }))));
  });
  app.post("/admin/accounts/import", manage, async (c) => {
    const body = await c.req.parseBody();
    const file = body.file;
    if (!(file instanceof File) || file.size === 0)
      return uploadPage(c, { error: "CSVファイルを選んでください。" });
    const staged = await stageAccountImport(
      c.get("platform"),
      c.get("actor"),
      file.name,
      new Uint8Array(await file.arrayBuffer()),
    );
    return uploadPage(c, { plan: staged, importId: staged.importId });
  });
  app.post("/admin/accounts/import/:id{[0-9a-f-]{36}}/commit", manage, async (c) => {
    try {
      const result = await commitAccountImport(c.get("platform"), c.get("actor"), c.req.param("id"));
      const csrf = csrfField(c.get("session")?.csrfToken);
      return renderPage(c, {
        title: "一括登録の結果",
        notice: `登録しました: 新規 ${result.created}件、異動 ${result.moves}件、退職 ${result.retirements}件。`,
        body: html`${
          result.handoutId
            ? html`<h2>初期パスワードの受け取り</h2>
<p>新規の利用者${result.created}人の初期パスワードを<strong>一度だけ</strong>ダウンロードできます。ダウンロード後はシステムからも消去され、再表示できません（紛失した場合は利用者ごとにパスワードを再発行してください）。本人には安全な方法で伝え、ファイルは配布後に削除してください。</p>
<form method="post" action="/admin/accounts/handouts/${result.handoutId}">${csrf}
<input type="hidden" name="format" value="csv">
<button class="primary" type="submit">初期パスワードをCSVでダウンロード（1回限り）</button></form>
${
  result.created <= CREDENTIAL_LETTERS_LIMIT
    ? html`<form method="post" action="/admin/accounts/handouts/${result.handoutId}">${csrf}
<input type="hidden" name="format" value="pdf">
<button type="submit">本人あての通知書（PDF、1人1枚）でダウンロード（1回限り）</button></form>
<p>CSVかPDFのどちらか一方だけを受け取れます。</p>`
    : html`<p>通知書（PDF）は${CREDENTIAL_LETTERS_LIMIT}人までです。CSVで受け取ってください。</p>`
}`
            : ""
        }
<p>異動・退職は発令日の0時（日本時間）に反映されます。<a href="/admin/moves">異動・退職の予約一覧</a></p>
<p><a href="/admin/users">利用者一覧へ</a></p>`,
      });
    } catch (error) {
      if (
        isPlatformError(error, "VALIDATION_FAILED") ||
        isPlatformError(error, "CONFLICT") ||
        isPlatformError(error, "NOT_FOUND")
      ) {
        const details = error.issues.map((i) => i.message);
        return uploadPage(c, { error: [error.messageJa, ...details].join(" ") });
      }
      throw error;
    }
  });
  app.post("/admin/accounts/handouts/:id{[0-9a-f-]{36}}", manage, async (c) => {
    const platform = c.get("platform");
    const format = (await c.req.parseBody()).format === "pdf" ? "pdf" : "csv";
    const id = c.req.param("id");
    if (format === "pdf") {
      const row = await platform.db
        .selectFrom("credential_handouts")
        .select("accounts")
        .where("id", "=", id)
        .executeTakeFirst();
      if (row && row.accounts > CREDENTIAL_LETTERS_LIMIT) {
        throw new PlatformError("VALIDATION_FAILED", {
          messageJa: `通知書（PDF）は${CREDENTIAL_LETTERS_LIMIT}人までです。CSVで受け取ってください。`,
        });
      }
    }
    const accounts = await takeCredentials(platform, c.get("actor"), id, format);
    if (accounts.length === 0) throw new PlatformError("NOT_FOUND");
    c.header("Cache-Control", "no-store");
    if (format === "pdf") {
      const pdf = await credentialLettersPdf({
        appTitle: c.get("shell").title,
        accounts,
        issuedAt: platform.clock(),
      });
      c.header("Content-Type", "application/pdf");
      c.header("Content-Disposition", `attachment; filename="initial-password-letters.pdf"`);
      return c.body(new Uint8Array(pdf));
    }
    c.header("Content-Type", "text/csv; charset=utf-8");
    c.header("Content-Disposition", `attachment; filename="initial-passwords.csv"`);
    return c.body(new Uint8Array(credentialsCsv(accounts)));
  });
}
