/** Stable codes of {@link ContractModelError}. */
export type ContractModelErrorCode =
  | "INVALID_CONTRACT"
  | "UNKNOWN_CONTRACT"
  | "INVALID_OPTIONS"
  | "UNENCODABLE_TEXT";

/** One problem found in a contract, in English and in Japanese for the clerk who wrote it. */
export interface ContractIssue {
  /** Dotted path of the field, e.g. `deliverables.2.due.months`; `""` for the contract itself. */
  readonly path: string;
  /** Stable code: a zod issue code (`invalid_type`, …) or one of ours (`PERIOD_OUTSIDE_FISCAL_YEAR`, …). */
  readonly code: string;
  readonly message: string;
  readonly messageJa: string;
}

/**
 * The one error class of this package: a stable `code`, a message prefixed `@ward/contract-model:` and, for
 * invalid contracts, every {@link ContractIssue} (each with a Japanese message).
 *
 * @example
 * try { buildContract({}); } catch (error) {
 *   if (error instanceof ContractModelError) error.issues[0]?.messageJa; // => "必須項目がありません"
 * }
 */
export class ContractModelError extends Error {
  readonly code: ContractModelErrorCode;
  readonly issues: readonly ContractIssue[];

  constructor(
    code: ContractModelErrorCode,
    message: string,
    options: { cause?: unknown; issues?: readonly ContractIssue[] } = {},
  ) {
    super(`@ward/contract-model: ${message}`, options.cause === undefined ? {} : { cause: options.cause });
    this.name = "ContractModelError";
    this.code = code;
    this.issues = options.issues ?? [];
  }
}
