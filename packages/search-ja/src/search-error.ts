/** Stable codes of {@link SearchError}. */
export type SearchErrorCode =
  | "DUPLICATE_CHUNK"
  | "FOREIGN_CHUNK"
  | "DIMENSION_MISMATCH"
  | "INVALID_VECTOR"
  | "INVALID_SNAPSHOT";

/**
 * The one error class of `@ward/search-ja`: a stable `code` to branch on and a message prefixed
 * with the package name. Malformed input at a boundary throws zod's `ZodError` instead.
 *
 * @example
 * try {
 *   index.add([chunk, chunk]);
 * } catch (error) {
 *   if (error instanceof SearchError) error.code; // => "DUPLICATE_CHUNK"
 * }
 */
export class SearchError extends Error {
  override readonly name = "SearchError";
  readonly code: SearchErrorCode;

  constructor(code: SearchErrorCode, message: string) {
    super(`@ward/search-ja: ${message}`);
    this.code = code;
  }
}
