import type { Context, Hono } from "hono";
import { html } from "hono/html";
import { ROLE_LABELS } from "../accounts/roles.js";
import { resetUserPassword, setUserDisabled, unlockUser } from "../accounts/user-admin.js";
import { listUsers, type UserSummary } from "../accounts/users.js";
import { isPlatformError, PlatformError } from "../errors.js";
import { formatTokyo } from "../time.js";
import { csrfField, dataTable } from "../ui/layout.js";
import type { PlatformEnv } from "./env.js";
import { renderPage, requirePermission } from "./request-helpers.js";

type Ctx = Context<PlatformEnv>;

/**
 * The state of a user as the administration screens say it.
 *
 * @example
 * ```ts
 * userStateLabel({ disabled: false, lockedUntil: null }, new Date()); // "有効"
 * ```
 */
export function userStateLabel(u: Pick<UserSummary, "disabled" | "lockedUntil">, now: Date): string {
  if (u.disabled) return "停止";
  return u.lockedUntil && u.lockedUntil > now ? "ロック中" : "有効";
}

async function visibleUser(c: Ctx): Promise<UserSummary> {
  const id = Number(c.req.param("id"));
  if (!Number.isSafeInteger(id) || id <= 0) throw new PlatformError("NOT_FOUND");
  // listUsers already limits a department admin to their department.
  const user = (await listUsers(c.get("platform"), c.get("actor"))).find((u) => u.id === id);
  if (!user) throw new PlatformError("NOT_FOUND", { message: `user ${id}` });
  return user;
}

async function userPage(c: Ctx, o: { notice?: string; error?: string } = {}) {
  const platform = c.get("platform");
  const u = await visibleUser(c);
  const now = platform.clock();
  const csrf = csrfField(c.get("session")?.csrfToken);
  const locked = u.lockedUntil !== null && u.lockedUntil > now;
  const self = c.get("session")?.user.id === u.id;
  return renderPage(c, {
    title: `利用者: ${u.loginId}`,
    ...(o.notice ? { notice: o.notice } : {}),
    ...(o.error ? { error: o.error } : {}),
    body: html`${dataTable({
      caption: "利用者の状態",
      columns: ["項目", "内容"],
      rows: [
        ["ログインID", u.loginId],
        ["氏名", u.displayName],
        ["権限", ROLE_LABELS[u.role]],
        ["状態", userStateLabel(u, now)],
        ["ロック期限", locked && u.lockedUntil ? formatTokyo(u.lockedUntil) : "—"],
      ],
    })}
<h2>操作</h2>
<form method="post" action="/admin/users/${u.id}/unlock">${csrf}
<button type="submit">ロックを解除する</button></form>
${
  u.disabled
    ? html`<form method="post" action="/admin/users/${u.id}/enable">${csrf}<button type="submit">利用を再開する</button></form>`
    : self
      ? html`<p>自分自身を利用停止にすることはできません。</p>`
      : html`<form method="post" action="/admin/users/${u.id}/disable">${csrf}<button type="submit">利用を停止する（すべてのセッションを終了します）</button></form>`
}
<form method="post" action="/admin/users/${u.id}/reset-password">${csrf}
<button type="submit">パスワードを再発行する（すべてのセッションを終了し、次回ログイン時に変更が必要になります）</button></form>
<p><a href="/admin/users">利用者一覧へ戻る</a></p>`,
  });
}

/**
 * Registers the per-user administration screen (`/admin/users/:id`): unlock, disable / enable and
 * password reset, each audited. Reachable from the user list of `/admin/users`.
 *
 * @example
 * ```ts
 * registerUserAdminRoutes(app);
 * ```
 */
export function registerUserAdminRoutes(app: Hono<PlatformEnv>): void {
  const guard = requirePermission("manage_department_users");
  app.get("/admin/users/:id{[0-9]+}", guard, (c) => userPage(c));

  const act = (path: string, action: (c: Ctx, id: number) => Promise<string>) =>
    app.post(`/admin/users/:id{[0-9]+}/${path}`, guard, async (c) => {
      const user = await visibleUser(c);
      try {
        return userPage(c, { notice: await action(c, user.id) });
      } catch (error) {
        if (isPlatformError(error, "VALIDATION_FAILED")) return userPage(c, { error: error.messageJa });
        throw error;
      }
    });
  act("unlock", async (c, id) => {
    const n = await unlockUser(c.get("platform"), c.get("actor"), id);
    return n > 0 ? "ロックを解除しました。" : "ロックはかかっていませんでした（失敗回数を消去しました）。";
  });
  act("disable", async (c, id) => {
    await setUserDisabled(c.get("platform"), c.get("actor"), id, true);
    return "利用を停止しました。この利用者のセッションはすべて終了しました。";
  });
  act("enable", async (c, id) => {
    await setUserDisabled(c.get("platform"), c.get("actor"), id, false);
    return "利用を再開しました。";
  });
  act("reset-password", async (c, id) => {
    const password = await resetUserPassword(c.get("platform"), c.get("actor"), id);
    return `パスワードを再発行しました。一時パスワード: ${password}（この画面でのみ表示します。本人に安全な方法で伝えてください。）`;
  });
}
