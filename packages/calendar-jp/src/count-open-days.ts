import { type Calendar, compiledOf } from "./calendar.js";
import { type DateInput, toEpochDay } from "./date-input.js";
import { calendarIndex } from "./internal/compiled-calendar.js";

/**
 * Counts open days d with `from < d <= to`; negative (minus the count of `to < d <= from`) when `to` is
 * before `from`. So `addOpenDays(c, a, countOpenDays(c, a, b))` is `previousOpenDay(c, b, { inclusive: true })`
 * when b is after a and the count is positive or a is open.
 *
 * @param calendar - the calendar
 * @param from - the start (excluded)
 * @param to - the end (included)
 * @returns the number of open days
 * @throws {CalendarError} `INVALID_DATE`; `OUT_OF_RANGE` outside 1900–2150
 * @example
 * countOpenDays(wardCalendar(), "2025-12-26", "2026-01-05"); // => 1
 */
export function countOpenDays(calendar: Calendar, from: DateInput, to: DateInput): number {
  const { prefix } = compiledOf(calendar);
  const a = calendarIndex(toEpochDay(from));
  const b = calendarIndex(toEpochDay(to));
  return (prefix[b + 1] as number) - (prefix[a + 1] as number);
}
