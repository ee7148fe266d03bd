import { CalendarError } from "./errors.js";
import { daysInMonth as civilDaysInMonth } from "./internal/civil.js";

/**
 * The number of days in a month of the proleptic Gregorian calendar (leap years: every 4th, not every
 * 100th, but every 400th).
 *
 * @param year - the year, an integer 1–9999
 * @param month - the month, an integer 1–12
 * @returns 28, 29, 30 or 31
 * @throws {CalendarError} `INVALID_ARGUMENT` when the year or month is out of range or not an integer
 * @example
 * daysInMonth(2024, 2); // => 29
 * daysInMonth(2025, 4); // => 30
 */
export function daysInMonth(year: number, month: number): number {
  if (
    !Number.isInteger(year) ||
    year < 1 ||
    year > 9999 ||
    !Number.isInteger(month) ||
    month < 1 ||
    month > 12
  ) {
    throw new CalendarError("INVALID_ARGUMENT", `not a month in years 1–9999: ${year}-${month}`);
  }
  return civilDaysInMonth(year, month);
}
