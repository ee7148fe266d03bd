// No luxon at run time here: isHoliday and isOpenDay load this module, and browsers bundle it.
import type { DateTime } from "luxon";
import { CalendarError } from "./errors.js";
import {
  civilFromDays,
  daysFromCivil,
  formatEpochDay,
  isValidCivil,
  MS_PER_DAY,
  parseIsoDay,
} from "./internal/civil.js";
import { scanIsoDateTime, scannedOffsetMs } from "./internal/iso-date-time.js";
import { TOKYO_ZONE, tokyoEpochDayOfMs } from "./internal/tokyo.js";

/** An ISO calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

/** A calendar date given as parts. */
export interface DateParts {
  year: number;
  month: number;
  day: number;
}

/**
 * A calendar date: an ISO string, `{ year, month, day }`, a luxon `DateTime` or a JS `Date`.
 * A `DateTime` or `Date` is an instant: its date in Asia/Tokyo is used, never the host's zone.
 */
export type DateInput = IsoDate | DateParts | DateTime | Date;

/**
 * An instant: a luxon `DateTime`, a JS `Date`, or an ISO date-time string. A string with an offset
 * (`2025-12-26T16:30:00+09:00`, `…Z`) is that instant; one without an offset is read as Tokyo wall time.
 */
export type InstantInput = DateTime | Date | string;

/** The IANA zone every date and time of this package is read in. */
export const TOKYO = TOKYO_ZONE as "Asia/Tokyo";

export { MS_PER_DAY } from "./internal/civil.js";
export { TOKYO_OFFSET_MS } from "./internal/tokyo.js";

function invalidDate(input: unknown): CalendarError {
  return new CalendarError(
    "INVALID_DATE",
    `not a valid date: ${describe(input)} (invalid date / 日付が正しくありません)`,
  );
}

function describe(input: unknown): string {
  if (typeof input === "string") return JSON.stringify(input);
  if (input instanceof Date) return "Invalid Date";
  try {
    return JSON.stringify(input) ?? String(input);
  } catch {
    return String(input);
  }
}

/**
 * The epoch day (days since 1970-01-01) of a calendar date.
 *
 * @param input - ISO date, `{ year, month, day }`, luxon `DateTime` or `Date` (read in Asia/Tokyo)
 * @returns the number of days from 1970-01-01 to the date
 * @throws {CalendarError} `INVALID_DATE` when the input is not a valid date
 * @example
 * toEpochDay("2025-07-01"); // => 20270
 */
export function toEpochDay(input: DateInput): number {
  if (typeof input === "string") {
    const epochDay = parseIsoDay(input);
    if (!Number.isNaN(epochDay)) return epochDay;
    return parseDateTimeString(input);
  }
  if (isDateTime(input)) {
    if (!input.isValid) throw invalidDate(input);
    return tokyoEpochDayOfMs(input.toMillis());
  }
  if (input instanceof Date) {
    const ms = input.getTime();
    if (Number.isNaN(ms)) throw invalidDate(input);
    return tokyoEpochDayOfMs(ms);
  }
  if (typeof input === "object" && input !== null) {
    const { year, month, day } = input as DateParts;
    if (isValidCivil(year, month, day)) return daysFromCivil(year, month, day);
  }
  throw invalidDate(input);
}

/** luxon's own test (`DateTime.isDateTime`), without loading luxon. */
export function isDateTime(input: unknown): input is DateTime {
  return (input as { isLuxonDateTime?: unknown } | null)?.isLuxonDateTime === true;
}

// A date-time string with an offset names an instant; its Tokyo date is the calendar date. Without
// an offset it is Tokyo wall time, so its date is the one written (24:00 being the next day's start).
function parseDateTimeString(text: string): number {
  const wallMs = scanIsoDateTime(text);
  if (Number.isNaN(wallMs)) throw invalidDate(text);
  const offsetMs = scannedOffsetMs[0] as number;
  if (Number.isNaN(offsetMs)) return Math.floor(wallMs / MS_PER_DAY);
  return tokyoEpochDayOfMs(wallMs - offsetMs);
}

/**
 * Whether a value is a strict ISO calendar date `YYYY-MM-DD` that exists (years 0001–9999, leap days
 * included); date-time strings, other separators and full-width digits are not.
 *
 * @param value - anything
 * @returns `true` when {@link toEpochDay} reads the value as that plain date
 * @example
 * isIsoDate("2024-02-29"); // => true
 * isIsoDate("2025-02-29"); // => false
 * isIsoDate("2025-07-01T09:00:00+09:00"); // => false
 */
export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === "string" && !Number.isNaN(parseIsoDay(value));
}

/**
 * Normalises any date input to an ISO date string.
 *
 * @param input - ISO date, `{ year, month, day }`, luxon `DateTime` or `Date` (read in Asia/Tokyo)
 * @returns the date as `YYYY-MM-DD`
 * @throws {CalendarError} `INVALID_DATE` when the input is not a valid date
 * @example
 * toIsoDate(new Date("2024-12-31T15:00:00Z")); // => "2025-01-01" (midnight in Tokyo), on any host
 */
export function toIsoDate(input: DateInput): IsoDate {
  return formatEpochDay(toEpochDay(input));
}

/**
 * The ISO date of an epoch day.
 *
 * @param epochDay - days since 1970-01-01 (an integer)
 * @returns the date as `YYYY-MM-DD`
 * @throws {CalendarError} `INVALID_ARGUMENT` when `epochDay` is not an integer in years 1–9999
 * @example
 * fromEpochDay(20270); // => "2025-07-01"
 */
export function fromEpochDay(epochDay: number): IsoDate {
  checkEpochDay(epochDay);
  return formatEpochDay(epochDay);
}

/**
 * The year, month and day of an epoch day, by integer arithmetic (no `Date`, no time zone).
 *
 * @param epochDay - days since 1970-01-01 (an integer)
 * @returns `{ year, month, day }`, month and day 1-based
 * @throws {CalendarError} `INVALID_ARGUMENT` when `epochDay` is not an integer in years 1–9999
 * @example
 * epochDayToParts(20270); // => { year: 2025, month: 7, day: 1 }
 */
export function epochDayToParts(epochDay: number): DateParts {
  checkEpochDay(epochDay);
  return civilFromDays(epochDay);
}

function checkEpochDay(epochDay: number): void {
  if (!Number.isInteger(epochDay) || epochDay < -719_162 || epochDay > 2_932_896) {
    throw new CalendarError("INVALID_ARGUMENT", `not an epoch day in years 1–9999: ${epochDay}`);
  }
}
