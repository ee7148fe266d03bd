import type { FieldIssue, WardErrorOptions, WardErrorShape } from "@ward/calendar-jp";

/** Stable codes of {@link ContractModelError}. */
export type ContractModelErrorCode =
  | "INVALID_CONTRACT"
  | "UNKNOWN_CONTRACT"
  | "INVALID_OPTIONS"
  | "UNENCODABLE_TEXT";

/**
 * One problem found in a contract, in English and in Japanese for the clerk who wrote it: `@ward/calendar-jp`'s
 * `FieldIssue`, the one field-issue type of the `@ward` packages (codes: zod's, or ours such as
 * `PERIOD_OUTSIDE_FISCAL_YEAR`).
 */
export type ContractIssue = FieldIssue;

const MESSAGES_JA: Record<ContractModelErrorCode, string> = {
  INVALID_CONTRACT: "契約の内容に誤りがあります",
  UNKNOWN_CONTRACT: "該当する契約がありません",
  INVALID_OPTIONS: "指定が正しくありません",
  UNENCODABLE_TEXT: "Shift_JISで表せない文字があります",
};

/**
 * The one error class of this package: a stable `code`, a message prefixed `@ward/contract-model:`, `messageJa`,
 * `details` (`@ward/calendar-jp`'s `WardErrorShape`) and, for invalid contracts, every {@link ContractIssue}.
 *
 * @example
 * try { buildContract({}); } catch (error) {
 *   if (error instanceof ContractModelError) error.issues[0]?.messageJa; // => "必須項目がありません"
 * }
 */
export class ContractModelError extends Error implements WardErrorShape<ContractModelErrorCode> {
  readonly code: ContractModelErrorCode;
  readonly issues: readonly ContractIssue[];
  readonly messageJa: string;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(
    code: ContractModelErrorCode,
    message: string,
    options: WardErrorOptions & { issues?: readonly ContractIssue[] } = {},
  ) {
    super(`@ward/contract-model: ${message}`, options.cause === undefined ? {} : { cause: options.cause });
    this.name = "ContractModelError";
    this.code = code;
    this.issues = options.issues ?? [];
    this.messageJa = options.messageJa ?? options.issues?.[0]?.messageJa ?? MESSAGES_JA[code];
    this.details = Object.freeze({ ...options.details });
  }
}
