import { type Calendar, compiledOf } from "./calendar.js";
import { type DateInput, type IsoDate, toEpochDay } from "./date-input.js";
import { CalendarError } from "./errors.js";
import { formatEpochDay } from "./internal/civil.js";
import { CAL_START, calendarIndex, noOpenDay } from "./internal/compiled-calendar.js";

/**
 * Adds (or subtracts) open days: `n > 0` gives the n-th open day strictly after the date, `n < 0` the
 * |n|-th open day strictly before it, `n = 0` the date itself if open, else the next open day.
 * O(1): a lookup in the calendar's prefix sums.
 *
 * @param calendar - the calendar
 * @param date - the starting date
 * @param n - an integer number of open days
 * @returns the ISO date reached
 * @throws {CalendarError} `INVALID_ARGUMENT` when n is not an integer; `OUT_OF_RANGE` past 1900–2150
 * @example
 * addOpenDays(wardCalendar(), "2026-01-05", -2); // => "2025-12-25"
 * addOpenDays(wardCalendar(), "2025-12-26", 1); // => "2026-01-05"
 */
export function addOpenDays(calendar: Calendar, date: DateInput, n: number): IsoDate {
  if (!Number.isInteger(n))
    throw new CalendarError("INVALID_ARGUMENT", `open days must be an integer, not ${n}`);
  const index = calendarIndex(toEpochDay(date));
  const { prefix, openList } = compiledOf(calendar);
  const position = n > 0 ? (prefix[index + 1] as number) + n - 1 : (prefix[index] as number) + n;
  const found = openList[position];
  if (found === undefined) throw noOpenDay(`${n}th open day from the date`);
  return formatEpochDay(found + CAL_START);
}

/**
 * Subtracts open days: the same as `addOpenDays(calendar, date, -n)`.
 *
 * @param calendar - the calendar
 * @param date - the reference date
 * @param n - an integer number of open days
 * @returns the ISO date reached
 * @throws {CalendarError} `INVALID_ARGUMENT`; `OUT_OF_RANGE`
 * @example
 * subtractOpenDays(wardCalendar(), "2026-05-07", 2); // => "2026-04-30"
 */
export function subtractOpenDays(calendar: Calendar, date: DateInput, n: number): IsoDate {
  return addOpenDays(calendar, date, -n);
}
