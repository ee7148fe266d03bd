import type { Context, Hono } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { html } from "hono/html";
import { z } from "zod";
import { changePassword, login, logout } from "../accounts/auth.js";
import { listDepartments } from "../accounts/organisation.js";
import { ROLE_LABELS } from "../accounts/roles.js";
import { createUser, listUsers } from "../accounts/users.js";
import { appendAudit, auditToCsv, queryAudit } from "../audit/audit-log.js";
import { AUDIT_PROBLEM_JA, verifyAuditChain } from "../audit/verify-audit-chain.js";
import { isPlatformError, PlatformError } from "../errors.js";
import { readFile } from "../files/file-store.js";
import { ROLES } from "../storage/schema.js";
import { formatTokyo, toTokyoIso } from "../time.js";
import { csrfField, dataTable, errorSummary, field, issuesFor, selectField } from "../ui/layout.js";
import type { AuthorizeFileRead, PlatformEnv } from "./env.js";
import { parseJson, renderPage, requirePermission, safeParseForm } from "./request-helpers.js";
import { registerUserAdminRoutes, userStateLabel } from "./user-admin-routes.js";

/** Name of the HTTP-only, SameSite=Strict session cookie. */
export const SESSION_COOKIE = "ward_session";
const LOGIN_CSRF_COOKIE = "ward_login_csrf";

type Ctx = Context<PlatformEnv>;

const REASONS: Record<string, string> = {
  expired: "セッションの有効期限が切れました。もう一度ログインしてください。",
  required: "ログインしてください。",
  logout: "ログアウトしました。",
};

function safeNext(next: string | undefined): string {
  return next && /^\/[A-Za-z0-9/_.-]*$/.test(next) && !next.startsWith("//") ? next : "/";
}

/** Whether cookies of this response get `Secure` (`sessions.secureCookie`, `"auto"`: per request). */
function secureCookie(c: Ctx): boolean {
  const setting = c.get("platform").sessions.secureCookie;
  return setting === "auto" ? c.get("clientSecure") : setting;
}

function startSession(c: Ctx, token: string) {
  const platform = c.get("platform");
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "Strict",
    path: "/",
    secure: secureCookie(c),
    maxAge: platform.sessions.absoluteHours * 3600,
  });
  deleteCookie(c, LOGIN_CSRF_COOKIE, { path: "/" });
}

function loginPage(
  c: Ctx,
  o: { csrf: string; loginId?: string; error?: string; next: string; status?: 401 | 403 | 422 | 423 | 429 },
) {
  const reason = REASONS[c.req.query("reason") ?? ""];
  return renderPage(c, {
    title: "ログイン",
    ...(reason ? { notice: reason } : {}),
    ...(o.error ? { error: o.error } : {}),
    status: o.status ?? 200,
    body: html`<form method="post" action="/login" novalidate>
<input type="hidden" name="_csrf" value="${o.csrf}">
<input type="hidden" name="next" value="${o.next}">
${field({ name: "loginId", label: "ログインID", required: true, value: o.loginId ?? "", autocomplete: "username" })}
${field({ name: "password", label: "パスワード", type: "password", required: true, autocomplete: "current-password" })}
<button class="primary" type="submit">ログイン</button>
</form>`,
  });
}

function newCsrf(c: Ctx, make: () => string): string {
  // Reuse a live token: a second tab or a favicon fetch must not invalidate the open form.
  const existing = getCookie(c, LOGIN_CSRF_COOKIE);
  const csrf = existing && /^[A-Za-z0-9_-]{32}$/.test(existing) ? existing : make();
  setCookie(c, LOGIN_CSRF_COOKIE, csrf, {
    httpOnly: true,
    sameSite: "Strict",
    path: "/",
    maxAge: 3600,
    secure: secureCookie(c),
  });
  return csrf;
}

const loginSchema = z.object({
  loginId: z.string().trim().min(1, "ログインIDを入力してください。").max(64),
  password: z.string().min(1, "パスワードを入力してください。").max(256),
  next: z.string().optional(),
});

const passwordSchema = z
  .object({
    current: z.string().min(1, "現在のパスワードを入力してください。"),
    next: z.string().min(1, "新しいパスワードを入力してください。"),
    confirm: z.string(),
  })
  .refine((v) => v.next === v.confirm, { path: ["confirm"], message: "確認用のパスワードが一致しません。" });

