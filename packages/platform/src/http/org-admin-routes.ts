import type { Context, Hono } from "hono";
import { html } from "hono/html";
import { sql } from "kysely";
import { z } from "zod";
import {
  addGroupMember,
  createDepartment,
  createGroup,
  listDepartments,
  listGroups,
} from "../accounts/organisation.js";
import { importOrganisationCsv, type OrganisationCsvKind } from "../accounts/organisation-csv.js";
import { can, ROLE_LABELS } from "../accounts/roles.js";
import { listUsers, updateUser } from "../accounts/users.js";
import { appendAudit, countAudit } from "../audit/audit-log.js";
import { verifyAuditChain } from "../audit/verify-audit-chain.js";
import { type FieldIssue, isPlatformError, PlatformError } from "../errors.js";
import { formatTokyo } from "../time.js";
import { csrfField, dataTable, errorSummary, field, issuesFor, selectField } from "../ui/layout.js";
import type { AdminHooks, SetupChecklistItem } from "./admin-hooks.js";
import type { PlatformEnv } from "./env.js";
import { renderPage, requirePermission, safeParseForm } from "./request-helpers.js";

type Ctx = Context<PlatformEnv>;

const departmentForm = z.object({ code: z.string(), name: z.string() });
const groupForm = z.object({ name: z.string(), departmentId: z.string().optional() });
const memberForm = z.object({ loginId: z.string().trim().min(1, "ログインIDを入力してください。") });
const adminForm = z.object({ userId: z.coerce.number().int().positive("利用者を選んでください。") });

function formIssues(error: unknown): FieldIssue[] | undefined {
  if (isPlatformError(error, "VALIDATION_FAILED") || isPlatformError(error, "CONFLICT")) {
    return error.issues.length > 0 ? [...error.issues] : [{ path: "form", message: error.messageJa }];
  }
  return undefined;
}

