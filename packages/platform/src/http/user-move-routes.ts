import type { Context, Hono } from "hono";
import { html } from "hono/html";
import { z } from "zod";
import { listDepartments } from "../accounts/organisation.js";
import { ROLE_LABELS } from "../accounts/roles.js";
import { tokyoDate } from "../accounts/tokyo-day.js";
import {
  cancelMove,
  listMoves,
  markMoveReviewed,
  scheduleMove,
  type UserMove,
} from "../accounts/user-moves.js";
import { listUsers } from "../accounts/users.js";
import { type FieldIssue, isPlatformError } from "../errors.js";
import { ROLES } from "../storage/schema.js";
import { formatTokyo } from "../time.js";
import { csrfField, dataTable, errorSummary, field, issuesFor, selectField } from "../ui/layout.js";
import type { UserGrant, UserGrantsProvider } from "./admin-hooks.js";
import type { PlatformEnv } from "./env.js";
import { renderPage, requirePermission, safeParseForm } from "./request-helpers.js";

type Ctx = Context<PlatformEnv>;

const moveForm = z.object({
  loginId: z.string().trim().min(1, "ログインIDを入力してください。"),
  kind: z.enum(["move", "retire"]),
  departmentId: z.string().optional(),
  role: z.string().optional(),
  effectiveDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "発令日を入力してください。"),
});

const STATUS = { pending: "反映待ち", applied: "反映済み", cancelled: "取消" } as const;

/**
 * Registers the move screens: schedule and cancel effective-dated moves and retirements
 * (`/admin/moves`) and the review of personal grants after a move (`/admin/moves/review`).
 *
 * @example
 * ```ts
 * registerUserMoveRoutes(app, [deskFolderGrants]);
 * ```
 */
