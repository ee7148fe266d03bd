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
 * package name, and, where a clerk sees it, a Japanese `messageJa`.
 *
 * @example
 * try { parseAmount("12.5"); } catch (e) {
 *   if (e instanceof LedgerError) e.code; // => "PARSE_FRACTION"
 * }
 */
export class LedgerError extends Error {
  override readonly name = "LedgerError";
  readonly code: LedgerErrorCode;
  readonly messageJa: string | undefined;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: LedgerErrorCode, message: string, options: LedgerErrorOptions = {}) {
    super(`@ward/ledger: ${message}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.messageJa = options.messageJa;
    this.details = Object.freeze({ ...options.details });
  }
}
