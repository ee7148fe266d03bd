import type { NormalizedCalendarPolicy } from "../calendar-policy.js";
import { CalendarError } from "../errors.js";
import { daysFromCivil, daysInMonth, formatEpochDay, parseIsoDay } from "./civil.js";
import { TABLE_START as HOLIDAY_START, type HolidayTableData } from "./holiday-data.js";
import { minutesOf } from "./policy-check.js";

/** Calendars cover 1900-01-01 to 2150-12-31 (holidays only from 1948-07-20). */
export const CAL_START = daysFromCivil(1900, 1, 1);
export const CAL_END = daysFromCivil(2150, 12, 31);

export const REASON_OPEN = 0;
export const REASON_WEEKDAY = 1;
export const REASON_HOLIDAY = 2;
export const REASON_YEAR_END = 3;
export const REASON_ANNUAL = 4;
export const REASON_CLOSURE = 5;

export interface CompiledCalendar {
  /** Index (epochDay − CAL_START) → closed reason, 0 when open. */
  readonly reasons: Uint8Array;
  /** prefix[i] = open days among indices < i (length N + 1). */
  readonly prefix: Int32Array;
  /** Indices of the open days, ascending. */
  readonly openList: Int32Array;
  /** Names of annual and ad-hoc closures by index. */
  readonly names: Map<number, string>;
  readonly holidays: HolidayTableData;
  /** Business segments of an open day, [start, end) in minutes after midnight. */
  readonly segments: readonly (readonly [number, number])[];
  readonly dailyMinutes: number;
}

export function compileCalendar(
  policy: NormalizedCalendarPolicy,
  holidays: HolidayTableData,
): CompiledCalendar {
  const size = CAL_END - CAL_START + 1;
  const reasons = new Uint8Array(size);
  const names = new Map<number, string>();
  const weekdayClosed = [false, false, false, false, false, false, false, false];
  for (const weekday of policy.closedWeekdays) weekdayClosed[weekday] = true;
  const annual = new Map(policy.annualClosures.map((entry) => [entry.date, entry.name]));
  const yearEndFrom = policy.yearEnd ? monthDayKey(policy.yearEnd.from) : -1;
  const yearEndTo = policy.yearEnd ? monthDayKey(policy.yearEnd.to) : -1;
  const yearEndWraps = yearEndFrom > yearEndTo;

  let index = 0;
  let weekday = 1; // 1900-01-01 was a Monday
  for (let year = 1900; year <= 2150; year++) {
    for (let month = 1; month <= 12; month++) {
      const length = daysInMonth(year, month);
      for (let day = 1; day <= length; day++, index++, weekday = weekday === 7 ? 1 : weekday + 1) {
        const key = month * 100 + day;
        const holidayIndex = index + CAL_START - HOLIDAY_START;
        if (policy.nationalHolidays && holidayIndex >= 0 && holidays.byDay[holidayIndex] !== 0) {
          reasons[index] = REASON_HOLIDAY;
        } else if (
          yearEndFrom >= 0 &&
          (yearEndWraps ? key >= yearEndFrom || key <= yearEndTo : key >= yearEndFrom && key <= yearEndTo)
        ) {
          reasons[index] = REASON_YEAR_END;
        } else if (annual.size > 0 && annual.has(monthDay(month, day))) {
          reasons[index] = REASON_ANNUAL;
          names.set(index, annual.get(monthDay(month, day)) as string);
        } else if (weekdayClosed[weekday]) {
          reasons[index] = REASON_WEEKDAY;
        }
      }
    }
  }
  for (const closure of policy.closures) {
    const at = indexOf(closure.date);
    reasons[at] = REASON_CLOSURE;
    names.set(at, closure.name);
  }
  for (const opening of policy.openings) reasons[indexOf(opening.date)] = REASON_OPEN;

  const prefix = new Int32Array(size + 1);
  let open = 0;
  for (let i = 0; i < size; i++) {
    prefix[i] = open;
    if (reasons[i] === REASON_OPEN) open++;
  }
  prefix[size] = open;
  const openList = new Int32Array(open);
  for (let i = 0, k = 0; i < size; i++) if (reasons[i] === REASON_OPEN) openList[k++] = i;

  const segments: [number, number][] = [];
  let cursor = minutesOf(policy.hours.open);
  for (const pause of policy.hours.breaks) {
    segments.push([cursor, minutesOf(pause.from)]);
    cursor = minutesOf(pause.to);
  }
  segments.push([cursor, minutesOf(policy.hours.close)]);
  const dailyMinutes = segments.reduce((sum, [from, to]) => sum + to - from, 0);
  return { reasons, prefix, openList, names, holidays, segments, dailyMinutes };
}

function monthDayKey(text: string): number {
  return Number(text.slice(0, 2)) * 100 + Number(text.slice(3, 5));
}

function monthDay(month: number, day: number): string {
  return `${month < 10 ? "0" : ""}${month}-${day < 10 ? "0" : ""}${day}`;
}

function indexOf(date: string): number {
  const epochDay = parseIsoDay(date);
  if (epochDay < CAL_START || epochDay > CAL_END) {
    throw new CalendarError("INVALID_POLICY", `calendar dates must lie in 1900–2150: ${date}`);
  }
  return epochDay - CAL_START;
}

/** Table index of an epoch day, or OUT_OF_RANGE. */
export function calendarIndex(epochDay: number): number {
  if (epochDay < CAL_START || epochDay > CAL_END) {
    throw new CalendarError(
      "OUT_OF_RANGE",
      `calendars cover 1900-01-01 to 2150-12-31, not ${formatEpochDay(epochDay)}`,
    );
  }
  return epochDay - CAL_START;
}

export function noOpenDay(what: string): CalendarError {
  return new CalendarError("OUT_OF_RANGE", `no ${what} within 1900–2150 (開庁日が見つかりません)`);
}