async function uploadedBytes(c: Ctx): Promise<{ name: string; bytes: Uint8Array } | undefined> {
  const body = await c.req.parseBody();
  const file = body.file;
  if (!(file instanceof File) || file.size === 0) return undefined;
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

async function platformChecklist(c: Ctx, hooks: AdminHooks): Promise<SetupChecklistItem[]> {
  const db = c.get("platform").db;
  const count = async (table: "departments" | "users") =>
    (await db.selectFrom(table).select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow()).n;
  const [departments, users, selfChecks] = await Promise.all([
    count("departments"),
    count("users"),
    countAudit(db, "admin.self_check"),
  ]);
  const appItems = hooks.setupChecklist ? await hooks.setupChecklist(c) : [];
  return [
    {
      label: "所属（部署）を登録する",
      done: departments > 0,
      href: "/admin/departments",
      hint: "所属コードと所属名を画面またはCSVで登録します。フォルダや利用者は所属ごとに管理します。",
    },
    {
      label: "利用者を登録する",
      done: users > 1,
      href: "/admin/accounts/import",
      hint: "1人ずつは「利用者管理」、まとめてはCSVの一括登録で。初期パスワードは一度だけ受け取れます。",
    },
    ...appItems,
    {
      label: "自己診断を実行する",
      done: selfChecks > 0,
      href: "/admin/self-check",
      hint: "データベース、暗号鍵、監査ログの改ざん検査を確かめます。",
    },
  ];
}

/**
 * Registers the organisation admin screens: the admin home with the setup checklist (`/admin`),
 * departments and groups with CSV import (`/admin/departments`), department admins, group members
 * and the self-check (`/admin/self-check`). Every change is audited and permission-checked.
 *
 * @example
 * ```ts
 * registerOrgAdminRoutes(app, { setupChecklist: async () => [{ label: "フォルダを作成する", done: false }] });
 * ```
 */
export function registerOrgAdminRoutes(app: Hono<PlatformEnv>, hooks: AdminHooks = {}): void {
  const manage = requirePermission("manage_department_users");
  const system = requirePermission("manage_departments");

  app.get("/admin", manage, async (c) => {
    const user = c.get("session")?.user;
    const isSystem = user !== undefined && can(user, "manage_departments");
    const items = isSystem ? await platformChecklist(c, hooks) : [];
    const remaining = items.filter((i) => !i.done).length;
    return renderPage(c, {
      title: "管理メニュー",
      ...(c.req.query("checked") ? { notice: "自己診断を実行しました。" } : {}),
      body: html`${
        isSystem
          ? html`<h2>初期設定チェックリスト</h2>
<p>${remaining === 0 ? "初期設定はすべて完了しています。" : `残り${remaining}件の設定があります。上から順に進めてください。`}</p>
<ol class="checklist">${items.map(
              (i) =>
                html`<li><span>${i.done ? "完了" : "未完了"}</span>：${i.href ? html`<a href="${i.href}">${i.label}</a>` : i.label}${
                  i.hint ? html`<br><small>${i.hint}</small>` : ""
                }</li>`,
            )}</ol>`
          : ""
      }
<h2>管理機能</h2>
<ul>
<li><a href="/admin/departments">所属・グループ</a></li>
<li><a href="/admin/users">利用者管理</a>（1人ずつの登録、ロック解除、利用停止、パスワード再発行）</li>
<li><a href="/admin/accounts/import">利用者の一括登録・異動（CSV）</a></li>
<li><a href="/admin/moves">異動・退職の予約</a></li>
<li><a href="/admin/moves/review">異動後の個別権限の見直し</a></li>
${isSystem ? html`<li><a href="/admin/audit">監査ログ</a></li><li><a href="/admin/self-check">自己診断</a></li>` : ""}
</ul>`,
    });
  });

  const departmentsPage = async (
    c: Ctx,
    o: { issues?: FieldIssue[]; notice?: string; values?: Record<string, string>; section?: string } = {},
  ) => {
    const platform = c.get("platform");
    const user = c.get("session")?.user;
    const isSystem = user !== undefined && can(user, "manage_departments");
    const [departments, groups, users] = await Promise.all([
      listDepartments(platform),
      listGroups(platform),
      listUsers(platform, c.get("actor")),
    ]);
    const ownGroups = groups.filter((g) => isSystem || g.departmentId === user?.departmentId);
    const deptOptions = departments.filter((d) => isSystem || d.id === user?.departmentId);
    const issues = o.issues ?? [];
    const v = o.values ?? {};
    const csrf = csrfField(c.get("session")?.csrfToken);
    const sectionIssues = (s: string) => (o.section === s ? issues : []);
    const csvForm = (kind: OrganisationCsvKind, label: string, columns: string) =>
      html`<form method="post" action="/admin/${kind}/import" enctype="multipart/form-data">${csrf}
${errorSummary(sectionIssues(`${kind}-csv`))}
${field({ name: "file", label, type: "file", required: true, hint: `1行目は見出し（${columns}）。UTF-8またはShift_JIS。1行でも誤りがあれば1件も登録しません。` })}
<button type="submit">CSVから登録する</button></form>`;
    return renderPage(c, {
      title: "所属・グループ",
      ...(o.notice ? { notice: o.notice } : {}),
      status: issues.length ? 422 : 200,
      body: html`${dataTable({
        caption: "所属一覧",
        columns: ["所属コード", "所属名", "利用者数", "所属管理者"],
        empty: "所属はまだ登録されていません。下のフォームから登録してください。",
        rows: departments.map((d) => {
          const members = users.filter((u) => u.departmentId === d.id);
          return [
            d.code,
            isSystem ? html`<a href="/admin/departments/${d.id}">${d.name}</a>` : d.name,
            members.length,
            members
              .filter((u) => u.role === "department_admin")
              .map((u) => u.displayName)
              .join("、") || "—",
          ];
        }),
      })}
${
  isSystem
    ? html`<h2>所属の登録</h2>${errorSummary(sectionIssues("department"))}
<form method="post" action="/admin/departments" novalidate>${csrf}
${field({ name: "code", label: "所属コード", required: true, value: v.code ?? "", hint: "半角英数字（例: kaikei）", error: issuesFor(sectionIssues("department"), "code") })}
${field({ name: "name", label: "所属名", required: true, value: v.name ?? "", error: issuesFor(sectionIssues("department"), "name") })}
<button class="primary" type="submit">所属を登録する</button></form>
<h3>CSVで所属をまとめて登録</h3>${csvForm("departments", "所属のCSVファイル", "所属コード,所属名")}`
    : ""
}
${dataTable({
  caption: "グループ一覧",
  columns: ["グループ名", "所属", "メンバー"],
  empty: "グループはまだありません。",
  rows: ownGroups.map((g) => [
    g.name,
    departments.find((d) => d.id === g.departmentId)?.name ?? "（所属なし）",
    g.memberIds.map((id) => users.find((u) => u.id === id)?.loginId ?? `#${id}`).join("、") || "—",
  ]),
})}
<h2>グループの登録</h2>${errorSummary(sectionIssues("group"))}
<form method="post" action="/admin/groups" novalidate>${csrf}
${field({ name: "name", label: "グループ名", required: true, value: o.section === "group" ? (v.name ?? "") : "", error: issuesFor(sectionIssues("group"), "name") })}
${selectField({ name: "departmentId", label: "グループの所属", value: v.departmentId ?? "", options: [...(isSystem ? [["", "（所属なし）"] as const] : []), ...deptOptions.map((d) => [String(d.id), d.name] as const)] })}
<button class="primary" type="submit">グループを登録する</button></form>
<h3>グループにメンバーを追加</h3>${errorSummary(sectionIssues("member"))}
${
  ownGroups.length === 0
    ? html`<p>先にグループを登録してください。</p>`
    : html`<form method="post" action="/admin/groups/members" novalidate>${csrf}
${selectField({ name: "groupId", label: "グループ", options: ownGroups.map((g) => [String(g.id), g.name] as const) })}
${field({ name: "loginId", label: "追加する利用者のログインID", required: true, error: issuesFor(sectionIssues("member"), "loginId") })}
<button type="submit">メンバーに追加する</button></form>`
}
<h3>CSVでグループをまとめて登録</h3>${csvForm("groups", "グループのCSVファイル", "グループ名,所属コード")}
<p><a href="/admin">管理メニューへ戻る</a></p>`,
    });
  };

  app.get("/admin/departments", manage, (c) => departmentsPage(c));
  app.post("/admin/departments", system, async (c) => {
    const form = await safeParseForm(c, departmentForm);
    if (!form.ok)
      return departmentsPage(c, { issues: form.issues, values: form.values, section: "department" });
    try {
      const d = await createDepartment(c.get("platform"), c.get("actor"), form.data);
      return departmentsPage(c, { notice: `所属「${d.name}」（${d.code}）を登録しました。` });
    } catch (error) {
      const issues = formIssues(error);
      if (!issues) throw error;
      const conflict = isPlatformError(error, "CONFLICT")
        ? [{ path: "code", message: "この所属コードは既に登録されています。" }]
        : issues;
      return departmentsPage(c, { issues: conflict, values: form.values, section: "department" });
    }
  });
  app.post("/admin/groups", manage, async (c) => {
    const form = await safeParseForm(c, groupForm);
    if (!form.ok) return departmentsPage(c, { issues: form.issues, values: form.values, section: "group" });
    try {
      const g = await createGroup(c.get("platform"), c.get("actor"), {
        name: form.data.name,
        departmentId: form.data.departmentId ? Number(form.data.departmentId) : null,
      });
      return departmentsPage(c, { notice: `グループ「${g.name}」を登録しました。` });
    } catch (error) {
      const issues = formIssues(error);
      if (!issues) throw error;
      const conflict = isPlatformError(error, "CONFLICT")
        ? [{ path: "name", message: "このグループ名は既に登録されています。" }]
        : issues;
      return departmentsPage(c, { issues: conflict, values: form.values, section: "group" });
    }
  });
  app.post("/admin/groups/members", manage, async (c) => {
    const form = await safeParseForm(c, memberForm.extend({ groupId: z.coerce.number().int().positive() }));
    if (!form.ok) return departmentsPage(c, { issues: form.issues, section: "member" });
    const platform = c.get("platform");
    const user = (await listUsers(platform, c.get("actor"))).find((u) => u.loginId === form.data.loginId);
    if (!user)
      return departmentsPage(c, {
        issues: [
          { path: "loginId", message: `ログインID「${form.data.loginId}」の利用者が見つかりません。` },
        ],
        section: "member",
      });
    await addGroupMember(platform, c.get("actor"), form.data.groupId, user.id);
    return departmentsPage(c, { notice: `${user.loginId} をグループに追加しました。` });
  });
  for (const kind of ["departments", "groups"] as const) {
    app.post(`/admin/${kind}/import`, kind === "departments" ? system : manage, async (c) => {
      const upload = await uploadedBytes(c);
      if (!upload)
        return departmentsPage(c, {
          issues: [{ path: "file", message: "CSVファイルを選んでください。" }],
          section: `${kind}-csv`,
        });
      try {
        const n = await importOrganisationCsv(c.get("platform"), c.get("actor"), kind, upload.bytes);
        return departmentsPage(c, {
          notice: `${kind === "departments" ? "所属" : "グループ"}を${n}件登録しました。`,
        });
      } catch (error) {
        const issues = formIssues(error);
        if (!issues) throw error;
        return departmentsPage(c, { issues, section: `${kind}-csv` });
      }
    });
  }

  const departmentPage = async (c: Ctx, o: { notice?: string; issues?: FieldIssue[] } = {}) => {
    const platform = c.get("platform");
    const id = Number(c.req.param("id"));
    const dept = (await listDepartments(platform)).find((d) => d.id === id);
    if (!dept) throw new PlatformError("NOT_FOUND", { message: `department ${id}` });
    const members = (await listUsers(platform, c.get("actor"))).filter((u) => u.departmentId === id);
    const candidates = members.filter((u) => u.role === "staff" && !u.disabled);
    return renderPage(c, {
      title: `所属: ${dept.name}`,
      ...(o.notice ? { notice: o.notice } : {}),
      status: o.issues?.length ? 422 : 200,
      body: html`<p>所属コード: ${dept.code}</p>
