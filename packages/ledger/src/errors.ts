/** Stable codes of {@link LedgerError}; safe to branch on, never renamed within a major version. */
export type LedgerErrorCode =
  | "PARSE_EMPTY"
  | "PARSE_INVALID"
  | "PARSE_FRACTION"
  | "PARSE_GROUPING"
  | "OVERFLOW"
  | "NOT_AN_INTEGER"
  | "SUBUNIT_AMOUNT"
  | "CURRENCY_MISMATCH"
  | "UNKNOWN_CURRENCY"
  | "NOT_REPRESENTABLE"
  | "INVALID_SCHEMA"
  | "INVALID_ENTRY"
  | "INVALID_CODE"
  | "DUPLICATE_KEY"
  | "KEY_CONFLICT"
  | "UNKNOWN_ENTRY"
  | "SCHEMA_MISMATCH"
  | "INVALID_RATIOS"
  | "BALANCE_MISMATCH"
  | "INSUFFICIENT_STOCK"
  | "INVALID_JSON";

const MESSAGES_JA: Record<LedgerErrorCode, string> = {
  PARSE_EMPTY: "金額が入力されていません",
  PARSE_INVALID: "金額として読めません",
  PARSE_FRACTION: "円未満の端数は入力できません",
  PARSE_GROUPING: "桁区切りの位置が正しくありません",
  OVERFLOW: "金額が大きすぎます",
  NOT_AN_INTEGER: "整数ではありません",
  SUBUNIT_AMOUNT: "円未満の金額は扱えません",
  CURRENCY_MISMATCH: "通貨が一致しません",
  UNKNOWN_CURRENCY: "通貨が不明です",
  NOT_REPRESENTABLE: "この金額は表せません",
  INVALID_SCHEMA: "集計の定義が正しくありません",
  INVALID_ENTRY: "集計の入力が正しくありません",
  INVALID_CODE: "科目コードが正しくありません",
  DUPLICATE_KEY: "同じキーが重複しています",
  KEY_CONFLICT: "キーが矛盾しています",
  UNKNOWN_ENTRY: "該当する項目がありません",
  SCHEMA_MISMATCH: "集計の定義が一致しません",
  INVALID_RATIOS: "按分の比率が正しくありません",
  BALANCE_MISMATCH: "残高が一致しません",
  INSUFFICIENT_STOCK: "在庫が足りません",
  INVALID_JSON: "データの形式が正しくありません",
};

/** Options of a {@link LedgerError}. */
export interface LedgerErrorOptions {
  /** The message for clerks, in Japanese (parse and balance errors carry one). */
  readonly messageJa?: string;
  /** Structured facts about the failure (input, expected, actual, …). */
  readonly details?: Readonly<Record<string, unknown>>;
  /** The underlying error, if any. */
  readonly cause?: unknown;
}

/**
 * The one error class of `@ward/ledger`: a stable `code`, an English message prefixed with the
 * package name, a Japanese `messageJa` and `details` — the `WardErrorShape` of `@ward/calendar-jp`, repeated
 * structurally here because this package does not depend on it (`errors.test.ts` checks the shape).
 *
 * @example
 * try { parseAmount("12.5"); } catch (e) {
 *   if (e instanceof LedgerError) e.code; // => "PARSE_FRACTION"
 * }
 */
export class LedgerError extends Error {
  override readonly name = "LedgerError";
  readonly code: LedgerErrorCode;
  /** The message for clerks: the one given, else a default per code. */
  readonly messageJa: string;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: LedgerErrorCode, message: string, options: LedgerErrorOptions = {}) {
    super(`@ward/ledger: ${message}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.messageJa = options.messageJa ?? MESSAGES_JA[code];
    this.details = Object.freeze({ ...options.details });
  }
}
