/** Stable machine-readable codes of {@link SlaTimersError}. */
export type SlaTimersErrorCode =
  | "INVALID_POLICY"
  | "INVALID_GOAL"
  | "INVALID_RULE"
  | "INVALID_EVENT"
  | "INVALID_INSTANT"
  | "EVENTS_OUT_OF_ORDER"
  | "UNKNOWN_EVENT_TYPE"
  | "UNKNOWN_CALENDAR"
  | "UNKNOWN_METRIC"
  | "MISSING_ANCHOR"
  | "MISSING_RANGE"
  | "INVALID_RANGE";

/**
 * The one error class of `@ward/sla-timers`: a stable `code` and a message prefixed with the package name.
 *
 * @example
 * try {
 *   parseSlaPolicy({ id: "x", calendar: "ward", goals: [] });
 * } catch (error) {
 *   if (error instanceof SlaTimersError) error.code; // => "INVALID_POLICY"
 * }
 */
export class SlaTimersError extends Error {
  readonly code: SlaTimersErrorCode;

  constructor(code: SlaTimersErrorCode, message: string, options?: { cause?: unknown }) {
    super(`@ward/sla-timers: ${message}`, options);
    this.name = "SlaTimersError";
    this.code = code;
  }
}
