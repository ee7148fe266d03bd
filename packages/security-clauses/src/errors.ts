import type { WardErrorOptions, WardErrorShape } from "@ward/calendar-jp";

/** Stable codes of {@link SecurityClausesError}. */
export type SecurityClausesErrorCode =
  | "UNKNOWN_PROVISION"
  | "UNKNOWN_CATALOGUE"
  | "UNKNOWN_DOCUMENT"
  | "UNKNOWN_CRYPTREC_VERSION"
  | "INVALID_INPUT"
  | "NOT_A_DAY_RULE";

const MESSAGES_JA: Record<SecurityClausesErrorCode, string> = {
  UNKNOWN_PROVISION: "該当する条項がありません",
  UNKNOWN_CATALOGUE: "該当する特記事項がありません",
  UNKNOWN_DOCUMENT: "該当する提出書類がありません",
  UNKNOWN_CRYPTREC_VERSION: "該当する版の電子政府推奨暗号リストがありません",
  INVALID_INPUT: "入力内容に誤りがあります",
  NOT_A_DAY_RULE: "日数で定まる期限ではありません",
};

/**
 * The one error class of `@ward/security-clauses`; `code` is stable, the message starts with the package name,
 * `messageJa` and `details` complete `@ward/calendar-jp`'s `WardErrorShape`.
 *
 * @example
 * try { getProvision(nerimaCatalogue, "nerima:99:1"); } catch (e) {
 *   if (e instanceof SecurityClausesError) e.code; // => "UNKNOWN_PROVISION"
 * }
 */
export class SecurityClausesError extends Error implements WardErrorShape<SecurityClausesErrorCode> {
  readonly code: SecurityClausesErrorCode;
  override readonly name = "SecurityClausesError";
  readonly messageJa: string;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: SecurityClausesErrorCode, message: string, options?: WardErrorOptions) {
    super(
      `@ward/security-clauses: ${message}`,
      options?.cause === undefined ? undefined : { cause: options.cause },
    );
    this.code = code;
    this.messageJa = options?.messageJa ?? MESSAGES_JA[code];
    this.details = Object.freeze({ ...options?.details });
  }
}
