import type { WardErrorOptions, WardErrorShape } from "@ward/calendar-jp";

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
  | "NO_OPEN_DAY"
  | "UNKNOWN_METRIC"
  | "MISSING_ANCHOR"
  | "MISSING_RANGE"
  | "INVALID_RANGE";

const MESSAGES_JA: Record<SlaTimersErrorCode, string> = {
  INVALID_POLICY: "対応期限の設定が正しくありません",
  INVALID_GOAL: "対応期限の目標の設定が正しくありません",
  INVALID_RULE: "期限の規則が正しくありません",
  INVALID_EVENT: "経過の記録が正しくありません",
  INVALID_INSTANT: "日時が正しくありません",
  EVENTS_OUT_OF_ORDER: "経過の記録が時刻順になっていません",
  UNKNOWN_EVENT_TYPE: "経過の種類が不明です",
  UNKNOWN_CALENDAR: "カレンダーが見つかりません",
  NO_OPEN_DAY: "期限を置ける開庁日がありません",
  UNKNOWN_METRIC: "対応期限の指標が不明です",
  MISSING_ANCHOR: "期限の起算日が指定されていません",
  MISSING_RANGE: "期間の指定が必要です",
  INVALID_RANGE: "期間の指定が正しくありません",
};

/**
 * The one error class of `@ward/sla-timers`: a stable `code`, a message prefixed with the package name, a
 * Japanese `messageJa` and `details` (`@ward/calendar-jp`'s `WardErrorShape`).
 *
 * @example
 * try {
 *   parseSlaPolicy({ id: "x", calendar: "ward", goals: [] });
 * } catch (error) {
 *   if (error instanceof SlaTimersError) error.code; // => "INVALID_POLICY"
 * }
 */
export class SlaTimersError extends Error implements WardErrorShape<SlaTimersErrorCode> {
  readonly code: SlaTimersErrorCode;
  readonly messageJa: string;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: SlaTimersErrorCode, message: string, options?: WardErrorOptions) {
    super(
      `@ward/sla-timers: ${message}`,
      options?.cause === undefined ? undefined : { cause: options.cause },
    );
    this.name = "SlaTimersError";
    this.code = code;
    this.messageJa = options?.messageJa ?? MESSAGES_JA[code];
    this.details = Object.freeze({ ...options?.details });
  }
}
