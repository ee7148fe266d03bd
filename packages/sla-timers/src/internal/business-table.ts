import { type Calendar, fromEpochDay, isOpenDay, MS_PER_DAY, TOKYO_OFFSET_MS } from "@ward/calendar-jp";
import { SlaTimersError } from "../errors.js";
import { minutesOfHhmm } from "./hhmm.js";

/**
 * Precomputed open days and business hours of one calendar over a span of epoch days, so that business
 * time is integer arithmetic: local ms = epoch ms + 9 h (Asia/Tokyo has no DST), day = floor(local / 1 day).
 */
export interface BusinessTable {
  readonly calendar: Calendar;
  /** First epoch day covered. */
  base: number;
  /** Days covered. */
  length: number;
  /** 1 when the day is open. */
  open: Uint8Array;
  /** Open days strictly before each day (length + 1 entries). */
  cumOpen: Int32Array;
  /** Day offsets of the open days, in order. */
  openDays: Int32Array;
  /** Business segments of an open day, as [start, end) ms after local midnight, flattened. */
  readonly segments: readonly number[];
  /** Business ms of one open day. */
  readonly dayMs: number;
  /** Close of business, ms after local midnight. */
  readonly closeMs: number;
  /** Open of business, ms after local midnight. */
  readonly openMs: number;
}

const tables = new WeakMap<Calendar, BusinessTable>();

/** [open, break from, break to, …, close] in ms: calendar-jp's policy schema keeps breaks ordered and strictly inside open–close. */
function segmentsOf(calendar: Calendar): number[] {
  const { open, close, breaks } = calendar.policy.hours;
  const segments = [minutesOfHhmm(open) * 60_000];
  for (const pause of breaks)
    segments.push(minutesOfHhmm(pause.from) * 60_000, minutesOfHhmm(pause.to) * 60_000);
  segments.push(minutesOfHhmm(close) * 60_000);
  return segments;
}

function fill(table: BusinessTable, base: number, length: number): void {
  const open = new Uint8Array(length);
  const cumOpen = new Int32Array(length + 1);
  const openDays: number[] = [];
  for (let i = 0; i < length; i++) {
    cumOpen[i] = openDays.length;
    if (isOpenDay(table.calendar, fromEpochDay(base + i))) {
      open[i] = 1;
      openDays.push(i);
    }
  }
  cumOpen[length] = openDays.length;
  table.base = base;
  table.length = length;
  table.open = open;
  table.cumOpen = cumOpen;
  table.openDays = Int32Array.from(openDays);
}

/** Business segments, business ms per open day, open and close (ms after local midnight) of a calendar. */
export function businessHoursOf(calendar: Calendar): {
  segments: number[];
  dayMs: number;
  openMs: number;
  closeMs: number;
} {
  const segments = segmentsOf(calendar);
  let dayMs = 0;
  for (let i = 0; i < segments.length; i += 2) dayMs += (segments[i + 1] ?? 0) - (segments[i] ?? 0);
  if (dayMs <= 0)
    throw new SlaTimersError("UNKNOWN_CALENDAR", `calendar "${calendar.id}" has no business hours`);
  return { segments, dayMs, openMs: segments[0] ?? 0, closeMs: segments[segments.length - 1] ?? 0 };
}

/** The table of a calendar, built on first use and widened to cover [fromDay, toDay]. */
export function businessTable(calendar: Calendar, fromDay: number, toDay: number): BusinessTable {
  let table = tables.get(calendar);
  if (table === undefined) {
    table = {
      calendar,
      base: 0,
      length: 0,
      open: new Uint8Array(0),
      cumOpen: new Int32Array(1),
      openDays: new Int32Array(0),
      ...businessHoursOf(calendar),
    };
    tables.set(calendar, table);
    // Start with a generous span so most evaluations never rebuild.
    fill(table, fromDay - 366, toDay - fromDay + 366 * 6);
  } else if (fromDay < table.base || toDay >= table.base + table.length) {
    const start = Math.min(fromDay - 366, table.base);
    const end = Math.max(toDay + 366 * 4, table.base + table.length);
    fill(table, start, end - start);
  }
  if (table.openDays.length === 0) {
    throw new SlaTimersError(
      "NO_OPEN_DAY",
      `calendar "${calendar.id}" has no open day near the dates asked`,
      {
        details: { calendar: calendar.id },
      },
    );
  }
  return table;
}

export function localMs(epochMs: number): number {
  return epochMs + TOKYO_OFFSET_MS;
}

/** Business ms inside one open day up to `msInDay`. */
function withinDay(table: BusinessTable, msInDay: number): number {
  const s = table.segments;
  let total = 0;
  for (let i = 0; i < s.length; i += 2) {
    const a = s[i] as number;
    const b = s[i + 1] as number;
    if (msInDay <= a) break;
    total += Math.min(msInDay, b) - a;
  }
  return total;
}

/** Business ms from the table base to the instant (monotone). Caller guarantees coverage. */
export function businessClock(table: BusinessTable, epochMs: number): number {
  const local = epochMs + TOKYO_OFFSET_MS;
  const day = Math.floor(local / MS_PER_DAY);
  const i = day - table.base;
  const before = (table.cumOpen[i] as number) * table.dayMs;
  return table.open[i] === 1 ? before + withinDay(table, local - day * MS_PER_DAY) : before;
}

/** The earliest instant whose business clock reaches `target` (> 0); undefined when beyond the table. */
export function businessInstant(table: BusinessTable, target: number): number | undefined {
  const ordinal = Math.ceil(target / table.dayMs); // 1-based open day
  const dayOffset = table.openDays[ordinal - 1];
  if (dayOffset === undefined || ordinal < 1) return undefined;
  let rest = target - (ordinal - 1) * table.dayMs;
  const s = table.segments;
  let msInDay = table.closeMs;
  for (let i = 0; i < s.length; i += 2) {
    const length = (s[i + 1] as number) - (s[i] as number);
    if (rest <= length) {
      msInDay = (s[i] as number) + rest;
      break;
    }
    rest -= length;
  }
  return (table.base + dayOffset) * MS_PER_DAY + msInDay - TOKYO_OFFSET_MS;
}

/** Count of open-day ticks (at `tickMs` after local midnight of each open day) at or before the instant. */
export function openDayTicks(table: BusinessTable, epochMs: number, tickMs: number): number {
  const local = epochMs + TOKYO_OFFSET_MS;
  const day = Math.floor(local / MS_PER_DAY);
  const i = day - table.base;
  const before = table.cumOpen[i] as number;
  return table.open[i] === 1 && local - day * MS_PER_DAY >= tickMs ? before + 1 : before;
}

/** Epoch day of the n-th (1-based) open day of the table; undefined when beyond it. */
export function openDayOfOrdinal(table: BusinessTable, ordinal: number): number | undefined {
  const offset = table.openDays[ordinal - 1];
  return offset === undefined || ordinal < 1 ? undefined : table.base + offset;
}

/** The epoch day itself when open, else the next open day; undefined when beyond the table. */
export function openDayOnOrAfter(table: BusinessTable, epochDay: number): number | undefined {
  const i = epochDay - table.base;
  if (i < 0 || i >= table.length) return undefined;
  return table.open[i] === 1 ? epochDay : openDayOfOrdinal(table, (table.cumOpen[i] as number) + 1);
}
