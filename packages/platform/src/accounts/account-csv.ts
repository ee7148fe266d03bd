import { CsvError, decodeCsv, parseCsv } from "@ward/csv-jp";
import { PlatformError } from "../errors.js";
import { ROLES, type Role } from "../storage/schema.js";
import { ROLE_LABELS } from "./roles.js";

/** Largest account CSV accepted, in bytes and rows. */
export const ACCOUNT_CSV_LIMITS = { bytes: 2 * 1024 * 1024, rows: 5000 } as const;

/** The columns of an account CSV (Japanese headers, any order; 区分・グループ・発令日 optional). */
export const ACCOUNT_CSV_COLUMNS = [
  "区分",
  "ログインID",
  "氏名",
  "権限",
  "所属コード",
  "グループ",
  "発令日",
] as const;
type Column = (typeof ACCOUNT_CSV_COLUMNS)[number];

/** One data row of an account CSV, as written (trimmed), with where it came from. */
export interface AccountCsvRow {
  /** 1-based physical line of the file. */
  readonly line: number;
  readonly action: "create" | "move" | "retire";
  readonly loginId: string;
  readonly displayName: string;
  /** The role, when the cell names one. */
  readonly role: Role | undefined;
  readonly roleText: string;
  readonly departmentCode: string;
  readonly groups: readonly string[];
  readonly effectiveDate: string;
}

/** A problem of an account CSV, naming line and column (Japanese). */
export interface AccountCsvIssue {
  readonly line: number;
  /** The column's header, or `""` for the whole line. */
  readonly column: string;
  readonly message: string;
}

const ACTIONS: Record<string, AccountCsvRow["action"]> = {
  "": "create",
  新規: "create",
  登録: "create",
  異動: "move",
  退職: "retire",
};

// 2027/4/1 and 2027-04-01 alike; anything else is left for the date check to name.
function isoDate(text: string): string {
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(text);
  return m ? `${m[1]}-${m[2]?.padStart(2, "0")}-${m[3]?.padStart(2, "0")}` : text;
}

function roleOf(text: string): Role | undefined {
  const byLabel = ROLES.find((r) => ROLE_LABELS[r] === text);
  return byLabel ?? ROLES.find((r) => r === text);
}

/**
 * Decodes (UTF-8 or Shift_JIS, via `@ward/csv-jp`) and reads an account CSV. Structural problems
 * (encoding, header, quoting, cells) come back as issues naming line and column; nothing is checked
 * against the database here.
 *
 * @param bytes - the uploaded file
 * @returns the rows and the issues
 * @throws PlatformError `PAYLOAD_TOO_LARGE` past {@link ACCOUNT_CSV_LIMITS}
 * @example
 * ```ts
 * readAccountCsv(new TextEncoder().encode("ログインID,氏名,権限,所属コード\nsato,佐藤 花子,職員,kaikei\n"));
 * // { rows: [{ line: 2, action: "create", loginId: "sato", role: "staff", ... }], issues: [], text: "..." }
 * ```
 */
export function readAccountCsv(bytes: Uint8Array): {
  rows: AccountCsvRow[];
  issues: AccountCsvIssue[];
  text: string;
} {
  if (bytes.byteLength > ACCOUNT_CSV_LIMITS.bytes) {
    throw new PlatformError("PAYLOAD_TOO_LARGE", {
      messageJa: `CSVファイルは${ACCOUNT_CSV_LIMITS.bytes / 1024 / 1024}MB以内にしてください。`,
    });
  }
  let text: string;
  try {
    text = decodeCsv(bytes).text;
  } catch (error) {
    if (error instanceof CsvError) {
      return { rows: [], issues: [{ line: 1, column: "", message: error.messageJa }], text: "" };
    }
    throw error;
  }
  return { ...readAccountCsvText(text), text };
}

/**
 * Reads the decoded text of an account CSV; see {@link readAccountCsv}.
 *
 * @example
 * ```ts
 * readAccountCsvText("ログインID,氏名\n").issues[0]?.message; // "1行目: 必須の列「権限」がありません。"
 * ```
 */
export function readAccountCsvText(text: string): { rows: AccountCsvRow[]; issues: AccountCsvIssue[] } {
  const { records, errors } = parseCsv(text);
  const issues: AccountCsvIssue[] = errors.map((e) => ({
    line: e.line,
    column: "",
    message: `${e.column}列目: ${e.messageJa}`,
  }));
  const [header, ...data] = records;
  if (!header)
    return {
      rows: [],
      issues: [{ line: 1, column: "", message: "CSVが空です。見出し行を入れてください。" }],
    };
  const index = new Map<Column, number>();
  header.cells.forEach((cell, i) => {
    const name = cell.trim();
    if ((ACCOUNT_CSV_COLUMNS as readonly string[]).includes(name)) index.set(name as Column, i);
    else if (name !== "")
      issues.push({
        line: header.line,
        column: cell,
        message: `列「${cell}」は使えません。使える列: ${ACCOUNT_CSV_COLUMNS.join("、")}`,
      });
  });
  for (const required of ["ログインID", "氏名", "権限", "所属コード"] as const) {
    if (!index.has(required))
      issues.push({ line: header.line, column: required, message: `必須の列「${required}」がありません。` });
  }
  if (issues.some((i) => i.line === header.line)) return { rows: [], issues };
  if (data.length > ACCOUNT_CSV_LIMITS.rows) {
    return {
      rows: [],
      issues: [
        {
          line: header.line,
          column: "",
          message: `一度に登録できるのは${ACCOUNT_CSV_LIMITS.rows}行までです（${data.length}行あります）。`,
        },
      ],
    };
  }
  const rows: AccountCsvRow[] = [];
  for (const record of data) {
    const cell = (c: Column) => {
      const i = index.get(c);
      return i === undefined ? "" : (record.cells[i] ?? "").trim();
    };
    const actionText = cell("区分");
    const action = ACTIONS[actionText];
    if (action === undefined) {
      issues.push({
        line: record.line,
        column: "区分",
        message: `区分「${actionText}」は使えません。新規・異動・退職のいずれかにしてください。`,
      });
      continue;
    }
    const roleText = cell("権限");
    rows.push({
      line: record.line,
      action,
      loginId: cell("ログインID"),
      displayName: cell("氏名"),
      role: roleOf(roleText),
      roleText,
      departmentCode: cell("所属コード"),
      groups: cell("グループ")
        .split(/[;；、]/)
        .map((g) => g.trim())
        .filter((g) => g !== ""),
      effectiveDate: isoDate(cell("発令日")),
    });
  }
  return { rows, issues };
}
