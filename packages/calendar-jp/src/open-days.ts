import { type Calendar, compiledOf, reasonsOf } from "./calendar.js";
import { type DateInput, type IsoDate, toEpochDay } from "./date-input.js";
import { formatEpochDay, isoWeekday } from "./internal/civil.js";
import {
  CAL_START,
  calendarIndex,
  noOpenDay,
  REASON_ANNUAL,
  REASON_CLOSURE,
  REASON_HOLIDAY,
  REASON_OPEN,
  REASON_WEEKDAY,
} from "./internal/compiled-calendar.js";
import { TABLE_START as HOLIDAY_TABLE_START } from "./internal/holiday-data.js";

/** Why a day is closed. */
export interface ClosedReason {
  kind: "weekday" | "holiday" | "year-end" | "annual" | "closure";
  /** e.g. `日曜日`, `元日`, `年末年始`, `慰霊の日`, or the closure's name. */
  name: string;
}

const WEEKDAY_NAMES = ["", "月曜日", "火曜日", "水曜日", "木曜日", "金曜日", "土曜日", "日曜日"];

/**
 * Whether the calendar is open on a date.
 *
 * @param calendar - the calendar
 * @param date - the date (a `Date` or `DateTime` is read in Asia/Tokyo)
 * @returns true on an open day (開庁日)
 * @throws {CalendarError} `INVALID_DATE`; `OUT_OF_RANGE` outside 1900–2150
 * @example
 * isOpenDay(wardCalendar(), "2025-12-29"); // => false (年末年始)
 */
export function isOpenDay(calendar: Calendar, date: DateInput): boolean {
  const reasons = reasonsOf(calendar);
  const index = toEpochDay(date) - CAL_START;
  // Hot path: the range checked here, the error path out of line.
  if (index >= 0 && index < reasons.length) return reasons[index] === REASON_OPEN;
  return reasons[calendarIndex(index + CAL_START)] === REASON_OPEN;
}

/**
 * Why the calendar is closed on a date. A holiday wins over the year-end days, those over annual
 * closures, those over the weekday; an ad-hoc closure wins over all, an ad-hoc opening over everything.
 *
 * @param calendar - the calendar
 * @param date - the date
 * @returns the reason, or `undefined` when open
 * @throws {CalendarError} `INVALID_DATE`; `OUT_OF_RANGE` outside 1900–2150
 * @example
 * closedReason(wardCalendar(), "2026-01-01"); // => { kind: "holiday", name: "元日" }
 * closedReason(wardCalendar(), "2025-12-29"); // => { kind: "year-end", name: "年末年始" }
 */
export function closedReason(calendar: Calendar, date: DateInput): ClosedReason | undefined {
  const epochDay = toEpochDay(date);
  const index = calendarIndex(epochDay);
  const compiled = compiledOf(calendar);
  switch (compiled.reasons[index]) {
    case REASON_OPEN:
      return undefined;
    case REASON_WEEKDAY:
      return { kind: "weekday", name: WEEKDAY_NAMES[isoWeekday(epochDay)] as string };
    case REASON_HOLIDAY: {
      const position = compiled.holidays.byDay[epochDay - HOLIDAY_TABLE_START] as number;
      return { kind: "holiday", name: compiled.holidays.list[position - 1]?.name ?? "祝日" };
    }
    case REASON_ANNUAL:
      return { kind: "annual", name: compiled.names.get(index) ?? "" };
    case REASON_CLOSURE:
      return { kind: "closure", name: compiled.names.get(index) ?? "" };
    default:
      return { kind: "year-end", name: "年末年始" };
  }
}

/** Options of {@link nextOpenDay} and {@link previousOpenDay}. */
export interface OpenDaySearchOptions {
  /** Return the date itself when it is open. Default `false` (strictly after / before). */
  inclusive?: boolean;
}

/**
 * The next open day after a date (翌開庁日), or the date itself with `inclusive: true` when open.
 *
 * @param calendar - the calendar
 * @param date - the date
 * @param options - `inclusive` (default false)
 * @returns the ISO date of the open day
 * @throws {CalendarError} `INVALID_DATE`; `OUT_OF_RANGE` outside 1900–2150
 * @example
 * nextOpenDay(wardCalendar(), "2025-02-15", { inclusive: true }); // => "2025-02-17"
 */
export function nextOpenDay(calendar: Calendar, date: DateInput, options?: OpenDaySearchOptions): IsoDate {
  const index = calendarIndex(toEpochDay(date));
  const { prefix, openList } = compiledOf(calendar);
  const found = openList[options?.inclusive ? (prefix[index] as number) : (prefix[index + 1] as number)];
  if (found === undefined) throw noOpenDay("open day after the date");
  return formatEpochDay(found + CAL_START);
}

/**
 * The last open day before a date, or the date itself with `inclusive: true` when open.
 *
 * @param calendar - the calendar
 * @param date - the date
 * @param options - `inclusive` (default false)
 * @returns the ISO date of the open day
 * @throws {CalendarError} `INVALID_DATE`; `OUT_OF_RANGE` outside 1900–2150
 * @example
 * previousOpenDay(wardCalendar(), "2026-01-05"); // => "2025-12-26"
 */
export function previousOpenDay(
  calendar: Calendar,
  date: DateInput,
  options?: OpenDaySearchOptions,
): IsoDate {
  const index = calendarIndex(toEpochDay(date));
  const { prefix, openList } = compiledOf(calendar);
  const found =
    openList[(options?.inclusive ? (prefix[index + 1] as number) : (prefix[index] as number)) - 1];
  if (found === undefined) throw noOpenDay("open day before the date");
  return formatEpochDay(found + CAL_START);
}
