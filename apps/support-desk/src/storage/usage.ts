import { encodeCsv, formatCsv } from "@ward/csv-jp";
import { PlatformError, type PlatformTables, toTokyoIso } from "@ward/platform";
import { sql, type Transaction } from "kysely";
import type { TokenUsage } from "../domain/index.js";
import type { Desk } from "./desk.js";
import type { SupportDeskTables } from "./schema.js";

/** What one question used: recorded with the answer (別紙1 3(2): characters or tokens per account and month). */
export interface UsageEntry {
  readonly userId: number;
  readonly askedAt: Date;
  readonly threadId: number | null;
  readonly folderIds: readonly number[];
  /** The provider that answered: the model's name, or `offline`. */
  readonly provider: string;
  /** When the model server reported them. */
  readonly tokens?: TokenUsage | undefined;
  readonly questionChars: number;
  readonly answerChars: number;
}

/** Totals of one account (or one month of one account). */
export interface UsageTotals {
  readonly questions: number;
  readonly promptTokens: number;
  readonly completionTokens: number;
  readonly questionChars: number;
  readonly answerChars: number;
}

/** One account's usage in a month, for the admin page and its CSV. */
export interface AccountUsage extends UsageTotals {
  readonly userId: number;
  readonly loginId: string;
  readonly displayName: string;
  readonly departmentName: string | null;
  /** Providers that answered, e.g. `["llm-jp", "offline"]`. */
  readonly providers: readonly string[];
}

