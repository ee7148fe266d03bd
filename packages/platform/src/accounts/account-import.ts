import { createHash, randomUUID } from "node:crypto";
import { appendAudit } from "../audit/audit-log.js";
import type { PlatformContext } from "../context.js";
import { PlatformError } from "../errors.js";
import { sqlState, UNIQUE_VIOLATION } from "../internal/db-errors.js";
import type { Role } from "../storage/schema.js";
import {
  type AccountCsvIssue,
  type AccountCsvRow,
  readAccountCsv,
  readAccountCsvText,
} from "./account-csv.js";
import type { Actor } from "./actor.js";
import { storeCredentials } from "./credential-handout.js";
import { generatePassword } from "./password-hasher.js";
import { can } from "./roles.js";
import { startOfTokyoDay } from "./tokyo-day.js";
import { applyDueMoves, insertMove, mayScheduleMove } from "./user-moves.js";
import { createUserInput } from "./users.js";

/** One row of an import as it will be applied. */
export interface PlannedAccountRow {
  readonly line: number;
  readonly action: AccountCsvRow["action"];
  readonly loginId: string;
  readonly displayName: string;
  readonly role: Role | null;
  readonly departmentId: number | null;
  readonly departmentName: string;
  readonly groupIds: readonly number[];
  readonly effectiveDate: string;
  /** The existing user (moves and retirements). */
  readonly userId: number | null;
}

/** The dry run of an account import: what would happen, or why not. */
export interface AccountImportPlan {
  readonly rows: readonly PlannedAccountRow[];
  readonly issues: readonly AccountCsvIssue[];
}

/**
 * Formats an issue for the screen: `3行目「所属コード」: …`.
 *
 * @example
 * ```ts
 * formatAccountIssue({ line: 3, column: "所属コード", message: "所属コード「x」が登録されていません。" });
 * // "3行目「所属コード」: 所属コード「x」が登録されていません。"
 * ```
 */
export function formatAccountIssue(issue: AccountCsvIssue): string {
  return `${issue.line}行目${issue.column ? `「${issue.column}」` : ""}: ${issue.message}`;
}

/**
 * Checks the rows of an account CSV against the database and the actor's rights, without changing
 * anything: the dry run. Every problem names its line and column.
 *
 * @example
 * ```ts
 * const plan = await planAccountImport(platform, actor, readAccountCsvText(text).rows);
 * plan.issues.length === 0; // ready to commit
 * ```
 */
