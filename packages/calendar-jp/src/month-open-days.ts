import { type Calendar, compiledOf } from "./calendar.js";
import type { IsoDate } from "./date-input.js";
import { CalendarError } from "./errors.js";
import { daysFromCivil, daysInMonth, formatEpochDay } from "./internal/civil.js";
import { CAL_START, calendarIndex } from "./internal/compiled-calendar.js";

function monthBounds(year: number, month: number): [first: number, last: number] {
  if (!Number.isInteger(year) || !Number.isInteger(month) || month < 1 || month > 12) {
    throw new CalendarError("INVALID_DATE", `not a month: ${year}-${month}`);
  }
  return [
    calendarIndex(daysFromCivil(year, month, 1)),
    calendarIndex(daysFromCivil(year, month, daysInMonth(year, month))),
  ];
}

/**
 * The n-th open day of a month; `n < 0` counts from the end (-1 is the last open day).
 *
 * @param calendar - the calendar
 * @param year - Gregorian year
 * @param month - 1–12
 * @param n - a non-zero integer
 * @returns the ISO date
 * @throws {CalendarError} `NO_OPEN_DAY` when the month has fewer than |n| open days; `INVALID_ARGUMENT` for n = 0
 * @example
 * nthOpenDayOfMonth(wardCalendar(), 2026, 1, 1); // => "2026-01-05"
 * nthOpenDayOfMonth(wardCalendar(), 2025, 12, -2); // => "2025-12-25"
 */
export function nthOpenDayOfMonth(calendar: Calendar, year: number, month: number, n: number): IsoDate {
  if (!Number.isInteger(n) || n === 0) {
    throw new CalendarError("INVALID_ARGUMENT", `n must be a non-zero integer, not ${n}`);
  }
  const [first, last] = monthBounds(year, month);
  const { prefix, openList } = compiledOf(calendar);
  const position = n > 0 ? (prefix[first] as number) + n - 1 : (prefix[last + 1] as number) + n;
  const found = openList[position];
  if (found === undefined || found < first || found > last) {
    throw new CalendarError(
      "NO_OPEN_DAY",
      `${year}-${month} has no open day number ${n} in calendar ${calendar.id} (該当する開庁日がありません)`,
    );
  }
  return formatEpochDay(found + CAL_START);
}

/**
 * The first open day of a month.
 *
 * @param calendar - the calendar
 * @param year - Gregorian year
 * @param month - 1–12
 * @returns the ISO date
 * @throws {CalendarError} `NO_OPEN_DAY` when the month has no open day
 * @example
 * firstOpenDayOfMonth(wardCalendar(), 2026, 1); // => "2026-01-05"
 */
export function firstOpenDayOfMonth(calendar: Calendar, year: number, month: number): IsoDate {
  return nthOpenDayOfMonth(calendar, year, month, 1);
}

/**
 * The last open day of a month (e.g. the 支払案内書 run).
 *
 * @param calendar - the calendar
 * @param year - Gregorian year
 * @param month - 1–12
 * @returns the ISO date
 * @throws {CalendarError} `NO_OPEN_DAY` when the month has no open day
 * @example
 * lastOpenDayOfMonth(wardCalendar(), 2026, 5); // => "2026-05-29"
 */
export function lastOpenDayOfMonth(calendar: Calendar, year: number, month: number): IsoDate {
  return nthOpenDayOfMonth(calendar, year, month, -1);
}
