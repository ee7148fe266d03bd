import {
  type Calendar,
  type IsoDate,
  lastOpenDayOfMonth,
  wardCalendar,
  yearOfFiscalMonth,
} from "@ward/calendar-jp";
import { z } from "zod";

/** One monthly payment-advice run (支払案内書出力). */
export interface PaymentAdviceRun {
  readonly year: number;
  readonly month: number;
  /** The last open day of the month on the ward calendar. */
  readonly runDate: IsoDate;
}

const fiscalYearSchema = z.number().int().min(1949).max(2149);

/**
 * The payment-advice run date of a month (仕様書 第5-2-(4): 毎月最終営業日): the last open day of the
 * month on the ward calendar (closed Sat, Sun, holidays and 12/29–1/3).
 *
 * @param year - calendar year
 * @param month - 1–12
 * @param calendar - the ward calendar; `wardCalendar()` by default
 * @returns the run date
 * @example
 * paymentAdviceRunDate(2025, 12); // => "2025-12-26" (12/29–31 closed)
 */
export function paymentAdviceRunDate(
  year: number,
  month: number,
  calendar: Calendar = wardCalendar(),
): IsoDate {
  return lastOpenDayOfMonth(calendar, year, month);
}

/**
 * The twelve payment-advice run dates of a fiscal year, April to March.
 *
 * @param fiscalYear - e.g. 2025 for 令和7年度
 * @param calendar - the ward calendar; `wardCalendar()` by default
 * @returns one run per month
 * @example
 * paymentAdviceRuns(2025)[0]; // => { year: 2025, month: 4, runDate: "2025-04-30" }
 */
export function paymentAdviceRuns(
  fiscalYear: number,
  calendar: Calendar = wardCalendar(),
): PaymentAdviceRun[] {
  const fy = fiscalYearSchema.parse(fiscalYear);
  const runs: PaymentAdviceRun[] = [];
  for (let i = 0; i < 12; i++) {
    const month = ((i + 3) % 12) + 1;
    const year = yearOfFiscalMonth(fy, month);
    runs.push({ year, month, runDate: lastOpenDayOfMonth(calendar, year, month) });
  }
  return runs;
}
