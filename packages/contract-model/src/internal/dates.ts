import { CalendarError, daysInMonth, fromEpochDay, parseWareki, toEpochDay } from "@ward/calendar-jp";

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** Parses `2025-07-01` or wareki text (`令和7年7月1日`); returns undefined when it is neither. */
export function parseDateText(text: string): string | undefined {
  try {
    if (ISO.test(text)) return fromEpochDay(toEpochDay(text));
    return parseWareki(text);
  } catch (error) {
    // Only "not a date" is an answer; anything else is a bug to surface.
    if (error instanceof CalendarError) return undefined;
    throw error;
  }
}

export function addDays(iso: string, days: number): string {
  return fromEpochDay(toEpochDay(iso) + days);
}

const WEEKDAYS_JA = ["月", "火", "水", "木", "金", "土", "日"] as const;

/** 月 … 日 for an ISO date. */
export function weekdayJa(iso: string): string {
  // 1970-01-01 (epoch day 0) was a Thursday.
  const index = (((toEpochDay(iso) + 3) % 7) + 7) % 7;
  return WEEKDAYS_JA[index] as string;
}

export function maxIso(a: string, b: string): string {
  return a > b ? a : b;
}

export function minIso(a: string, b: string): string {
  return a < b ? a : b;
}

export function lastDayOfMonth(year: number, month: number): string {
  return isoOf(year, month, daysInMonth(year, month));
}

export function isoOf(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