export async function planAccountImport(
  ctx: Pick<PlatformContext, "db" | "clock">,
  actor: Actor,
  rows: readonly AccountCsvRow[],
): Promise<AccountImportPlan> {
  const [departments, groups, users] = await Promise.all([
    ctx.db.selectFrom("departments").select(["id", "code", "name"]).execute(),
    ctx.db.selectFrom("groups").select(["id", "name", "department_id"]).execute(),
    ctx.db.selectFrom("users").select(["id", "login_id", "role", "department_id"]).execute(),
  ]);
  const deptByCode = new Map(departments.map((d) => [d.code, d]));
  const groupByName = new Map(groups.map((g) => [g.name, g]));
  const userByLogin = new Map(users.map((u) => [u.login_id, u]));
  const seen = new Map<string, number>();
  const issues: AccountCsvIssue[] = [];
  const planned: PlannedAccountRow[] = [];
  const by = actor.user;
  for (const row of rows) {
    const problems: AccountCsvIssue[] = [];
    const bad = (column: string, message: string) => problems.push({ line: row.line, column, message });
    const login = createUserInput.shape.loginId.safeParse(row.loginId);
    if (!login.success) bad("ログインID", login.error.issues[0]?.message ?? "ログインIDが正しくありません。");
    const earlier = seen.get(row.loginId);
    if (earlier !== undefined)
      bad("ログインID", `ログインID「${row.loginId}」は${earlier}行目にもあります。`);
    seen.set(row.loginId, row.line);
    const existing = userByLogin.get(row.loginId);
    const dept = row.departmentCode === "" ? undefined : deptByCode.get(row.departmentCode);
    if (row.departmentCode !== "" && !dept)
      bad(
        "所属コード",
        `所属コード「${row.departmentCode}」が登録されていません。先に所属を作成してください。`,
      );
    if (row.roleText !== "" && row.role === undefined)
      bad(
        "権限",
        `権限「${row.roleText}」は使えません。システム管理者・所属管理者・職員・閲覧のみのいずれかにしてください。`,
      );
    const groupIds: number[] = [];
    for (const name of row.groups) {
      const group = groupByName.get(name);
      if (!group) bad("グループ", `グループ「${name}」が登録されていません。`);
      else if (by !== null && !can(by, "manage_all_users") && group.department_id !== by.departmentId)
        bad("グループ", `グループ「${name}」は他の所属のグループです。`);
      else groupIds.push(group.id);
    }
    if (row.action === "create") {
      if (existing)
        bad(
          "ログインID",
          `ログインID「${row.loginId}」は既に使われています。異動なら区分を「異動」にしてください。`,
        );
      const name = createUserInput.shape.displayName.safeParse(row.displayName);
      if (!name.success) bad("氏名", name.error.issues[0]?.message ?? "氏名が正しくありません。");
      if (row.roleText === "") bad("権限", "権限を入力してください。");
      if (by !== null && !can(by, "manage_all_users")) {
        const role = row.role;
        if (role !== undefined && role !== "staff" && role !== "read_only")
          bad("権限", "所属管理者が登録できるのは職員と閲覧のみの利用者です。");
        if ((dept?.id ?? null) !== by.departmentId)
          bad("所属コード", "所属管理者は自分の所属の利用者だけを登録できます。");
      }
    } else {
      if (!existing) bad("ログインID", `ログインID「${row.loginId}」の利用者がいません。`);
      if (row.effectiveDate === "") bad("発令日", "異動・退職には発令日（YYYY-MM-DD）を入力してください。");
      else {
        try {
          startOfTokyoDay(row.effectiveDate);
        } catch {
          bad("発令日", `発令日「${row.effectiveDate}」は日付として読めません（例: 2027-04-01）。`);
        }
      }
      if (row.action === "move" && row.departmentCode === "" && row.roleText === "")
        bad("所属コード", "異動先の所属コードか権限を入力してください。");
      if (row.action === "retire" && existing && existing.id === by?.id)
        bad("区分", "自分自身の退職は登録できません。");
      if (existing && problems.length === 0) {
        const move = {
          userId: existing.id,
          kind: row.action,
          effectiveDate: row.effectiveDate,
          ...(dept ? { departmentId: dept.id } : {}),
          ...(row.role ? { role: row.role } : {}),
        };
        if (!mayScheduleMove(actor, existing, move))
          bad("", "この行の異動・退職を登録する権限がありません。");
      }
    }
    issues.push(...problems);
    planned.push({
      line: row.line,
      action: row.action,
      loginId: row.loginId,
      displayName: row.displayName,
      role: row.role ?? null,
      departmentId: dept?.id ?? null,
      departmentName: dept?.name ?? "",
      groupIds,
      effectiveDate: row.effectiveDate,
      userId: existing?.id ?? null,
    });
  }
  return { rows: planned, issues };
}

/** How long a staged import and an unclaimed credential hand-out are kept: one day. */
const STAGED_FOR_MS = 24 * 3600 * 1000;

/** A staged import: the dry run's result and, when it has no issues, the id to commit. */
export interface StagedAccountImport extends AccountImportPlan {
  readonly importId: string | null;
}

