import type { DateTime } from "luxon";
import { type Calendar, compiledOf } from "./calendar.js";
import { type DateInput, type InstantInput, toEpochDay } from "./date-input.js";
import { CalendarError } from "./errors.js";
import { MS_PER_DAY } from "./internal/civil.js";
import {
  CAL_START,
  type CompiledCalendar,
  calendarIndex,
  noOpenDay,
  REASON_OPEN,
} from "./internal/compiled-calendar.js";
import { wallMsOf } from "./internal/instant.js";
import { dateTimeFromWallMs } from "./internal/tokyo-date-time.js";

const MS_PER_MINUTE = 60_000;

/** Business milliseconds elapsed on open days from the table's start up to a Tokyo wall time. */
function businessMsAt(compiled: CompiledCalendar, wallMs: number): number {
  const epochDay = Math.floor(wallMs / MS_PER_DAY);
  const index = calendarIndex(epochDay);
  let total = (compiled.prefix[index] as number) * compiled.dailyMinutes * MS_PER_MINUTE;
  if (compiled.reasons[index] !== REASON_OPEN) return total;
  const msOfDay = wallMs - epochDay * MS_PER_DAY;
  for (const [from, to] of compiled.segments) {
    const start = from * MS_PER_MINUTE;
    const end = to * MS_PER_MINUTE;
    if (msOfDay <= start) break;
    total += Math.min(msOfDay, end) - start;
  }
  return total;
}

/**
 * Whether an instant falls inside the calendar's business hours on an open day (open ≤ t < close,
 * outside breaks), in Asia/Tokyo.
 *
 * @param calendar - the calendar
 * @param instant - a `DateTime`, `Date` or ISO date-time string
 * @returns true inside business hours
 * @throws {CalendarError} `INVALID_INSTANT`; `OUT_OF_RANGE`
 * @example
 * isWithinBusinessHours(wardCalendar(), "2025-12-26T16:59:00+09:00"); // => true
 * isWithinBusinessHours(wardCalendar(), "2025-12-26T17:00:00+09:00"); // => false
 */
export function isWithinBusinessHours(calendar: Calendar, instant: InstantInput): boolean {
  const compiled = compiledOf(calendar);
  const wallMs = wallMsOf(instant);
  const epochDay = Math.floor(wallMs / MS_PER_DAY);
  if (compiled.reasons[calendarIndex(epochDay)] !== REASON_OPEN) return false;
  const minute = (wallMs - epochDay * MS_PER_DAY) / MS_PER_MINUTE;
  return compiled.segments.some(([from, to]) => minute >= from && minute < to);
}

/**
 * Business minutes between two instants (only time inside business hours on open days counts);
 * negative when `to` is before `from`. Fractional when the instants carry seconds.
 *
 * @param calendar - the calendar
 * @param from - start instant
 * @param to - end instant
 * @returns minutes of business time
 * @throws {CalendarError} `INVALID_INSTANT`; `OUT_OF_RANGE`
 * @example
 * businessMinutesBetween(wardCalendar(), "2025-12-26T16:30:00+09:00", "2026-01-05T09:30:00+09:00"); // => 60
 */
export function businessMinutesBetween(calendar: Calendar, from: InstantInput, to: InstantInput): number {
  const compiled = compiledOf(calendar);
  return (businessMsAt(compiled, wallMsOf(to)) - businessMsAt(compiled, wallMsOf(from))) / MS_PER_MINUTE;
}

/**
 * Adds business minutes to an instant. Forward, a result on a boundary is the earliest such instant
 * (17:00 rather than the next 09:00); backward (negative minutes), the latest (09:00 rather than 17:00
 * the day before). Adding 0 returns the instant itself.
 *
 * @param calendar - the calendar
 * @param from - the start instant
 * @param minutes - business minutes, may be negative
 * @returns the instant reached, in Asia/Tokyo
 * @throws {CalendarError} `INVALID_INSTANT`, `INVALID_ARGUMENT`; `OUT_OF_RANGE`
 * @example
 * addBusinessMinutes(wardCalendar(), "2025-12-26T16:30:00+09:00", 60).toISO();
 * // => "2026-01-05T09:30:00.000+09:00"
 */
