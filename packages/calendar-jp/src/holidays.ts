import { type DateInput, toEpochDay } from "./date-input.js";
import { CalendarError } from "./errors.js";
import { formatEpochDay } from "./internal/civil.js";
import {
  type Holiday,
  type HolidayTable,
  holidayTableData,
  LAST_SUPPORTED_YEAR,
  TABLE_END,
  TABLE_START,
} from "./internal/holiday-data.js";

/** Options of the holiday functions. */
export interface HolidayOptions {
  /** A table with run-time changes (see `createHolidayTable`); the law as in force by default. */
  holidays?: HolidayTable;
}

function checkRange(epochDay: number): void {
  if (epochDay > TABLE_END) {
    throw new CalendarError(
      "OUT_OF_RANGE",
      `holidays are known up to ${LAST_SUPPORTED_YEAR}-12-31, not ${formatEpochDay(epochDay)}`,
    );
  }
}

/**
 * The holiday on a date, if any. Dates before 1948-07-20 have none.
 *
 * @param date - the date (a `Date` or `DateTime` is read in Asia/Tokyo)
 * @param options - `holidays`: a table with run-time changes
 * @returns the holiday, or `undefined` on an ordinary day
 * @throws {CalendarError} `INVALID_DATE`; `OUT_OF_RANGE` after 2150-12-31
 * @example
 * holidayOn("2026-05-06"); // => { date: "2026-05-06", name: "振替休日", nameEn: "Substitute Holiday", kind: "substitute", provisional: false }
 */
export function holidayOn(date: DateInput, options?: HolidayOptions): Holiday | undefined {
  const epochDay = toEpochDay(date);
  if (epochDay < TABLE_START) return undefined;
  checkRange(epochDay);
  const data = holidayTableData(options?.holidays);
  const position = data.byDay[epochDay - TABLE_START] as number;
  return position === 0 ? undefined : data.list[position - 1];
}

/**
 * Whether a date is a holiday (祝日, 振替休日, 国民の休日 or a one-off day).
 *
 * @param date - the date (a `Date` or `DateTime` is read in Asia/Tokyo)
 * @param options - `holidays`: a table with run-time changes
 * @returns true on a holiday
 * @throws {CalendarError} `INVALID_DATE`; `OUT_OF_RANGE` after 2150-12-31
 * @example
 * isHoliday("2019-10-22"); // => true (即位礼正殿の儀)
 * isHoliday("2019-10-21"); // => false
 */
export function isHoliday(date: DateInput, options?: HolidayOptions): boolean {
  const { byDay } = holidayTableData(options?.holidays);
  const index = toEpochDay(date) - TABLE_START;
  if (index >= 0 && index < byDay.length) return byDay[index] !== 0;
  if (index < 0) return false;
  checkRange(index + TABLE_START);
  return false;
}

/**
 * The holidays from one date to another, both inclusive, in date order.
 *
 * @param from - first date
 * @param to - last date
 * @param options - `holidays`: a table with run-time changes
 * @returns the holidays (empty when `to` is before `from`)
 * @throws {CalendarError} `INVALID_DATE`; `OUT_OF_RANGE` when `to` is after 2150-12-31
 * @example
 * holidaysBetween("2026-05-01", "2026-05-31").map((h) => h.date);
 * // => ["2026-05-03", "2026-05-04", "2026-05-05", "2026-05-06"]
 */
export function holidaysBetween(from: DateInput, to: DateInput, options?: HolidayOptions): Holiday[] {
  const first = Math.max(toEpochDay(from), TABLE_START);
  const last = toEpochDay(to);
  checkRange(last);
  const data = holidayTableData(options?.holidays);
  const result: Holiday[] = [];
  for (let day = first; day <= last; day++) {
    const position = data.byDay[day - TABLE_START] as number;
    if (position !== 0) result.push(data.list[position - 1] as Holiday);
  }
  return result;
}
