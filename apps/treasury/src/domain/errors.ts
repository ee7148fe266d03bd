/** Stable codes of {@link TreasuryError}; safe to branch on. */
export type TreasuryErrorCode = "INVALID_INPUT" | "INVALID_TEXT" | "NO_PAYMENTS" | "PDF_FONT_UNREADABLE";

/** Options of a {@link TreasuryError}. */
export interface TreasuryErrorOptions {
  /** The message for clerks, in Japanese. */
  readonly messageJa?: string;
  /** Structured facts about the failure. */
  readonly details?: Readonly<Record<string, unknown>>;
}

/**
 * The error class of the treasury domain: a stable `code`, an English message prefixed with the
 * package name and a Japanese `messageJa` for clerks.
 *
 * @example
 * try { matchTransfers(items, rows); } catch (e) {
 *   if (e instanceof TreasuryError) e.code; // => "INVALID_INPUT"
 * }
 */
export class TreasuryError extends Error {
  override readonly name: string = "TreasuryError";
  readonly code: TreasuryErrorCode;
  readonly messageJa: string;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: TreasuryErrorCode, message: string, options: TreasuryErrorOptions = {}) {
    super(`@ward/treasury: ${message}`);
    this.code = code;
    this.messageJa = options.messageJa ?? message;
    this.details = Object.freeze({ ...options.details });
  }
}