export function addBusinessMinutes(calendar: Calendar, from: InstantInput, minutes: number): DateTime {
  if (!Number.isFinite(minutes)) {
    throw new CalendarError("INVALID_ARGUMENT", `minutes must be a finite number, not ${minutes}`);
  }
  const compiled = compiledOf(calendar);
  const wallMs = wallMsOf(from);
  if (minutes === 0) return dateTimeFromWallMs(wallMs);
  const dailyMs = compiled.dailyMinutes * MS_PER_MINUTE;
  const target = businessMsAt(compiled, wallMs) + Math.round(minutes * MS_PER_MINUTE);
  const forward = minutes > 0;
  const ordinal = forward ? Math.ceil(target / dailyMs) - 1 : Math.floor(target / dailyMs);
  const index = compiled.openList[ordinal];
  if (index === undefined || target < 0) throw noOpenDay("business time for that many minutes");
  let rest = target - ordinal * dailyMs;
  for (const [start, end] of compiled.segments) {
    const length = (end - start) * MS_PER_MINUTE;
    if (forward ? rest <= length : rest < length) {
      return dateTimeFromWallMs((index + CAL_START) * MS_PER_DAY + start * MS_PER_MINUTE + rest);
    }
    rest -= length;
  }
  throw new CalendarError("INVALID_ARGUMENT", "business hours are empty");
}

/**
 * The instant itself when inside business hours, else the next opening instant (after a break, or the
 * opening of the next open day).
 *
 * @param calendar - the calendar
 * @param instant - the instant
 * @returns a DateTime in Asia/Tokyo
 * @throws {CalendarError} `INVALID_INSTANT`; `OUT_OF_RANGE`
 * @example
 * nextBusinessInstant(wardCalendar(), "2025-12-26T17:01:00+09:00").toISO(); // => "2026-01-05T09:00:00.000+09:00"
 */
export function nextBusinessInstant(calendar: Calendar, instant: InstantInput): DateTime {
  const compiled = compiledOf(calendar);
  const wallMs = wallMsOf(instant);
  const epochDay = Math.floor(wallMs / MS_PER_DAY);
  const index = calendarIndex(epochDay);
  if (compiled.reasons[index] === REASON_OPEN) {
    const msOfDay = wallMs - epochDay * MS_PER_DAY;
    for (const [from, to] of compiled.segments) {
      if (msOfDay < from * MS_PER_MINUTE)
        return dateTimeFromWallMs(epochDay * MS_PER_DAY + from * MS_PER_MINUTE);
      if (msOfDay < to * MS_PER_MINUTE) return dateTimeFromWallMs(wallMs);
    }
  }
  const next = compiled.openList[compiled.prefix[index + 1] as number];
  if (next === undefined) throw noOpenDay("open day after the instant");
  const opening = (compiled.segments[0]?.[0] ?? 0) * MS_PER_MINUTE;
  return dateTimeFromWallMs((next + CAL_START) * MS_PER_DAY + opening);
}

/**
 * The close of business (e.g. 17:00) on a date, in Asia/Tokyo. The date is not checked for being open:
 * combine with `nextOpenDay` or `addOpenDays`.
 *
 * @param calendar - the calendar
 * @param date - the date
 * @returns a DateTime in Asia/Tokyo
 * @throws {CalendarError} `INVALID_DATE`
 * @example
 * closeOfBusiness(wardCalendar(), "2025-12-26").toISO(); // => "2025-12-26T17:00:00.000+09:00"
 */
export function closeOfBusiness(calendar: Calendar, date: DateInput): DateTime {
  const segments = compiledOf(calendar).segments;
  const close = segments[segments.length - 1]?.[1] ?? 0;
  return dateTimeFromWallMs(toEpochDay(date) * MS_PER_DAY + close * MS_PER_MINUTE);
}

/**
 * The opening of business (e.g. 09:00) on a date, in Asia/Tokyo. The date is not checked for being open.
 *
 * @param calendar - the calendar
 * @param date - the date
 * @returns a DateTime in Asia/Tokyo
 * @throws {CalendarError} `INVALID_DATE`
 * @example
 * openOfBusiness(nationalCalendar(), "2025-12-26").toISO(); // => "2025-12-26T08:30:00.000+09:00"
 */
export function openOfBusiness(calendar: Calendar, date: DateInput): DateTime {
  const open = compiledOf(calendar).segments[0]?.[0] ?? 0;
  return dateTimeFromWallMs(toEpochDay(date) * MS_PER_DAY + open * MS_PER_MINUTE);
}

/**
 * Adds business hours to an instant: `addBusinessMinutes(calendar, from, hours * 60)`.
 *
 * @param calendar - the calendar
 * @param from - the start instant
 * @param hours - business hours, may be negative or fractional
 * @returns the instant reached, in Asia/Tokyo
 * @throws {CalendarError} `INVALID_INSTANT`, `INVALID_ARGUMENT`; `OUT_OF_RANGE`
 * @example
 * addBusinessHours(wardCalendar(), "2025-12-26T16:00:00+09:00", 2).toISO(); // => "2026-01-05T10:00:00.000+09:00"
 */
export function addBusinessHours(calendar: Calendar, from: InstantInput, hours: number): DateTime {
  return addBusinessMinutes(calendar, from, hours * 60);
}