${dataTable({
  caption: "所属する利用者",
  columns: ["ログインID", "氏名", "権限", "状態"],
  empty: "この所属の利用者はいません。",
  rows: members.map((u) => [
    html`<a href="/admin/users/${u.id}">${u.loginId}</a>`,
    u.displayName,
    ROLE_LABELS[u.role],
    u.disabled ? "停止" : "有効",
  ]),
})}
<h2>所属管理者の指定</h2>
<p>所属管理者は、この所属の職員の登録・ロック解除・パスワード再発行・退職の登録と、この所属のグループの管理ができます。</p>
${errorSummary(o.issues ?? [])}
${
  candidates.length === 0
    ? html`<p>指定できる職員がいません。先にこの所属の利用者を登録してください。</p>`
    : html`<form method="post" action="/admin/departments/${dept.id}/admins">${csrfField(c.get("session")?.csrfToken)}
${selectField({ name: "userId", label: "所属管理者にする職員", options: candidates.map((u) => [String(u.id), `${u.displayName}（${u.loginId}）`] as const) })}
<button class="primary" type="submit">所属管理者に指定する</button></form>`
}
<p><a href="/admin/departments">所属・グループへ戻る</a></p>`,
    });
  };
  app.get("/admin/departments/:id{[0-9]+}", system, (c) => departmentPage(c));
  app.post("/admin/departments/:id{[0-9]+}/admins", system, async (c) => {
    const form = await safeParseForm(c, adminForm);
    if (!form.ok) return departmentPage(c, { issues: form.issues });
    const id = Number(c.req.param("id"));
    const platform = c.get("platform");
    const user = (await listUsers(platform, c.get("actor"))).find((u) => u.id === form.data.userId);
    if (!user || user.departmentId !== id)
      return departmentPage(c, {
        issues: [{ path: "userId", message: "この所属の利用者を選んでください。" }],
      });
    await updateUser(platform, c.get("actor"), user.id, { role: "department_admin" });
    return departmentPage(c, { notice: `${user.displayName} を所属管理者に指定しました。` });
  });

  const selfCheckPage = (c: Ctx, results?: ReadonlyArray<readonly [string, boolean, string]>) =>
    renderPage(c, {
      title: "自己診断",
      ...(results
        ? results.every((r) => r[1])
          ? { notice: "自己診断: すべての項目が正常です。" }
          : { error: "自己診断: 異常な項目があります。下の表を確認してください。" }
        : {}),
      body: html`<p>データベースへの接続、暗号鍵、監査ログの改ざん検査、異動の反映状況を確かめます。結果は監査ログに残ります。</p>
