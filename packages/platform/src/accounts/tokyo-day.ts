import { DateTime } from "luxon";
import { PlatformError } from "../errors.js";
import { PLATFORM_ZONE } from "../time.js";

/**
 * The instant a Tokyo calendar day begins (00:00 JST): when a move dated that day takes effect.
 *
 * @param date - `YYYY-MM-DD`
 * @returns the instant
 * @throws PlatformError `VALIDATION_FAILED` for anything but a real date
 * @example
 * ```ts
 * startOfTokyoDay("2027-04-01").toISOString(); // "2027-03-31T15:00:00.000Z"
 * ```
 */
export function startOfTokyoDay(date: string): Date {
  const dt = /^\d{4}-\d{2}-\d{2}$/.test(date) ? DateTime.fromISO(date, { zone: PLATFORM_ZONE }) : null;
  if (!dt?.isValid) {
    throw new PlatformError("VALIDATION_FAILED", {
      message: `not a date: ${date}`,
      issues: [{ path: "effectiveDate", message: "発令日は YYYY-MM-DD 形式の日付で入力してください。" }],
    });
  }
  return dt.startOf("day").toJSDate();
}

/**
 * Today's date in Tokyo.
 *
 * @example
 * ```ts
 * tokyoDate(new Date("2027-03-31T15:00:00Z")); // "2027-04-01"
 * ```
 */
export function tokyoDate(instant: Date): string {
  return DateTime.fromJSDate(instant, { zone: PLATFORM_ZONE }).toISODate() ?? "";
}
