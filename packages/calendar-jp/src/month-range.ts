import type { IsoDate } from "./date-input.js";
import { daysInMonth } from "./days-in-month.js";
import { CalendarError } from "./errors.js";
import { formatCivil } from "./internal/civil.js";

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/**
 * The first and last day of a calendar month, given as `YYYY-MM` or as year and month: the one owner of
 * "the range of a month" that reports, screens and CLIs share.
 *
 * @param month - `YYYY-MM` (e.g. `2027-02`), or the year when `monthNumber` is given
 * @param monthNumber - the month 1–12, when `month` is a year
 * @returns `{ from, to }`, both inclusive
 * @throws {CalendarError} `INVALID_ARGUMENT` for anything but `YYYY-MM` or a year 1–9999 and month 1–12
 * @example
 * monthRange("2027-02"); // => { from: "2027-02-01", to: "2027-02-28" }
 * monthRange(2028, 2); // => { from: "2028-02-01", to: "2028-02-29" }
 */
export function monthRange(month: string | number, monthNumber?: number): { from: IsoDate; to: IsoDate } {
  let year: number;
  let m: number;
  if (typeof month === "string") {
    const match = MONTH.exec(month);
    if (!match || monthNumber !== undefined) {
      throw new CalendarError(
        "INVALID_ARGUMENT",
        `not a month: ${JSON.stringify(month)} (expected YYYY-MM)`,
        {
          messageJa: `月の指定が正しくありません（例: 2026-05）: ${month}`,
          details: { input: month },
        },
      );
    }
    year = Number(match[1]);
    m = Number(match[2]);
  } else {
    year = month;
    m = monthNumber ?? Number.NaN;
  }
  const last = daysInMonth(year, m);
  return { from: formatCivil(year, m, 1) as IsoDate, to: formatCivil(year, m, last) as IsoDate };
}
