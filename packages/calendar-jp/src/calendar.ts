// No zod here: isOpenDay and the preset calendars load this module, and browsers bundle it.
import type { BusinessHours, CalendarPolicy, NormalizedCalendarPolicy } from "./calendar-policy.js";
import { CalendarError } from "./errors.js";
import { type CompiledCalendar, compileCalendar } from "./internal/compiled-calendar.js";
import { stableHash } from "./internal/hash.js";
import { type HolidayTable, holidayTableData } from "./internal/holiday-data.js";
import { normalizePolicy, policyIssue } from "./internal/policy-check.js";

/** A compiled closed-day calendar. Immutable; build it with {@link createCalendar} or a preset. */
export interface Calendar {
  readonly id: string;
  /** Stable hash of the normalised policy and the holiday table; changes when anything changes. */
  readonly version: string;
  /** The normalised, serialisable policy (JSON.stringify it to store the calendar). */
  readonly policy: NormalizedCalendarPolicy;
}

const COMPILED = Symbol("compiledCalendar");
const REASONS = Symbol("closedReasons");
type CalendarWithTables = Calendar & {
  readonly [COMPILED]: CompiledCalendar;
  readonly [REASONS]: Uint8Array;
};

/** Options of {@link createCalendar}. */
export interface CreateCalendarOptions {
  /** A holiday table with run-time changes (see `createHolidayTable`). */
  holidays?: HolidayTable;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/** Compiles a policy already validated (by `calendarPolicySchema`, `policyIssue` or as a constant). */
export function buildCalendar(policy: CalendarPolicy, options: CreateCalendarOptions = {}): Calendar {
  const holidayData = holidayTableData(options.holidays);
  const normalized = deepFreeze(normalizePolicy(policy));
  const holidaysVersion = options.holidays?.version ?? "default";
  // Compiled now, so a closure outside 1900–2150 fails here rather than on first use.
  const compiled = compileCalendar(normalized, holidayData);
  const calendar: Calendar = {
    id: normalized.id,
    version: stableHash(JSON.stringify([normalized, holidaysVersion])),
    policy: normalized,
  };
  // Added one by one rather than as computed keys in the literal, which leaves V8 a slow dictionary object.
  const writable = calendar as { [COMPILED]?: CompiledCalendar; [REASONS]?: Uint8Array };
  writable[COMPILED] = compiled;
  writable[REASONS] = compiled.reasons;
  return Object.freeze(calendar);
}

export function compiledOf(calendar: Calendar): CompiledCalendar {
  const compiled = (calendar as Partial<CalendarWithTables>)[COMPILED];
  if (compiled === undefined) {
    throw new CalendarError("INVALID_ARGUMENT", "not a calendar: build one with createCalendar()");
  }
  return compiled;
}

/** The closed-reason table alone, one property load away: the hot path of `isOpenDay`. */
export function reasonsOf(calendar: Calendar): Uint8Array {
  const reasons = (calendar as Partial<CalendarWithTables>)[REASONS];
  return reasons === undefined ? compiledOf(calendar).reasons : reasons;
}

let national: Calendar | undefined;
let bank: Calendar | undefined;
let ward: Calendar | undefined;

/**
 * The calendar of national administrative organs (行政機関の休日に関する法律 §1): Saturdays, Sundays,
 * national holidays and 12/29–1/3 closed; open 08:30–17:15.
 *
 * @returns the shared calendar (id `national`)
 * @example
 * isOpenDay(nationalCalendar(), "2026-01-04"); // => false (Sunday)
 */
export function nationalCalendar(): Calendar {
  national ??= buildCalendar({
    id: "national",
    name: "行政機関の休日",
    yearEnd: { from: "12-29", to: "01-03" },
    hours: { open: "08:30", close: "17:15" },
  });
  return national;
}

/** Options of {@link wardCalendar}. */
export interface WardCalendarOptions {
  id?: string;
  name?: string;
  /** The ordinance's year-end days; default 12/29–1/3 (some use 12/30–1/4). */
  yearEnd?: { from: string; to: string };
  /** Days closed every year under 地方自治法§4条の2③. */
  annualClosures?: { date: string; name: string }[];
  hours?: BusinessHours;
  closures?: { date: string; name: string }[];
  openings?: { date: string; name: string }[];
  holidays?: HolidayTable;
}

/**
 * A municipality's calendar (地方自治法 §4条の2): Saturdays, Sundays, national holidays and its
 * ordinance's year-end days (default 12/29–1/3) closed; open 09:00–17:00 unless `hours` says otherwise.
 *
 * @param options - id, name, year-end days, annual and ad-hoc closures, openings (休日開庁), hours
 * @returns the calendar (id `ward` by default)
 * @throws {CalendarError} `INVALID_POLICY` on malformed options
 * @example
 * const ward = wardCalendar({ id: "nerima-ward", name: "練馬区" });
 * lastOpenDayOfMonth(ward, 2025, 12); // => "2025-12-26"
 */
export function wardCalendar(options: WardCalendarOptions = {}): Calendar {
  const { holidays, ...rest } = options;
  const isDefault = Object.keys(options).length === 0;
  if (isDefault && ward !== undefined) return ward;
  const policy: CalendarPolicy = {
    id: rest.id ?? "ward",
    name: rest.name ?? "自治体の休日",
    yearEnd: rest.yearEnd ?? { from: "12-29", to: "01-03" },
    hours: rest.hours ?? { open: "09:00", close: "17:00" },
  };
  if (rest.annualClosures) policy.annualClosures = rest.annualClosures;
  if (rest.closures) policy.closures = rest.closures;
  if (rest.openings) policy.openings = rest.openings;
  if (!isDefault) {
    const issue = policyIssue(policy as unknown as Record<string, unknown>);
    if (issue !== undefined) throw new CalendarError("INVALID_POLICY", `invalid calendar policy: ${issue}`);
  }
  const calendar = buildCalendar(policy, holidays ? { holidays } : {});
  if (isDefault) ward = calendar;
  return calendar;
}

/**
 * A bank calendar: Saturdays, Sundays, national holidays and 12/31–1/3 closed; open 09:00–15:00.
 *
 * @returns the shared calendar (id `bank`)
 * @example
 * isOpenDay(bankCalendar(), "2025-12-30"); // => true (the ward is closed, the bank is not)
 */
export function bankCalendar(): Calendar {
  bank ??= buildCalendar({
    id: "bank",
    name: "銀行の休業日",
    yearEnd: { from: "12-31", to: "01-03" },
    hours: { open: "09:00", close: "15:00" },
  });
  return bank;
}
