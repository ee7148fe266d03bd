// The holiday tables without zod: isHoliday loads this module, so browsers bundle it.
import type { IsoDate } from "../date-input.js";
import { CalendarError } from "../errors.js";
import { civilFromDays, daysFromCivil, formatEpochDay, parseIsoDay } from "./civil.js";
import { stableHash } from "./hash.js";
import { deriveRestDays, type HolidayDef, type HolidayKind, lawHolidaysOf } from "./holiday-rules.js";

/** A day off under 国民の祝日に関する法律 (or a one-off law). */
export interface Holiday {
  /** ISO date. */
  readonly date: IsoDate;
  /** Japanese name, e.g. `元日`, `振替休日`. */
  readonly name: string;
  /** English name, e.g. `New Year's Day`. */
  readonly nameEn: string;
  /** 祝日 / 振替休日 / 国民の休日 / one-off (皇室行事等). */
  readonly kind: HolidayKind;
  /** True for years after the last officially announced one (equinoxes computed, the law may still change). */
  readonly provisional: boolean;
}

export type { HolidayKind };

/** First year with holidays (the law took effect on 1948-07-20). */
export const FIRST_HOLIDAY_YEAR = 1948;
/** Last year covered by the holiday tables. */
export const LAST_SUPPORTED_YEAR = 2150;
/** Last year whose holidays the Cabinet Office has announced (its CSV ends with this year). */
export const OFFICIAL_THROUGH_YEAR = 2027;
// Bump when a rule in internal/holiday-rules.ts changes, so calendar versions change with it.
const RULES_REVISION = "2027.1";

export const TABLE_START = daysFromCivil(FIRST_HOLIDAY_YEAR, 1, 1);
export const TABLE_END = daysFromCivil(LAST_SUPPORTED_YEAR, 12, 31);

/** An immutable table of holidays, 1948-07-20 to 2150-12-31. Build one with {@link createHolidayTable}. */
export interface HolidayTable {
  /** Stable hash of the rules and the changes; part of every calendar's version. */
  readonly version: string;
  /** Last year treated as officially announced; later holidays are provisional. */
  readonly officialThrough: number;
}

export interface HolidayTableData {
  /** Index (epochDay − TABLE_START) → position + 1 in `list`, 0 when not a holiday. */
  readonly byDay: Uint16Array;
  readonly list: readonly Holiday[];
}

const DATA = Symbol("holidayTableData");
type TableWithData = HolidayTable & { readonly [DATA]: HolidayTableData };

/** Validated run-time changes (see `holidayTableOptionsSchema`). */
export interface HolidayChanges {
  readonly add?:
    | readonly {
        readonly date: string;
        readonly name: string;
        readonly nameEn?: string | undefined;
        readonly kind?: HolidayKind | undefined;
      }[]
    | undefined;
  readonly remove?: readonly string[] | undefined;
  readonly officialThrough?: number | undefined;
}

/** Builds a table from changes already validated. */
export function buildHolidayTable(changes: HolidayChanges): HolidayTable {
  const { add = [], remove = [], officialThrough = OFFICIAL_THROUGH_YEAR } = changes;
  const toDay = (date: string): number => {
    const day = parseIsoDay(date);
    if (day < TABLE_START || day > TABLE_END) {
      throw new CalendarError("INVALID_HOLIDAYS", `holiday change outside 1948–2150: ${date}`);
    }
    return day;
  };
  const days = new Map<number, HolidayDef>();
  for (let year = FIRST_HOLIDAY_YEAR; year <= LAST_SUPPORTED_YEAR; year++) lawHolidaysOf(year, days);
  const removed = remove.map(toDay);
  for (const day of removed) days.delete(day);
  const late: [number, HolidayDef][] = [];
  for (const change of add) {
    const holiday: HolidayDef = {
      name: change.name,
      nameEn: change.nameEn ?? change.name,
      kind: change.kind ?? "national",
    };
    if (holiday.kind === "national" || holiday.kind === "special") days.set(toDay(change.date), holiday);
    else late.push([toDay(change.date), holiday]);
  }
  deriveRestDays(days);
  for (const [day, holiday] of late) days.set(day, holiday);
  for (const day of removed) days.delete(day);

  const sorted = [...days.keys()].sort((a, b) => a - b);
  const byDay = new Uint16Array(TABLE_END - TABLE_START + 1);
  const list: Holiday[] = sorted.map((day, position) => {
    const holiday = days.get(day) as HolidayDef;
    byDay[day - TABLE_START] = position + 1;
    return Object.freeze({
      date: formatEpochDay(day),
      name: holiday.name,
      nameEn: holiday.nameEn,
      kind: holiday.kind,
      provisional: civilFromDays(day).year > officialThrough,
    });
  });
  const version = stableHash(JSON.stringify([RULES_REVISION, officialThrough, add, remove]));
  const table: TableWithData = Object.freeze({ version, officialThrough, [DATA]: { byDay, list } });
  return table;
}

let defaultTable: HolidayTable | undefined;
let defaultData: HolidayTableData | undefined;

/**
 * The holiday table of the law as in force, with every day after {@link OFFICIAL_THROUGH_YEAR} provisional.
 * Built once on first use (a few milliseconds) and shared; it is immutable.
 *
 * @returns the default table
 * @example
 * defaultHolidayTable().officialThrough; // => 2027
 */
export function defaultHolidayTable(): HolidayTable {
  defaultTable ??= buildHolidayTable({});
  return defaultTable;
}

export function holidayTableData(table: HolidayTable | undefined): HolidayTableData {
  if (table === undefined && defaultData !== undefined) return defaultData;
  const data = (table ?? defaultHolidayTable()) as Partial<TableWithData>;
  const found = data[DATA];
  if (found === undefined) {
    throw new CalendarError("INVALID_HOLIDAYS", "not a holiday table: build one with createHolidayTable()");
  }
  if (table === undefined) defaultData = found;
  return found;
}
