import type { Calendar } from "./calendar.js";
import { type DateInput, type IsoDate, toEpochDay } from "./date-input.js";
import { CalendarError } from "./errors.js";
import { civilFromDays, daysFromCivil, daysInMonth, formatEpochDay } from "./internal/civil.js";
import { nextOpenDay, previousOpenDay } from "./open-days.js";

/** Unit of a legal period. */
export type PeriodUnit = "day" | "week" | "month" | "year";

/** Options of {@link periodEnd}. */
export interface PeriodEndOptions {
  /** The day the period starts to run from (e.g. the day of receipt or of the event). */
  start: DateInput;
  amount: number;
  unit: PeriodUnit;
  /** 民法140 proviso: the period starts at 00:00 of `start`, so the first day counts. Default false. */
  startsAtMidnight?: boolean;
  /** When given, a last day on a closed day moves to the next open day (行政機関の休日に関する法律§2, 地方自治法§4条の2④). */
  calendar?: Calendar;
}

function checkAmount(amount: number): void {
  if (!Number.isInteger(amount) || amount < 1) {
    throw new CalendarError("INVALID_ARGUMENT", `a period must be a positive integer, not ${amount}`);
  }
}

/** The epoch day `months` months after (or before) `epochDay`, clamped to the month's end; and whether it was clamped. */
function shiftMonths(epochDay: number, months: number): [day: number, clamped: boolean] {
  const { year, month, day } = civilFromDays(epochDay);
  const total = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(total / 12);
  const targetMonth = (total % 12) + 1;
  const length = daysInMonth(targetYear, targetMonth);
  return [daysFromCivil(targetYear, targetMonth, Math.min(day, length)), day > length];
}

/**
 * The last day of a legal period under 民法 140–143: the first day is not counted unless the period
 * starts at 00:00 (140); the period ends at the end of its last day (141); weeks, months and years run
 * by the calendar and end the day before the 応当日, or at the month's end when there is none (143).
 * With a calendar, a last day on a closed day moves to the next open day.
 *
 * @param options - start, amount, unit, startsAtMidnight, calendar
 * @returns the ISO date of the last day (the period ends at 24:00 of that day)
 * @throws {CalendarError} `INVALID_ARGUMENT` unless amount is a positive integer; `INVALID_DATE`
 * @example
 * periodEnd({ start: "2026-04-03", amount: 30, unit: "day" }); // => "2026-05-03"
 * periodEnd({ start: "2026-04-03", amount: 30, unit: "day", calendar: wardCalendar() }); // => "2026-05-07"
 * periodEnd({ start: "2025-01-30", amount: 1, unit: "month" }); // => "2025-02-28"
 */
export function periodEnd(options: PeriodEndOptions): IsoDate {
  const { amount, unit, calendar } = options;
  checkAmount(amount);
  // 起算日: the day after the start, or the start itself when the period begins at midnight.
  const first = toEpochDay(options.start) + (options.startsAtMidnight ? 0 : 1);
  let last: number;
  if (unit === "day" || unit === "week") {
    last = first + amount * (unit === "week" ? 7 : 1) - 1;
  } else if (unit === "month" || unit === "year") {
    const [correspondent, clamped] = shiftMonths(first, amount * (unit === "year" ? 12 : 1));
    // No 応当日 in the last month: the period ends on that month's last day (143② proviso).
    last = clamped ? correspondent : correspondent - 1;
  } else {
    throw new CalendarError("INVALID_ARGUMENT", `unknown period unit: ${String(unit)}`);
  }
  const iso = formatEpochDay(last);
  return calendar ? nextOpenDay(calendar, iso, { inclusive: true }) : iso;
}

/** Options of {@link periodBefore}. */
export interface PeriodBeforeOptions {
  /** The date counted back from (e.g. the start of the contract, the meeting day). */
  reference: DateInput;
  amount: number;
  /** Default "day". */
  unit?: PeriodUnit;
  calendar?: Calendar;
  /** When the result is a closed day of `calendar`: move "earlier" (default), "later", or "keep" it. */
  closedDay?: "earlier" | "later" | "keep";
}

/**
 * The last day to act for a backward period ("N日前までに"): N whole days must lie between the act and the
 * reference, so for days it is reference − N − 1; months and years count back from the day before the
 * reference by the calendar (clamped to a month's end).
 *
 * @param options - reference, amount, unit, calendar, closedDay
 * @returns the ISO date of the last day to act
 * @throws {CalendarError} `INVALID_ARGUMENT` unless amount is a positive integer; `INVALID_DATE`
 * @example
 * periodBefore({ reference: "2025-04-01", amount: 10 }); // => "2025-03-21"
 * periodBefore({ reference: "2025-04-01", amount: 10, calendar: wardCalendar() }); // => "2025-03-21" (Fri)
 */
export function periodBefore(options: PeriodBeforeOptions): IsoDate {
  const { amount, unit = "day", calendar, closedDay = "earlier" } = options;
  checkAmount(amount);
  const dayBefore = toEpochDay(options.reference) - 1;
  let result: number;
  if (unit === "day" || unit === "week") {
    result = dayBefore - amount * (unit === "week" ? 7 : 1);
  } else if (unit === "month" || unit === "year") {
    result = shiftMonths(dayBefore, -amount * (unit === "year" ? 12 : 1))[0];
  } else {
    throw new CalendarError("INVALID_ARGUMENT", `unknown period unit: ${String(unit)}`);
  }
  const iso = formatEpochDay(result);
  if (!calendar || closedDay === "keep") return iso;
  return closedDay === "later"
    ? nextOpenDay(calendar, iso, { inclusive: true })
    : previousOpenDay(calendar, iso, { inclusive: true });
}
