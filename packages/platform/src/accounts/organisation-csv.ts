import { CsvError, decodeCsv, parseCsv } from "@ward/csv-jp";
import { appendAudit } from "../audit/audit-log.js";
import type { PlatformContext } from "../context.js";
import { PlatformError } from "../errors.js";
import type { AccountCsvIssue } from "./account-csv.js";
import { formatAccountIssue } from "./account-import.js";
import type { Actor } from "./actor.js";
import { can } from "./roles.js";

const LIMITS = { bytes: 1024 * 1024, rows: 2000 } as const;
const CODE = /^[A-Za-z0-9_-]{1,32}$/;

/** What {@link importOrganisationCsv} reads: departments (所属コード, 所属名) or groups (グループ名, 所属コード). */
export type OrganisationCsvKind = "departments" | "groups";

const HEADERS: Record<OrganisationCsvKind, readonly [string, string]> = {
  departments: ["所属コード", "所属名"],
  groups: ["グループ名", "所属コード"],
};

/**
 * Creates departments or groups from a CSV (UTF-8 or Shift_JIS), all or nothing: any problem
 * (naming line and column) and nothing is saved. Departments: system admins; groups: system admins,
 * or a department admin for groups of their own department. Each row audited, plus a summary.
 *
 * @returns how many were created
 * @throws PlatformError `VALIDATION_FAILED` (issues `N行目「列」: …`), `FORBIDDEN`, `PAYLOAD_TOO_LARGE`
 * @example
 * ```ts
 * await importOrganisationCsv(platform, actor, "departments", bytes); // 12
 * ```
 */
export async function importOrganisationCsv(
  ctx: Pick<PlatformContext, "db" | "clock">,
  actor: Actor,
  kind: OrganisationCsvKind,
  bytes: Uint8Array,
): Promise<number> {
  const by = actor.user;
  const allowed =
    by === null || can(by, "manage_departments") || (kind === "groups" && can(by, "manage_department_users"));
  if (!allowed) {
    await appendAudit(ctx.db, actor, { action: `${kind}.import`, result: "denied" }, { clock: ctx.clock });
    throw new PlatformError("FORBIDDEN", { message: `${kind} import` });
  }
  if (bytes.byteLength > LIMITS.bytes) throw new PlatformError("PAYLOAD_TOO_LARGE");
  const issues: AccountCsvIssue[] = [];
  let text = "";
  try {
    text = decodeCsv(bytes).text;
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    issues.push({ line: 1, column: "", message: error.messageJa });
  }
  const { records, errors } = parseCsv(text);
  for (const e of errors)
    issues.push({ line: e.line, column: "", message: `${e.column}列目: ${e.messageJa}` });
  const [header, ...data] = records;
  const [first, second] = HEADERS[kind];
  const at = (name: string) => header?.cells.findIndex((c) => c.trim() === name) ?? -1;
  const i1 = at(first);
  const i2 = at(second);
  if (issues.length === 0) {
    if (!header) issues.push({ line: 1, column: "", message: "CSVが空です。見出し行を入れてください。" });
    else if (i1 < 0 || i2 < 0)
      issues.push({
        line: header.line,
        column: "",
        message: `見出し行に「${first}」と「${second}」の列が必要です。`,
      });
    else if (data.length > LIMITS.rows)
      issues.push({
        line: header.line,
        column: "",
        message: `一度に登録できるのは${LIMITS.rows}行までです。`,
      });
  }
  const departments = await ctx.db.selectFrom("departments").select(["id", "code", "name"]).execute();
  const groups = await ctx.db.selectFrom("groups").select(["name"]).execute();
  const deptByCode = new Map(departments.map((d) => [d.code, d.id]));
  const taken = new Set(kind === "departments" ? departments.map((d) => d.code) : groups.map((g) => g.name));
  const seen = new Map<string, number>();
  const values: Array<{ a: string; b: string; line: number; departmentId: number | null }> = [];
  if (issues.length === 0) {
    for (const r of data) {
      const a = (r.cells[i1] ?? "").trim();
      const b = (r.cells[i2] ?? "").trim();
      const bad = (column: string, message: string) => issues.push({ line: r.line, column, message });
      const key = a;
      if (kind === "departments") {
        if (!CODE.test(a)) bad(first, "所属コードは半角英数字（- _ も可）で32文字以内にしてください。");
        if (b === "" || b.length > 100) bad(second, "所属名を100文字以内で入力してください。");
      } else {
        if (a === "" || a.length > 100) bad(first, "グループ名を100文字以内で入力してください。");
      }
      if (taken.has(key)) bad(first, `「${key}」は既に登録されています。`);
      const earlier = seen.get(key);
      if (earlier !== undefined) bad(first, `「${key}」は${earlier}行目にもあります。`);
      seen.set(key, r.line);
      let departmentId: number | null = null;
      if (kind === "groups" && b !== "") {
        departmentId = deptByCode.get(b) ?? null;
        if (departmentId === null) bad(second, `所属コード「${b}」が登録されていません。`);
      }
      if (
        kind === "groups" &&
        by !== null &&
        !can(by, "manage_departments") &&
        departmentId !== by.departmentId
      )
        bad(second, "所属管理者は自分の所属のグループだけを登録できます。");
      values.push({ a, b, line: r.line, departmentId });
    }
    if (values.length === 0 && issues.length === 0)
      issues.push({ line: 2, column: "", message: "登録する行がありません。" });
  }
  if (issues.length > 0) {
    throw new PlatformError("VALIDATION_FAILED", {
      messageJa: "CSVの内容に誤りがあるため、1件も登録していません。",
      issues: issues.map((i) => ({ path: `line.${i.line}`, message: formatAccountIssue(i) })),
    });
  }
  return ctx.db.transaction().execute(async (trx) => {
    for (const v of values) {
      const row =
        kind === "departments"
          ? await trx
              .insertInto("departments")
              .values({ code: v.a, name: v.b })
              .returning("id")
              .executeTakeFirstOrThrow()
          : await trx
              .insertInto("groups")
              .values({ name: v.a, department_id: v.departmentId })
              .returning("id")
              .executeTakeFirstOrThrow();
      const single = kind === "departments" ? "department" : "group";
      await appendAudit(
        trx,
        actor,
        {
          action: `${single}.create`,
          targetType: single,
          targetId: row.id,
          detail:
            kind === "departments"
              ? { code: v.a, name: v.b, line: v.line }
              : { name: v.a, departmentId: v.departmentId, line: v.line },
        },
        { clock: ctx.clock },
      );
    }
    await appendAudit(
      trx,
      actor,
      { action: `${kind}.import`, detail: { created: values.length } },
      { clock: ctx.clock },
    );
    return values.length;
  });
}