const userFormSchema = z.object({
  loginId: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  departmentId: z.string().optional(),
});

const auditQuerySchema = z.object({
  from: z.iso.date().optional().or(z.literal("")),
  to: z.iso.date().optional().or(z.literal("")),
  actor: z.string().max(64).optional(),
  action: z.string().max(64).optional(),
  result: z.enum(["success", "failure", "denied"]).optional().or(z.literal("")),
  page: z.coerce.number().int().min(1).max(100_000).optional(),
});

function auditFilter(raw: Record<string, string>) {
  const parsed = auditQuerySchema.safeParse(raw);
  if (!parsed.success) {
    throw new PlatformError("VALIDATION_FAILED", {
      issues: parsed.error.issues.map((i) => ({
        path: i.path.join("."),
        message: "検索条件の形式が正しくありません。",
      })),
    });
  }
  const q = parsed.data;
  // Dates are Tokyo calendar days; `to` is inclusive.
  const dayStart = (d: string) => `${d}T00:00:00.000+09:00`;
  const nextDay = (d: string) => toTokyoIso(new Date(new Date(dayStart(d)).getTime() + 86_400_000));
  return {
    q,
    filter: {
      ...(q.from ? { from: dayStart(q.from) } : {}),
      ...(q.to ? { to: nextDay(q.to) } : {}),
      ...(q.actor ? { actorLogin: q.actor } : {}),
      ...(q.action ? { action: q.action } : {}),
      ...(q.result ? { result: q.result } : {}),
    },
  };
}

const RESULT_LABELS: Record<string, string> = { success: "成功", failure: "失敗", denied: "拒否" };

