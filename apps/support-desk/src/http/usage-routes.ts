import {
  appendAudit,
  can,
  dataTable,
  formatTokyo,
  html,
  type PlatformEnv,
  PlatformError,
  renderPage,
} from "@ward/platform";
import type { Hono } from "hono";
import type { Desk } from "../storage/desk.js";
import { accountUsage, monthlyUsage, parseUsageMonth, usageCsv, usageMonth } from "../storage/usage.js";
import { type Ctx, userOf } from "./helpers.js";

const number = (value: number) => value.toLocaleString("ja-JP");
const tokens = (prompt: number | null, completion: number | null) =>
  prompt === null && completion === null ? "—" : `${number(prompt ?? 0)} / ${number(completion ?? 0)}`;

// System admins see every account; department admins the accounts of their department.
function usageScope(c: Ctx): { departmentId?: number | null } {
  const user = userOf(c);
  if (can(user, "manage_all_users")) return {};
  if (can(user, "manage_department_users")) return { departmentId: user.departmentId };
  throw new PlatformError("FORBIDDEN", { messageJa: "利用状況の一覧は管理者のみ閲覧できます。" });
}

function monthOf(c: Ctx, desk: Desk): string {
  const value = c.req.query("month");
  return value === undefined || value === "" ? usageMonth(desk.platform.clock()) : parseUsageMonth(value);
}

// The month's usage per account in the viewer's scope, its viewing or export audited.
async function auditedMonthlyUsage(c: Ctx, desk: Desk, action: "usage.view" | "usage.export") {
  const scope = usageScope(c);
  const month = monthOf(c, desk);
  const rows = await monthlyUsage(desk, { month, ...scope });
  await appendAudit(
    desk.db,
    c.get("actor"),
    { action, targetType: "usage", targetId: month, detail: { accounts: rows.length } },
    { clock: desk.platform.clock },
  );
  return { scope, month, rows };
}

/** Registers `/usage` (the user's own usage) and `/admin/usage(.csv)` (monthly usage per account). */
export function registerUsageRoutes(app: Hono<PlatformEnv>, desk: Desk): void {
  app.get("/usage", async (c) => {
    const user = userOf(c);
    const { months, recent } = await accountUsage(desk, user.id);
    const folderIds = [...new Set(recent.flatMap((r) => r.folderIds))];
    const folders = new Map(
      folderIds.length === 0
        ? []
        : (
            await desk.db
              .selectFrom("support_desk_folders")
              .select(["id", "name"])
              .where("id", "in", folderIds)
              .execute()
          ).map((f) => [f.id, f.name] as const),
    );
    const admin = can(user, "manage_department_users");
    return renderPage(c, {
      title: "利用状況",
      body: html`<p>${user.displayName}さんの質問の記録です（アカウント、日時、検索したフォルダ、回答したモデル、モデルが報告したトークン数、文字数）。
トークン数を報告しないモデルや、生成AIを使わない回答（offline）は文字数で数えます。${
        admin ? html` <a href="/admin/usage">アカウント別の月間利用状況</a>` : ""
      }</p>
${dataTable({
  caption: "月ごとの利用",
  columns: ["年月", "質問数", "トークン（入力 / 出力）", "文字数（質問 / 回答）"],
  empty: "まだ質問の記録はありません。",
  rows: months.map((m) => [
    m.month,
    number(m.questions),
    tokens(m.promptTokens, m.completionTokens),
    `${number(m.questionChars)} / ${number(m.answerChars)}`,
  ]),
})}
${dataTable({
  caption: "最近の質問",
  columns: ["日時", "検索したフォルダ", "回答したモデル", "トークン（入力 / 出力）", "文字数（質問 / 回答）"],
  empty: "まだ質問の記録はありません。",
  rows: recent.map((r) => [
    r.threadId === null
      ? formatTokyo(r.askedAt)
      : html`<a href="/chat/${r.threadId}">${formatTokyo(r.askedAt)}</a>`,
    r.folderIds.length === 0 ? "（なし）" : r.folderIds.map((id) => folders.get(id) ?? `#${id}`).join("、"),
    r.provider,
    tokens(r.promptTokens, r.completionTokens),
    `${number(r.questionChars)} / ${number(r.answerChars)}`,
  ]),
})}`,
    });
  });

  app.get("/admin/usage", async (c) => {
    const { scope, month, rows } = await auditedMonthlyUsage(c, desk, "usage.view");
    const sum = (pick: (r: (typeof rows)[number]) => number) => rows.reduce((total, r) => total + pick(r), 0);
    return renderPage(c, {
      title: `アカウント別の月間利用状況（${month}）`,
      body: html`<form method="get" action="/admin/usage">
<div class="field"><label for="f-month">年月</label><input id="f-month" type="month" name="month" value="${month}"></div>
<button type="submit">表示する</button> <a href="/admin/usage.csv?month=${month}" download>CSVで保存する</a></form>
<p>${"departmentId" in scope ? "あなたの所属のアカウント" : "すべてのアカウント"}の${month}の利用です（質問のあったアカウントのみ）。
合計 ${number(sum((r) => r.questions))}件、トークン ${number(sum((r) => r.promptTokens))} / ${number(sum((r) => r.completionTokens))}、
文字数 ${number(sum((r) => r.questionChars))} / ${number(sum((r) => r.answerChars))}。</p>
${dataTable({
  caption: `${month}の利用（アカウント別）`,
  columns: [
    "ログインID",
    "氏名",
    "所属",
    "質問数",
    "トークン（入力 / 出力）",
    "文字数（質問 / 回答）",
    "回答したモデル",
  ],
  empty: "この月の質問の記録はありません。",
  rows: rows.map((r) => [
    r.loginId,
    r.displayName,
    r.departmentName ?? "（所属なし）",
    number(r.questions),
    tokens(r.promptTokens, r.completionTokens),
    `${number(r.questionChars)} / ${number(r.answerChars)}`,
    r.providers.join("、"),
  ]),
})}`,
    });
  });

  app.get("/admin/usage.csv", async (c) => {
    const { month, rows } = await auditedMonthlyUsage(c, desk, "usage.export");
    c.header("Content-Type", "text/csv; charset=utf-8");
    c.header("Content-Disposition", `attachment; filename="usage-${month}.csv"`);
    return c.body(new Uint8Array(usageCsv(month, rows)));
  });
}