${results ? dataTable({ caption: "診断結果", columns: ["項目", "結果", "内容"], rows: results.map(([name, ok, detail]) => [name, ok ? "正常" : "異常", detail]) }) : ""}
<form method="post" action="/admin/self-check">${csrfField(c.get("session")?.csrfToken)}
<button class="primary" type="submit">自己診断を実行する</button></form>
<p><a href="/admin">管理メニューへ戻る</a></p>`,
    });
  app.get("/admin/self-check", system, (c) => selfCheckPage(c));
  app.post("/admin/self-check", system, async (c) => {
    const platform = c.get("platform");
    const started = performance.now();
    await platform.db.selectFrom("audit_head").select("seq").executeTakeFirst();
    const dbMs = Math.round(performance.now() - started);
    const chain = await verifyAuditChain(platform.db);
    const overdue = (
      await platform.db
        .selectFrom("user_moves")
        .select(sql<number>`count(*)::int`.as("n"))
        .where("status", "=", "pending")
        .where("effective_at", "<=", platform.clock())
        .executeTakeFirstOrThrow()
    ).n;
    const results: Array<readonly [string, boolean, string]> = [
      [
        "データベース",
        true,
        `${platform.kind === "pglite" ? "内蔵データベース" : "PostgreSQL"}（応答 ${dbMs} ms）`,
      ],
      ["暗号鍵", platform.masterKey.byteLength === 32, "ファイル暗号化用のマスター鍵を読み込んでいます。"],
      [
        "監査ログ",
        chain.ok,
        chain.ok
          ? `${chain.checked}件すべて改ざんなし`
          : `${chain.problems.length}件の異常（監査ログ画面で確認してください）`,
      ],
      [
        "異動・退職の反映",
        overdue === 0,
        overdue === 0 ? "発令日を過ぎた未反映の異動はありません。" : `未反映 ${overdue}件`,
      ],
      ["時刻", true, `サーバーの現在時刻（日本時間）: ${formatTokyo(platform.clock())}`],
    ];
    await appendAudit(
      platform.db,
      c.get("actor"),
      {
        action: "admin.self_check",
        result: results.every((r) => r[1]) ? "success" : "failure",
        detail: { results: results.map(([name, ok]) => ({ name, ok })) },
      },
      { clock: platform.clock },
    );
    return selfCheckPage(c, results);
  });
}