/** Registers login/logout, password change, user admin, audit log screens and file download. */
export function registerBuiltinRoutes(
  app: Hono<PlatformEnv>,
  deps: { newLoginCsrf: () => string; authorizeFileRead?: AuthorizeFileRead | undefined },
): void {
  app.get("/login", (c) => {
    if (c.get("session")) return c.redirect("/", 303);
    return loginPage(c, { csrf: newCsrf(c, deps.newLoginCsrf), next: safeNext(c.req.query("next")) });
  });

  app.post("/login", async (c) => {
    const platform = c.get("platform");
    const form = await safeParseForm(c, loginSchema);
    const next = safeNext(form.values.next);
    if (!form.ok) {
      return loginPage(c, {
        csrf: newCsrf(c, deps.newLoginCsrf),
        next,
        loginId: form.values.loginId ?? "",
        error: form.issues.map((i) => i.message).join(" "),
        status: 422,
      });
    }
    try {
      const { token } = await login(platform, form.data, c.get("actor"));
      startSession(c, token);
      return c.redirect(next, 303);
    } catch (error) {
      if (!isPlatformError(error)) throw error;
      return loginPage(c, {
        csrf: newCsrf(c, deps.newLoginCsrf),
        next,
        loginId: form.data.loginId,
        error: error.messageJa,
        status: error.status as 401,
      });
    }
  });

  app.post("/api/login", async (c) => {
    const input = await parseJson(c, loginSchema);
    const { token, session } = await login(c.get("platform"), input, c.get("actor"));
    startSession(c, token);
    return c.json({ user: session.user, csrfToken: session.csrfToken });
  });

  app.get("/api/me", (c) => {
    const session = c.get("session");
    return c.json({ user: session?.user, csrfToken: session?.csrfToken });
  });

  const doLogout = async (c: Ctx) => {
    const token = c.get("sessionToken");
    if (token) await logout(c.get("platform"), token, c.get("actor"));
    deleteCookie(c, SESSION_COOKIE, { path: "/" });
  };
  app.post("/logout", async (c) => {
    await doLogout(c);
    return c.redirect("/login?reason=logout", 303);
  });
  app.post("/api/logout", async (c) => {
    await doLogout(c);
    return c.json({ ok: true });
  });

  const passwordPage = (
    c: Ctx,
    issues: readonly { path: string; message: string }[] = [],
    status: 200 | 422 = 200,
  ) =>
    renderPage(c, {
      title: "パスワード変更",
      ...(c.req.query("reason") === "first"
        ? { notice: "初回ログインのため、パスワードを変更してください。" }
        : {}),
      status,
      body: html`${errorSummary(issues)}<form method="post" action="/account/password" novalidate>
${csrfField(c.get("session")?.csrfToken)}
${field({ name: "current", label: "現在のパスワード", type: "password", required: true, autocomplete: "current-password", error: issuesFor(issues, "current") })}
${field({
  name: "next",
  label: "新しいパスワード",
  type: "password",
  required: true,
  autocomplete: "new-password",
  hint: "12文字以上。推測されにくい文字列にし、ログインIDや氏名を含めないでください。他のシステムと同じパスワードは使わないでください。",
  error: issuesFor(issues, "next"),
})}
${field({ name: "confirm", label: "新しいパスワード（確認）", type: "password", required: true, autocomplete: "new-password", error: issuesFor(issues, "confirm") })}
<button class="primary" type="submit">変更する</button>
</form>`,
    });
  app.get("/account/password", (c) => passwordPage(c));
  app.post("/account/password", async (c) => {
    const form = await safeParseForm(c, passwordSchema);
    if (!form.ok) return passwordPage(c, form.issues, 422);
    try {
      await changePassword(
        c.get("platform"),
        c.get("actor"),
        { current: form.data.current, next: form.data.next },
        { currentToken: c.get("sessionToken") },
      );
    } catch (error) {
      if (isPlatformError(error) && error.issues.length > 0) return passwordPage(c, error.issues, 422);
      throw error;
    }
    return c.redirect("/?changed=password", 303);
  });

  const usersPage = async (
    c: Ctx,
    issues: readonly { path: string; message: string }[] = [],
    notice?: string,
    values: Record<string, string> = {},
  ) => {
    const platform = c.get("platform");
    const [users, departments] = await Promise.all([
      listUsers(platform, c.get("actor")),
      listDepartments(platform),
    ]);
    const deptName = new Map(departments.map((d) => [d.id, d.name]));
    return renderPage(c, {
      title: "利用者管理",
      ...(notice ? { notice } : {}),
      status: issues.length ? 422 : 200,
      body: html`${dataTable({
        caption: "利用者一覧",
        columns: ["ログインID", "氏名", "権限", "所属", "状態"],
        rows: users.map((u) => [
          html`<a href="/admin/users/${u.id}">${u.loginId}</a>`,
          u.displayName,
          ROLE_LABELS[u.role],
          u.departmentId === null ? "—" : (deptName.get(u.departmentId) ?? String(u.departmentId)),
          userStateLabel(u, platform.clock()),
        ]),
      })}
<h2>利用者の追加</h2>
${errorSummary(issues)}
<form method="post" action="/admin/users" novalidate>
${csrfField(c.get("session")?.csrfToken)}
${field({ name: "loginId", label: "ログインID", required: true, value: values.loginId ?? "", error: issuesFor(issues, "loginId") })}
${field({ name: "displayName", label: "氏名", required: true, value: values.displayName ?? "", error: issuesFor(issues, "displayName") })}
${selectField({ name: "role", label: "権限", value: values.role ?? "staff", options: ROLES.map((r) => [r, ROLE_LABELS[r]] as const) })}
${selectField({ name: "departmentId", label: "所属", value: values.departmentId ?? "", options: [["", "（なし）"], ...departments.map((d) => [String(d.id), d.name] as const)] })}
<button class="primary" type="submit">追加する</button>
</form>`,
    });
  };
  app.get("/admin/users", requirePermission("manage_department_users"), (c) => usersPage(c));
  app.post("/admin/users", requirePermission("manage_department_users"), async (c) => {
    const form = await safeParseForm(c, userFormSchema);
    if (!form.ok) return usersPage(c, form.issues, undefined, form.values);
    try {
      const { user, initialPassword } = await createUser(c.get("platform"), c.get("actor"), {
        loginId: form.data.loginId,
        displayName: form.data.displayName,
        role: form.data.role,
        departmentId: form.data.departmentId ? Number(form.data.departmentId) : null,
      });
      return usersPage(
        c,
        [],
        `${user.loginId} を追加しました。初期パスワード: ${initialPassword ?? ""}（この画面でのみ表示します。本人に安全な方法で伝えてください。）`,
      );
    } catch (error) {
      if (isPlatformError(error) && error.issues.length > 0)
        return usersPage(c, error.issues, undefined, form.values);
      throw error;
    }
  });

  registerUserAdminRoutes(app);

  app.get("/admin/audit", requirePermission("view_audit"), async (c) => {
    const platform = c.get("platform");
    const { q, filter } = auditFilter(c.req.query());
    const page = q.page ?? 1;
    const records = await queryAudit(platform.db, { ...filter, limit: 100, offset: (page - 1) * 100 });
    await appendAudit(
      platform.db,
      c.get("actor"),
      { action: "audit.view", detail: { ...filter, page } },
      { clock: platform.clock },
    );
    const verify = c.req.query("verify") === "1" ? await verifyAuditChain(platform.db) : undefined;
    const params = new URLSearchParams(
      Object.entries(c.req.query()).filter(([k]) => k !== "verify" && k !== "page"),
    );
    return renderPage(c, {
      title: "監査ログ",
      ...(verify?.ok ? { notice: `改ざん検査: ${verify.checked}件すべて正常です。` } : {}),
      ...(verify && !verify.ok
        ? {
            error: `改ざん検査: ${verify.problems.length}件の異常を検出しました（${verify.problems.map((p) => `#${p.seq} ${AUDIT_PROBLEM_JA[p.kind]}`).join("、")}）。`,
          }
        : {}),
      body: html`<form method="get" action="/admin/audit" class="filters">
${field({ name: "from", label: "開始日", type: "date", value: q.from ?? "" })}
${field({ name: "to", label: "終了日", type: "date", value: q.to ?? "" })}
${field({ name: "actor", label: "ログインID", value: q.actor ?? "" })}
${field({ name: "action", label: "操作", value: q.action ?? "", hint: "例: auth.login, note.read" })}
${selectField({
  name: "result",
  label: "結果",
  value: q.result ?? "",
  options: [
    ["", "すべて"],
    ["success", "成功"],
    ["failure", "失敗"],
    ["denied", "拒否"],
  ],
})}
<button class="primary" type="submit">検索</button>
</form>
<p><a href="/admin/audit.csv?${params.toString()}">CSVでダウンロード</a> ・ <a href="/admin/audit?${params.toString()}&verify=1">改ざん検査を実行</a></p>
${dataTable({
  caption: `監査ログ（${page}ページ目、時刻は日本時間）`,
  columns: ["連番", "日時", "利用者", "操作", "対象", "結果", "接続元"],
  rows: records.map((r) => [
    r.seq,
    formatTokyo(r.occurredAt),
    r.actorLogin ?? "",
    r.action,
    r.targetType ? `${r.targetType}:${r.targetId ?? ""}` : "",
    RESULT_LABELS[r.result] ?? r.result,
    r.sourceIp ?? "",
  ]),
})}
<p>${page > 1 ? html`<a href="/admin/audit?${params.toString()}&page=${page - 1}">前へ</a> ` : ""}${
        records.length === 100
          ? html`<a href="/admin/audit?${params.toString()}&page=${page + 1}">次へ</a>`
          : ""
      }</p>`,
    });
  });

  app.get("/admin/audit.csv", requirePermission("view_audit"), async (c) => {
    const platform = c.get("platform");
    const { filter } = auditFilter(c.req.query());
    const records = await queryAudit(platform.db, { ...filter, order: "asc", limit: 10_000 });
    await appendAudit(
      platform.db,
      c.get("actor"),
      { action: "audit.export", detail: { ...filter, rows: records.length } },
      { clock: platform.clock },
    );
    c.header("Content-Type", "text/csv; charset=utf-8");
    c.header("Content-Disposition", `attachment; filename="audit-log.csv"`);
    return c.body(auditToCsv(records));
  });

  app.get("/api/audit", requirePermission("view_audit"), async (c) => {
    const platform = c.get("platform");
    const { filter } = auditFilter(c.req.query());
    const records = await queryAudit(platform.db, { ...filter, limit: 1000 });
    await appendAudit(
      platform.db,
      c.get("actor"),
      { action: "audit.view", detail: filter },
      { clock: platform.clock },
    );
    return c.json({ records });
  });

  app.get("/files/:id", requirePermission("read"), async (c) => {
    const id = c.req.param("id");
    if (!/^[0-9a-f-]{36}$/.test(id)) throw new PlatformError("NOT_FOUND");
    const actor = c.get("actor");
    const hook = deps.authorizeFileRead;
    const { file, data } = await readFile(
      c.get("platform"),
      actor,
      id,
      hook ? { authorize: (stored) => hook(actor, stored, c) } : {},
    );
    c.header("Content-Type", file.contentType);
    c.header("X-Content-Type-Options", "nosniff");
    c.header("Content-Disposition", `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`);
    return c.body(new Uint8Array(data));
  });
}