export function registerUserMoveRoutes(
  app: Hono<PlatformEnv>,
  providers: readonly UserGrantsProvider[] = [],
): void {
  const manage = requirePermission("manage_department_users");

  const describe = (m: UserMove, names: Map<number, string>) =>
    m.kind === "retire"
      ? "退職（利用停止・セッション終了）"
      : [
          m.departmentId !== null ? `所属 → ${names.get(m.departmentId) ?? m.departmentId}` : "",
          m.role !== null ? `権限 → ${ROLE_LABELS[m.role]}` : "",
        ]
          .filter(Boolean)
          .join("、");

  const movesPage = async (
    c: Ctx,
    o: { issues?: FieldIssue[]; notice?: string; values?: Record<string, string> } = {},
  ) => {
    const platform = c.get("platform");
    const actor = c.get("actor");
    const [moves, departments] = await Promise.all([listMoves(platform, actor), listDepartments(platform)]);
    const names = new Map(departments.map((d) => [d.id, d.name]));
    const csrf = csrfField(c.get("session")?.csrfToken);
    const issues = o.issues ?? [];
    const v = o.values ?? {};
    return renderPage(c, {
      title: "異動・退職の予約",
      ...(o.notice ? { notice: o.notice } : {}),
      status: issues.length ? 422 : 200,
      body: html`<p>異動・退職は発令日の0時（日本時間）に反映されます。退職すると利用停止になり、ログイン中のセッションも終了します。今日以前の日付はすぐに反映されます。</p>
${dataTable({
  caption: "予約と反映の一覧",
  columns: ["発令日", "利用者", "内容", "状態", "操作"],
  empty: "異動・退職の予約はありません。",
  rows: moves.map((m) => [
    m.effectiveDate,
    `${m.displayName}（${m.loginId}）`,
    describe(m, names),
    m.status === "applied" && m.appliedAt
      ? `${STATUS[m.status]}（${formatTokyo(m.appliedAt)}）`
      : STATUS[m.status],
    m.status === "pending"
      ? html`<form method="post" action="/admin/moves/${m.id}/cancel">${csrf}<button type="submit" aria-label="${m.loginId}の予約を取り消す">取り消す</button></form>`
      : "",
  ]),
})}
<h2>異動・退職の登録</h2>
${errorSummary(issues)}
<form method="post" action="/admin/moves" novalidate>${csrf}
${field({ name: "loginId", label: "ログインID", required: true, value: v.loginId ?? "", error: issuesFor(issues, "loginId") })}
${selectField({
  name: "kind",
  label: "区分",
  value: v.kind ?? "move",
  options: [
    ["move", "異動"],
    ["retire", "退職"],
  ],
})}
${selectField({ name: "departmentId", label: "異動先の所属", value: v.departmentId ?? "", error: issuesFor(issues, "departmentId"), options: [["", "（変更しない）"], ...departments.map((d) => [String(d.id), d.name] as const)] })}
${selectField({ name: "role", label: "異動後の権限", value: v.role ?? "", options: [["", "（変更しない）"], ...ROLES.map((r) => [r, ROLE_LABELS[r]] as const)] })}
${field({ name: "effectiveDate", label: "発令日", type: "date", required: true, value: v.effectiveDate ?? tokyoDate(platform.clock()), error: issuesFor(issues, "effectiveDate") })}
<button class="primary" type="submit">登録する</button></form>
<p><a href="/admin/moves/review">異動後の個別権限の見直し</a> ・ <a href="/admin/accounts/import">CSVでまとめて登録</a> ・ <a href="/admin">管理メニューへ戻る</a></p>`,
    });
  };

  app.get("/admin/moves", manage, (c) => movesPage(c));
  app.post("/admin/moves", manage, async (c) => {
    const form = await safeParseForm(c, moveForm);
    if (!form.ok) return movesPage(c, { issues: form.issues, values: form.values });
    const platform = c.get("platform");
    const user = (await listUsers(platform, c.get("actor"))).find((u) => u.loginId === form.data.loginId);
    if (!user) {
      return movesPage(c, {
        issues: [
          { path: "loginId", message: `ログインID「${form.data.loginId}」の利用者が見つかりません。` },
        ],
        values: form.values,
      });
    }
    const role = ROLES.find((r) => r === form.data.role);
    try {
      await scheduleMove(platform, c.get("actor"), {
        userId: user.id,
        kind: form.data.kind,
        effectiveDate: form.data.effectiveDate,
        ...(form.data.kind === "move" && form.data.departmentId
          ? { departmentId: Number(form.data.departmentId) }
          : {}),
        ...(form.data.kind === "move" && role ? { role } : {}),
      });
      return movesPage(c, {
        notice: `${user.displayName}（${user.loginId}）の${form.data.kind === "retire" ? "退職" : "異動"}を登録しました（発令日 ${form.data.effectiveDate}）。`,
      });
    } catch (error) {
      if (isPlatformError(error, "VALIDATION_FAILED"))
        return movesPage(c, {
          issues: error.issues.length ? [...error.issues] : [{ path: "loginId", message: error.messageJa }],
          values: form.values,
        });
      throw error;
    }
  });
  app.post("/admin/moves/:id{[0-9]+}/cancel", manage, async (c) => {
    await cancelMove(c.get("platform"), c.get("actor"), Number(c.req.param("id")));
    return movesPage(c, { notice: "予約を取り消しました。" });
  });

  // Group memberships are the platform's own personal grants; the apps add theirs.
  const groupMemberships: UserGrantsProvider = async (userId, c) =>
    (
      await c
        .get("platform")
        .db.selectFrom("group_members as m")
        .innerJoin("groups as g", "g.id", "m.group_id")
        .select("g.name")
        .where("m.user_id", "=", userId)
        .orderBy("g.name")
        .execute()
    ).map((g) => ({ label: `グループ「${g.name}」のメンバー`, href: "/admin/departments" }));
  const grantsOf = async (c: Ctx, userId: number): Promise<UserGrant[]> =>
    (await Promise.all([groupMemberships, ...providers].map((p) => p(userId, c)))).flat();

  const reviewPage = async (c: Ctx, notice?: string) => {
    const platform = c.get("platform");
    const [moves, departments] = await Promise.all([
      listMoves(platform, c.get("actor"), { unreviewed: true }),
      listDepartments(platform),
    ]);
    const names = new Map(departments.map((d) => [d.id, d.name]));
    const csrf = csrfField(c.get("session")?.csrfToken);
    const rows = await Promise.all(
      moves.map(async (m) => {
        const grants = await grantsOf(c, m.userId);
        return [
          m.effectiveDate,
          `${m.displayName}（${m.loginId}）`,
          `${m.fromDepartmentId !== null ? (names.get(m.fromDepartmentId) ?? "") : "（なし）"} → ${describe(m, names)}`,
          grants.length === 0
            ? "個別の権限はありません"
            : html`<ul>${grants.map((g) => html`<li>${g.href ? html`<a href="${g.href}">${g.label}</a>` : g.label}</li>`)}</ul>`,
          html`<form method="post" action="/admin/moves/${m.id}/review">${csrf}<button type="submit" aria-label="${m.loginId}を確認済みにする">確認済みにする</button></form>`,
        ];
      }),
    );
    return renderPage(c, {
      title: "異動後の個別権限の見直し",
      ...(notice ? { notice } : {}),
      body: html`<p>異動・退職が反映された利用者が、前の所属で個別に付与された権限（フォルダの権限など）を持ったままになっていないか確認してください。不要な権限はリンク先で外し、確認が済んだら「確認済みにする」を押します（監査ログに残ります）。</p>
${dataTable({ caption: "確認待ちの利用者", columns: ["発令日", "利用者", "異動内容", "個別の権限", "操作"], empty: "確認待ちの利用者はいません。", rows })}
<p><a href="/admin/moves">異動・退職の予約へ戻る</a></p>`,
    });
  };
  app.get("/admin/moves/review", manage, (c) => reviewPage(c));
  app.post("/admin/moves/:id{[0-9]+}/review", manage, async (c) => {
    const id = Number(c.req.param("id"));
    const move = (await listMoves(c.get("platform"), c.get("actor"), { unreviewed: true })).find(
      (m) => m.id === id,
    );
    const grants = move ? await grantsOf(c, move.userId) : [];
    await markMoveReviewed(
      c.get("platform"),
      c.get("actor"),
      id,
      grants.map((g) => g.label),
    );
    return reviewPage(c, "確認済みにしました。");
  });
}