/**
 * Reads an uploaded account CSV (UTF-8 or Shift_JIS), runs the dry run and, when it is clean,
 * stages the file for {@link commitAccountImport}. Audited as `account.import.preview`.
 *
 * @throws PlatformError `FORBIDDEN`, `PAYLOAD_TOO_LARGE`
 * @example
 * ```ts
 * const staged = await stageAccountImport(platform, actor, "accounts.csv", bytes);
 * if (staged.importId) await commitAccountImport(platform, actor, staged.importId);
 * ```
 */
export async function stageAccountImport(
  ctx: Pick<PlatformContext, "db" | "clock">,
  actor: Actor,
  fileName: string,
  bytes: Uint8Array,
): Promise<StagedAccountImport> {
  requireManager(actor);
  const read = readAccountCsv(bytes);
  const plan =
    read.issues.length > 0
      ? { rows: [], issues: read.issues }
      : await planAccountImport(ctx, actor, read.rows);
  const clean = plan.issues.length === 0 && plan.rows.length > 0;
  const importId = clean ? randomUUID() : null;
  await ctx.db.transaction().execute(async (trx) => {
    // Names wait no longer than a day for their commit, and unclaimed passwords no longer either.
    const dayAgo = new Date(ctx.clock().getTime() - STAGED_FOR_MS);
    await trx
      .deleteFrom("account_imports")
      .where("status", "=", "staged")
      .where("created_at", "<", dayAgo)
      .execute();
    await trx
      .updateTable("credential_handouts")
      .set({ wrapped_key: null, iv: null, tag: null, ciphertext: null })
      .where("handed_out_at", "is", null)
      .where("created_at", "<", dayAgo)
      .execute();
    if (importId !== null) {
      await trx
        .insertInto("account_imports")
        .values({
          id: importId,
          created_by: actor.user?.id ?? null,
          created_at: ctx.clock(),
          file_name: fileName.slice(0, 200),
          content: read.text,
          sha256: createHash("sha256").update(bytes).digest("hex"),
          rows: plan.rows.length,
        })
        .execute();
    }
    await appendAudit(
      trx,
      actor,
      {
        action: "account.import.preview",
        result: clean ? "success" : "failure",
        detail: { fileName, rows: plan.rows.length, issues: plan.issues.length, importId },
      },
      { clock: ctx.clock },
    );
  });
  return { ...plan, importId };
}

function requireManager(actor: Actor): void {
  if (actor.user !== null && !can(actor.user, "manage_department_users")) {
    throw new PlatformError("FORBIDDEN", { message: "account import" });
  }
}

/** What {@link commitAccountImport} did. */
export interface AccountImportResult {
  readonly created: number;
  readonly moves: number;
  readonly retirements: number;
  /** The one-time credentials of the created accounts, to hand out once (null when none were created). */
  readonly handoutId: string | null;
}

const HASH_CONCURRENCY = 4;

