/** Stable codes of {@link SecurityClausesError}. */
export type SecurityClausesErrorCode =
  | "UNKNOWN_PROVISION"
  | "UNKNOWN_CATALOGUE"
  | "UNKNOWN_DOCUMENT"
  | "UNKNOWN_CRYPTREC_VERSION"
  | "INVALID_INPUT"
  | "NOT_A_DAY_RULE";

/**
 * The one error class of `@ward/security-clauses`; `code` is stable, the message starts with the package name.
 *
 * @example
 * try { getProvision(nerimaCatalogue, "nerima:99:1"); } catch (e) {
 *   if (e instanceof SecurityClausesError) e.code; // => "UNKNOWN_PROVISION"
 * }
 */
export class SecurityClausesError extends Error {
  readonly code: SecurityClausesErrorCode;
  override readonly name = "SecurityClausesError";

  constructor(code: SecurityClausesErrorCode, message: string, options?: { cause?: unknown }) {
    super(`@ward/security-clauses: ${message}`, options);
    this.code = code;
  }
}
