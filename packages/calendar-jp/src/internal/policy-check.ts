// The closed-day policy's value rules, without zod: wardCalendar() checks its options with these, so a
// browser bundle of isOpenDay and wardCalendar carries no zod; calendarPolicySchema refines with the same.
import type { CalendarPolicy, NormalizedCalendarPolicy } from "../calendar-policy.js";
import { isIsoDate } from "../date-input.js";
import { daysInMonth } from "./civil.js";

export function minutesOf(text: string): number {
  return Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5));
}

/** `MM-DD` naming a day of the year (02-29 included). */
export function isMonthDay(text: unknown): boolean {
  if (typeof text !== "string" || !/^\d{2}-\d{2}$/.test(text)) return false;
  const month = Number(text.slice(0, 2));
  const day = Number(text.slice(3, 5));
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(2000, month);
}

/** `HH:mm` from 00:00 to 24:00. */
export function isTimeOfDay(text: unknown): boolean {
  return typeof text === "string" && /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/.test(text);
}

/** What is wrong with the order of business hours whose times are valid, or undefined. */
export function hoursOrderIssue(hours: {
  open: string;
  close: string;
  breaks?: readonly { from: string; to: string }[] | undefined;
}): { message: string; path: (string | number)[] } | undefined {
  let cursor = minutesOf(hours.open);
  if (minutesOf(hours.close) <= cursor) return { message: "close must be after open", path: ["close"] };
  for (const [index, pause] of (hours.breaks ?? []).entries()) {
    const from = minutesOf(pause.from);
    const to = minutesOf(pause.to);
    if (from <= cursor || to <= from || to >= minutesOf(hours.close)) {
      return {
        message: "breaks must be ordered, non-overlapping and strictly inside open–close",
        path: ["breaks", index],
      };
    }
    cursor = to;
  }
  return undefined;
}

const isName = (value: unknown): boolean => typeof value === "string" && value.length > 0;
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function listIssue(
  value: unknown,
  key: string,
  isDate: (date: unknown) => boolean,
  expected: string,
): string | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) return `${key}: expected an array`;
  for (const [index, entry] of value.entries()) {
    if (!isObject(entry) || !isDate(entry.date)) return `${key}.${index}.date: expected ${expected}`;
    if (!isName(entry.name)) return `${key}.${index}.name: expected a non-empty name`;
  }
  return undefined;
}

/**
 * The first problem with a policy's values, or undefined: the rules of `calendarPolicySchema` except
 * unknown keys, for options that TypeScript has already shaped.
 */
export function policyIssue(policy: Record<string, unknown>): string | undefined {
  if (!isName(policy.id)) return "id: expected a non-empty string";
  if (policy.name !== undefined && typeof policy.name !== "string") return "name: expected a string";
  const weekdays = policy.closedWeekdays;
  if (
    weekdays !== undefined &&
    (!Array.isArray(weekdays) || !weekdays.every((d) => Number.isInteger(d) && d >= 1 && d <= 7))
  ) {
    return "closedWeekdays: expected ISO weekdays 1–7";
  }
  if (policy.nationalHolidays !== undefined && typeof policy.nationalHolidays !== "boolean") {
    return "nationalHolidays: expected a boolean";
  }
  const yearEnd = policy.yearEnd;
  if (yearEnd !== undefined && yearEnd !== null) {
    if (!isObject(yearEnd) || !isMonthDay(yearEnd.from) || !isMonthDay(yearEnd.to)) {
      return "yearEnd: expected { from: MM-DD, to: MM-DD }";
    }
  }
  const issue =
    listIssue(policy.annualClosures, "annualClosures", isMonthDay, "MM-DD") ??
    listIssue(policy.closures, "closures", isIsoDate, "a YYYY-MM-DD date") ??
    listIssue(policy.openings, "openings", isIsoDate, "a YYYY-MM-DD date");
  if (issue !== undefined) return issue;
  const hours = policy.hours;
  if (hours === undefined) return undefined;
  if (!isObject(hours) || !isTimeOfDay(hours.open) || !isTimeOfDay(hours.close)) {
    return "hours: expected { open: HH:mm, close: HH:mm }";
  }
  const breaks = hours.breaks;
  if (
    breaks !== undefined &&
    (!Array.isArray(breaks) ||
      !breaks.every((pause) => isObject(pause) && isTimeOfDay(pause.from) && isTimeOfDay(pause.to)))
  ) {
    return "hours.breaks: expected [{ from: HH:mm, to: HH:mm }]";
  }
  const order = hoursOrderIssue(
    hours as { open: string; close: string; breaks?: { from: string; to: string }[] },
  );
  return order === undefined ? undefined : `hours.${order.path.join(".")}: ${order.message}`;
}

const byDate = (a: { date: string }, b: { date: string }): number =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : 0;

export function normalizePolicy(policy: CalendarPolicy): NormalizedCalendarPolicy {
  const normalized: NormalizedCalendarPolicy = {
    id: policy.id,
    closedWeekdays: [...new Set(policy.closedWeekdays ?? [6, 7])].sort((a, b) => a - b),
    nationalHolidays: policy.nationalHolidays ?? true,
    yearEnd: policy.yearEnd === undefined ? { from: "12-29", to: "01-03" } : policy.yearEnd,
    annualClosures: [...(policy.annualClosures ?? [])].sort(byDate),
    closures: [...(policy.closures ?? [])].sort(byDate),
    openings: [...(policy.openings ?? [])].sort(byDate),
    hours: {
      open: policy.hours?.open ?? "09:00",
      close: policy.hours?.close ?? "17:00",
      breaks: [...(policy.hours?.breaks ?? [])],
    },
  };
  if (policy.name !== undefined) normalized.name = policy.name;
  return normalized;
}
