/** Stable codes carried by every {@link CalendarError}. */
export type CalendarErrorCode =
  | "INVALID_DATE"
  | "INVALID_INSTANT"
  | "INVALID_POLICY"
  | "INVALID_HOLIDAYS"
  | "INVALID_ARGUMENT"
  | "OUT_OF_RANGE"
  | "NO_OPEN_DAY"
  | "INVALID_WAREKI";

/**
 * The one error class of `@ward/calendar-jp`: a stable `code` and a message prefixed with the package name.
 *
 * @example
 * try {
 *   parseWareki("令和0年1月1日");
 * } catch (error) {
 *   if (error instanceof CalendarError) error.code; // => "INVALID_WAREKI"
 * }
 */
export class CalendarError extends Error {
  override readonly name = "CalendarError";
  readonly code: CalendarErrorCode;

  constructor(code: CalendarErrorCode, message: string, options?: { cause?: unknown }) {
    super(`@ward/calendar-jp: ${message}`, options);
    this.code = code;
  }
}