async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) out[i] = await fn(items[i] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/**
 * Commits a staged import all or nothing: the dry run is repeated against the database as it is
 * now, one-time passwords (always passing the policy) are hashed with argon2id off the event loop,
 * then every account, membership, move and audit record is written in one transaction. The
 * passwords are sealed for a single hand-out ({@link takeCredentials}); the staged file is emptied.
 *
 * @throws PlatformError `NOT_FOUND` (unknown, someone else's or already committed), `VALIDATION_FAILED`
 *   (issues naming line and column), `CONFLICT` (a login id taken meanwhile), `FORBIDDEN`
 * @example
 * ```ts
 * const { created, handoutId } = await commitAccountImport(platform, actor, importId);
 * ```
 */
export async function commitAccountImport(
  ctx: PlatformContext,
  actor: Actor,
  importId: string,
): Promise<AccountImportResult> {
  requireManager(actor);
  const staged = await ctx.db
    .selectFrom("account_imports")
    .selectAll()
    .where("id", "=", importId)
    .where("status", "=", "staged")
    .executeTakeFirst();
  if (!staged || staged.created_by !== (actor.user?.id ?? null)) {
    throw new PlatformError("NOT_FOUND", {
      message: `import ${importId}`,
      messageJa: "この取込は見つからないか、既に登録済みです。もう一度CSVを読み込んでください。",
    });
  }
  const read = readAccountCsvText(staged.content);
  const plan = await planAccountImport(ctx, actor, read.rows);
  const issues = [...read.issues, ...plan.issues];
  if (issues.length > 0) {
    throw new PlatformError("VALIDATION_FAILED", {
      messageJa: "CSVの内容に誤りがあるため、1件も登録していません。",
      issues: issues.map((i) => ({ path: `line.${i.line}`, message: formatAccountIssue(i) })),
    });
  }
  const creates = plan.rows.filter((r) => r.action === "create");
  const credentials = await mapLimited(creates, HASH_CONCURRENCY, async (row) => {
    const password = generatePassword({
      context: { loginId: row.loginId, displayName: row.displayName },
      policy: ctx.passwordPolicy,
    });
    return { row, password, hash: await ctx.hasher.hash(password) };
  });
  try {
    const result = await ctx.db.transaction().execute(async (trx) => {
      const claimed = await trx
        .updateTable("account_imports")
        .set({ status: "committed", committed_at: ctx.clock(), content: "" })
        .where("id", "=", importId)
        .where("status", "=", "staged")
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1)
        throw new PlatformError("NOT_FOUND", { message: `import ${importId}` });
      for (const { row, hash } of credentials) {
        const user = await trx
          .insertInto("users")
          .values({
            login_id: row.loginId,
            display_name: row.displayName,
            role: row.role ?? "staff",
            department_id: row.departmentId,
            password_hash: hash,
            must_change_password: true,
            password_changed_at: ctx.clock(),
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        if (row.groupIds.length > 0) {
          await trx
            .insertInto("group_members")
            .values(row.groupIds.map((g) => ({ group_id: g, user_id: user.id })))
            .execute();
        }
        await appendAudit(
          trx,
          actor,
          {
            action: "user.create",
            targetType: "user",
            targetId: user.id,
            detail: {
              loginId: row.loginId,
              role: row.role ?? "staff",
              departmentId: row.departmentId,
              groupIds: row.groupIds,
              importId,
              line: row.line,
            },
          },
          { clock: ctx.clock },
        );
      }
      let moves = 0;
      let retirements = 0;
      for (const row of plan.rows) {
        if (row.action === "create" || row.userId === null) continue;
        const target = await trx
          .selectFrom("users")
          .select(["id", "login_id", "role", "department_id"])
          .where("id", "=", row.userId)
          .executeTakeFirstOrThrow();
        await insertMove(trx, ctx, actor, target, {
          userId: row.userId,
          kind: row.action,
          effectiveDate: row.effectiveDate,
          ...(row.departmentId !== null ? { departmentId: row.departmentId } : {}),
          ...(row.role !== null ? { role: row.role } : {}),
        });
        if (row.action === "retire") retirements += 1;
        else moves += 1;
      }
      const handoutId =
        credentials.length > 0
          ? await storeCredentials(trx, ctx, actor, {
              importId,
              accounts: credentials.map(({ row, password }) => ({
                loginId: row.loginId,
                displayName: row.displayName,
                departmentName: row.departmentName,
                password,
              })),
            })
          : null;
      await appendAudit(
        trx,
        actor,
        {
          action: "account.import.commit",
          detail: { importId, fileName: staged.file_name, created: credentials.length, moves, retirements },
        },
        { clock: ctx.clock },
      );
      return { created: credentials.length, moves, retirements, handoutId };
    });
    await applyDueMoves(ctx);
    return result;
  } catch (error) {
    if (sqlState(error) === UNIQUE_VIOLATION) {
      throw new PlatformError("CONFLICT", {
        message: "a login id was taken during the import",
        messageJa:
          "取込の途中で同じログインIDが登録されたため、1件も登録していません。もう一度CSVを読み込んでください。",
        cause: error,
      });
    }
    throw error;
  }
}