/** One recorded question, for the user's own page. */
export interface UsageRecord {
  readonly askedAt: Date;
  readonly threadId: number | null;
  readonly folderIds: readonly number[];
  readonly provider: string;
  readonly promptTokens: number | null;
  readonly completionTokens: number | null;
  readonly questionChars: number;
  readonly answerChars: number;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * The usage month (`YYYY-MM`) of an instant, in Asia/Tokyo.
 *
 * @example
 * ```ts
 * usageMonth(new Date("2026-04-30T15:30:00Z")); // "2026-05"
 * ```
 */
export function usageMonth(instant: Date): string {
  return toTokyoIso(instant).slice(0, 7);
}

/**
 * A `YYYY-MM` query value, or `VALIDATION_FAILED`.
 *
 * @throws PlatformError `VALIDATION_FAILED`
 * @example
 * ```ts
 * parseUsageMonth("2026-05"); // "2026-05"
 * ```
 */
export function parseUsageMonth(value: string): string {
  if (!MONTH.test(value)) {
    throw new PlatformError("VALIDATION_FAILED", {
      issues: [{ path: "month", message: "年月は 2026-05 の形で指定してください。" }],
    });
  }
  return value;
}

/**
 * Records one question's usage in the answer's transaction.
 *
 * @example
 * ```ts
 * await recordUsage(trx, { userId, askedAt, threadId, folderIds: [3], provider: "offline", questionChars: 12, answerChars: 240 });
 * ```
 */
export async function recordUsage(
  trx: Transaction<PlatformTables & SupportDeskTables>,
  entry: UsageEntry,
): Promise<void> {
  await trx
    .insertInto("support_desk_usage")
    .values({
      user_id: entry.userId,
      asked_at: entry.askedAt,
      month: usageMonth(entry.askedAt),
      thread_id: entry.threadId,
      folder_ids: JSON.stringify(entry.folderIds),
      provider: entry.provider,
      prompt_tokens: entry.tokens?.promptTokens ?? null,
      completion_tokens: entry.tokens?.completionTokens ?? null,
      question_chars: entry.questionChars,
      answer_chars: entry.answerChars,
    })
    .execute();
}

const totals = {
  questions: sql<string>`count(*)`,
  promptTokens: sql<string>`coalesce(sum(prompt_tokens), 0)`,
  completionTokens: sql<string>`coalesce(sum(completion_tokens), 0)`,
  questionChars: sql<string>`coalesce(sum(question_chars), 0)`,
  answerChars: sql<string>`coalesce(sum(answer_chars), 0)`,
};

const toTotals = (row: Record<keyof typeof totals, string | number>): UsageTotals => ({
  questions: Number(row.questions),
  promptTokens: Number(row.promptTokens),
  completionTokens: Number(row.completionTokens),
  questionChars: Number(row.questionChars),
  answerChars: Number(row.answerChars),
});

/**
 * Usage per account in a month (accounts without questions are left out), optionally of one
 * department's accounts, ordered by login id.
 *
 * @example
 * ```ts
 * const rows = await monthlyUsage(desk, { month: "2026-05" });
 * rows[0]; // { loginId: "alice", questions: 12, promptTokens: 9120, completionTokens: 800, questionChars: 240, … }
 * ```
 */
export async function monthlyUsage(
  desk: Desk,
  options: { readonly month: string; readonly departmentId?: number | null },
): Promise<AccountUsage[]> {
  let query = desk.db
    .selectFrom("support_desk_usage as u")
    .innerJoin("users as a", "a.id", "u.user_id")
    .leftJoin("departments as d", "d.id", "a.department_id")
    .select([
      "a.id as userId",
      "a.login_id as loginId",
      "a.display_name as displayName",
      "d.name as departmentName",
      sql<string>`count(*)`.as("questions"),
      sql<string>`coalesce(sum(u.prompt_tokens), 0)`.as("promptTokens"),
      sql<string>`coalesce(sum(u.completion_tokens), 0)`.as("completionTokens"),
      sql<string>`coalesce(sum(u.question_chars), 0)`.as("questionChars"),
      sql<string>`coalesce(sum(u.answer_chars), 0)`.as("answerChars"),
      sql<string>`string_agg(distinct u.provider, ',')`.as("providers"),
    ])
    .where("u.month", "=", options.month)
    .groupBy(["a.id", "a.login_id", "a.display_name", "d.name"])
    .orderBy("a.login_id");
  if (options.departmentId !== undefined) {
    query =
      options.departmentId === null
        ? query.where("a.department_id", "is", null)
        : query.where("a.department_id", "=", options.departmentId);
  }
  const rows = await query.execute();
  return rows.map((r) => ({
    userId: r.userId,
    loginId: r.loginId,
    displayName: r.displayName,
    departmentName: r.departmentName,
    ...toTotals(r),
    providers: r.providers.split(",").sort(),
  }));
}

/**
 * One account's own usage: totals per month (newest first, last 12 months with questions) and the
 * latest recorded questions.
 *
 * @example
 * ```ts
 * const { months, recent } = await accountUsage(desk, user.id);
 * months[0]; // { month: "2026-05", questions: 3, … }
 * ```
 */
export async function accountUsage(
  desk: Desk,
  userId: number,
  options: { readonly recent?: number } = {},
): Promise<{ months: Array<UsageTotals & { month: string }>; recent: UsageRecord[] }> {
  const months = await desk.db
    .selectFrom("support_desk_usage")
    .select([
      "month",
      totals.questions.as("questions"),
      totals.promptTokens.as("promptTokens"),
      totals.completionTokens.as("completionTokens"),
      totals.questionChars.as("questionChars"),
      totals.answerChars.as("answerChars"),
    ])
    .where("user_id", "=", userId)
    .groupBy("month")
    .orderBy("month", "desc")
    .limit(12)
    .execute();
  const recent = await desk.db
    .selectFrom("support_desk_usage")
    .selectAll()
    .where("user_id", "=", userId)
    .orderBy("id", "desc")
    .limit(options.recent ?? 20)
    .execute();
  return {
    months: months.map((m) => ({ month: m.month, ...toTotals(m) })),
    recent: recent.map((r) => ({
      askedAt: r.asked_at,
      threadId: r.thread_id,
      folderIds: JSON.parse(r.folder_ids) as number[],
      provider: r.provider,
      promptTokens: r.prompt_tokens,
      completionTokens: r.completion_tokens,
      questionChars: r.question_chars,
      answerChars: r.answer_chars,
    })),
  };
}

/** Header of {@link usageCsv}. */
export const USAGE_CSV_HEADER = [
  "年月",
  "ログインID",
  "氏名",
  "所属",
  "質問数",
  "入力トークン",
  "出力トークン",
  "質問文字数",
  "回答文字数",
  "回答したモデル",
] as const;

/**
 * The monthly usage as Excel-friendly CSV bytes (UTF-8 with BOM, CRLF, formula-guarded) via `@ward/csv-jp`.
 *
 * @example
 * ```ts
 * const bytes = usageCsv("2026-05", await monthlyUsage(desk, { month: "2026-05" }));
 * ```
 */
export function usageCsv(month: string, rows: readonly AccountUsage[]): Uint8Array {
  return encodeCsv(
    formatCsv(
      rows.map((r) => [
        month,
        r.loginId,
        r.displayName,
        r.departmentName ?? "",
        r.questions,
        r.promptTokens,
        r.completionTokens,
        r.questionChars,
        r.answerChars,
        r.providers.join(" "),
      ]),
      { header: [...USAGE_CSV_HEADER] },
    ),
  );
}
