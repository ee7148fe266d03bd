import { type DateInput, type IsoDate, toEpochDay } from "./date-input.js";
import { CalendarError } from "./errors.js";
import { civilFromDays, formatCivil } from "./internal/civil.js";
import { parseJapaneseNumber } from "./internal/kanji-numerals.js";
import { ERAS, toWareki } from "./wareki.js";

// 年度 starts in April (地方自治法第208条).
const FIRST_MONTH = 4;

function checkFiscalYear(fiscalYear: number): void {
  if (!Number.isInteger(fiscalYear) || fiscalYear < 1 || fiscalYear > 9998) {
    throw new CalendarError("INVALID_ARGUMENT", `not a fiscal year: ${fiscalYear}`);
  }
}

/**
 * The Japanese fiscal year (年度) a date belongs to: April to March, named by the year it starts in.
 *
 * @param date - the date
 * @returns the starting year of the fiscal year
 * @throws {CalendarError} `INVALID_DATE`
 * @example
 * fiscalYearOf("2026-03-31"); // => 2025 (令和7年度)
 */
export function fiscalYearOf(date: DateInput): number {
  const { year, month } = civilFromDays(toEpochDay(date));
  return month >= FIRST_MONTH ? year : year - 1;
}

/**
 * The calendar year in which a month of a fiscal year falls: April–December in the year the fiscal year is
 * named by, January–March in the next. The one owner of the April rule besides {@link fiscalYearOf}.
 *
 * @param fiscalYear - the fiscal year (its starting year)
 * @param month - the month, 1–12
 * @returns the calendar year
 * @throws {CalendarError} `INVALID_ARGUMENT` for a bad fiscal year or month
 * @example
 * yearOfFiscalMonth(2025, 5); // => 2025
 * yearOfFiscalMonth(2025, 3); // => 2026 (令和7年度の3月)
 */
export function yearOfFiscalMonth(fiscalYear: number, month: number): number {
  checkFiscalYear(fiscalYear);
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new CalendarError("INVALID_ARGUMENT", `not a month: ${month}`);
  }
  return month >= FIRST_MONTH ? fiscalYear : fiscalYear + 1;
}

/**
 * The first and last day of a fiscal year.
 *
 * @param fiscalYear - the fiscal year (its starting year)
 * @returns `{ start, end }`, both inclusive
 * @throws {CalendarError} `INVALID_ARGUMENT`
 * @example
 * fiscalYearRange(2025); // => { start: "2025-04-01", end: "2026-03-31" }
 */
export function fiscalYearRange(fiscalYear: number): { start: IsoDate; end: IsoDate } {
  checkFiscalYear(fiscalYear);
  return { start: formatCivil(fiscalYear, 4, 1), end: formatCivil(fiscalYear + 1, 3, 31) };
}

/**
 * The 出納整理期間 of a fiscal year (地方自治法§235条の5): April 1 to May 31 after it ends.
 *
 * @param fiscalYear - the fiscal year
 * @returns `{ start, end }`, both inclusive
 * @throws {CalendarError} `INVALID_ARGUMENT`
 * @example
 * closingPeriodRange(2025); // => { start: "2026-04-01", end: "2026-05-31" }
 */
export function closingPeriodRange(fiscalYear: number): { start: IsoDate; end: IsoDate } {
  checkFiscalYear(fiscalYear);
  return { start: formatCivil(fiscalYear + 1, 4, 1), end: formatCivil(fiscalYear + 1, 5, 31) };
}

/**
 * The fiscal years whose accounts are open on a date: the current one, and during the 出納整理期間
 * (April 1 – May 31) also the previous one.
 *
 * @param date - the date
 * @returns the fiscal years, oldest first
 * @throws {CalendarError} `INVALID_DATE`
 * @example
 * openFiscalYears("2026-05-31"); // => [2025, 2026]
 * openFiscalYears("2026-06-01"); // => [2026]
 */
export function openFiscalYears(date: DateInput): number[] {
  const { year, month } = civilFromDays(toEpochDay(date));
  if (month === 4 || month === 5) return [year - 1, year];
  return [month >= FIRST_MONTH ? year : year - 1];
}

/**
 * Names a fiscal year in wareki, by the era in force at the end of its first calendar year
 * (2019 → 令和元年度, 1989 → 平成元年度).
 *
 * @param fiscalYear - the fiscal year
 * @returns e.g. `令和7年度`
 * @throws {CalendarError} `INVALID_ARGUMENT`; `OUT_OF_RANGE` before 明治6
 * @example
 * formatFiscalYear(2025); // => "令和7年度"
 */
export function formatFiscalYear(fiscalYear: number): string {
  checkFiscalYear(fiscalYear);
  const { era, year } = toWareki(formatCivil(fiscalYear, 12, 31));
  return `${era.name}${year === 1 ? "元" : year}年度`;
}

/**
 * Parses a fiscal year written as 令和7年度, 令和元年度, R7年度, full-width or kanji digits, or 2025年度.
 *
 * @param text - the text
 * @param options - `lenient`: accept era years past the era's end (平成32年度 → 2020)
 * @returns the fiscal year (its starting year)
 * @throws {CalendarError} `INVALID_WAREKI` on malformed text or an era year outside the era
 * @example
 * parseFiscalYear("令和7年度"); // => 2025
 * fiscalYearRange(parseFiscalYear("令和７年度")); // => { start: "2025-04-01", end: "2026-03-31" }
 */
export function parseFiscalYear(text: string, options?: { lenient?: boolean }): number {
  const normalized = text.normalize("NFKC").trim();
  const match =
    /^(明治|大正|昭和|平成|令和|[明大昭平令MTSHR])?\s*(元|\d+|[〇零一二三四五六七八九十百]+)\s*年度$/i.exec(
      normalized,
    );
  const fail = (why: string): CalendarError =>
    new CalendarError("INVALID_WAREKI", `not a fiscal year: ${JSON.stringify(text)} (${why})`);
  if (!match) throw fail("expected e.g. 令和7年度");
  const [, eraToken, numberText = ""] = match;
  const value = numberText === "元" ? 1 : parseJapaneseNumber(numberText);
  if (eraToken === undefined) {
    if (!(value >= 1 && value <= 9998) || numberText === "元") throw fail("not a year");
    return value;
  }
  const upper = eraToken.toUpperCase();
  const index = ERAS.findIndex(
    (era) => era.name === eraToken || era.name[0] === eraToken || era.letter === upper,
  );
  const era = ERAS[index];
  if (era === undefined) throw fail(`unknown era ${eraToken}`);
  if (!(value >= 1)) throw fail("the era year starts at 1 (元年度)");
  const fiscalYear = era.firstYear + value - 1;
  const next = ERAS[index + 1];
  if (!options?.lenient && next !== undefined && fiscalYear > next.firstYear) {
    throw fail(`outside the ${era.name} era`);
  }
  return fiscalYear;
}
