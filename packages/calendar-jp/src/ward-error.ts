/**
 * The shape every `@ward` package error has: a stable `code` to branch on, an English `message` prefixed with
 * the package name, a Japanese `messageJa` for clerks, and structured `details`. Types only, so packages that
 * do not depend on `@ward/calendar-jp` (`@ward/ledger`, `@ward/csv-jp`) repeat it structurally instead of
 * importing it; a test in each checks that their error class still satisfies it.
 *
 * @example
 * function explain(error: WardErrorShape): string { return `${error.code}: ${error.messageJa}`; }
 */
export interface WardErrorShape<Code extends string = string> {
  readonly name: string;
  readonly code: Code;
  readonly message: string;
  readonly messageJa: string;
  readonly details: Readonly<Record<string, unknown>>;
}

/**
 * One problem with one field of an input, in English and in Japanese: the one issue type of the `@ward`
 * packages (`@ward/contract-model`'s `ContractIssue` is this type).
 *
 * @example
 * const issue: FieldIssue = { path: "period.end", code: "invalid_type", message: "expected a date", messageJa: "日付ではありません" };
 */
export interface FieldIssue {
  /** Dotted path of the field, e.g. `deliverables.2.due.months`; `""` for the input as a whole. */
  readonly path: string;
  /** Stable code: a zod issue code (`invalid_type`, …) or the package's own (`UNKNOWN_CLAUSE`, …). */
  readonly code: string;
  readonly message: string;
  readonly messageJa: string;
}

/** Options every `@ward` error constructor takes besides its code and English message. */
export interface WardErrorOptions {
  readonly cause?: unknown;
  /** The message for clerks; each package has a default per code. */
  readonly messageJa?: string;
  readonly details?: Readonly<Record<string, unknown>>;
}
