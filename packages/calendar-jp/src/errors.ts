import type { WardErrorOptions, WardErrorShape } from "./ward-error.js";

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

const MESSAGES_JA: Record<CalendarErrorCode, string> = {
  INVALID_DATE: "日付が正しくありません",
  INVALID_INSTANT: "日時が正しくありません",
  INVALID_POLICY: "カレンダーの設定が正しくありません",
  INVALID_HOLIDAYS: "祝日の一覧が正しくありません",
  INVALID_ARGUMENT: "指定が正しくありません",
  OUT_OF_RANGE: "対応している範囲外の日付です",
  NO_OPEN_DAY: "開庁日が見つかりません",
  INVALID_WAREKI: "和暦の日付が正しくありません",
};

/**
 * The one error class of `@ward/calendar-jp`: a stable `code`, a message prefixed with the package name, a
 * Japanese `messageJa` and `details` (the {@link WardErrorShape} every `@ward` package error has).
 *
 * @example
 * try {
 *   parseWareki("令和0年1月1日");
 * } catch (error) {
 *   if (error instanceof CalendarError) error.code; // => "INVALID_WAREKI"
 * }
 */
export class CalendarError extends Error implements WardErrorShape<CalendarErrorCode> {
  override readonly name = "CalendarError";
  readonly code: CalendarErrorCode;
  readonly messageJa: string;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: CalendarErrorCode, message: string, options?: WardErrorOptions) {
    super(
      `@ward/calendar-jp: ${message}`,
      options?.cause === undefined ? undefined : { cause: options.cause },
    );
    this.code = code;
    this.messageJa = options?.messageJa ?? MESSAGES_JA[code];
    this.details = Object.freeze({ ...options?.details });
  }
}
