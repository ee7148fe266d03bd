import { type DateInput, type IsoDate, toEpochDay } from "./date-input.js";
import { CalendarError } from "./errors.js";
import {
  civilFromDays,
  daysFromCivil,
  formatCivil,
  isoWeekday,
  isValidCivil,
  pad2,
} from "./internal/civil.js";
import { parseJapaneseNumber, toKanjiNumber } from "./internal/kanji-numerals.js";

/** A Japanese era (元号) since the Gregorian calendar was adopted. */
export interface Era {
  /** `令和` */
  readonly name: string;
  /** `R` */
  readonly letter: string;
  /** `Reiwa` */
  readonly nameEn: string;
  /** First day of the era (明治: 1873-01-01, when Japan adopted the Gregorian calendar). */
  readonly start: IsoDate;
  /** Gregorian year of the era's year 1. */
  readonly firstYear: number;
}

/** The eras, oldest first. */
export const ERAS: readonly Era[] = Object.freeze([
  Object.freeze({ name: "明治", letter: "M", nameEn: "Meiji", start: "1873-01-01", firstYear: 1868 }),
  Object.freeze({ name: "大正", letter: "T", nameEn: "Taisho", start: "1912-07-30", firstYear: 1912 }),
  Object.freeze({ name: "昭和", letter: "S", nameEn: "Showa", start: "1926-12-25", firstYear: 1926 }),
  Object.freeze({ name: "平成", letter: "H", nameEn: "Heisei", start: "1989-01-08", firstYear: 1989 }),
  Object.freeze({ name: "令和", letter: "R", nameEn: "Reiwa", start: "2019-05-01", firstYear: 2019 }),
]);

const ERA_STARTS = ERAS.map((era) => toEpochDay(era.start));

/** A date in the Japanese calendar. */
export interface WarekiDate {
  era: Era;
  /** Year of the era, 1 for 元年. */
  year: number;
  month: number;
  day: number;
}

function eraIndexOf(epochDay: number): number {
  for (let i = ERAS.length - 1; i >= 0; i--) if (epochDay >= (ERA_STARTS[i] as number)) return i;
  return -1;
}

/**
 * Splits a date into era, era year, month and day.
 *
 * @param date - the date
 * @returns the wareki parts
 * @throws {CalendarError} `OUT_OF_RANGE` before 1873-01-01 (明治6年, the Gregorian calendar's adoption)
 * @example
 * toWareki("2019-04-30"); // => { era: { name: "平成", … }, year: 31, month: 4, day: 30 }
 */
export function toWareki(date: DateInput): WarekiDate {
  const epochDay = toEpochDay(date);
  const index = eraIndexOf(epochDay);
  const era = ERAS[index];
  if (era === undefined) {
    throw new CalendarError(
      "OUT_OF_RANGE",
      "wareki dates start at 1873-01-01 (明治6年1月1日, the Gregorian calendar)",
    );
  }
  const { year, month, day } = civilFromDays(epochDay);
  return { era, year: year - era.firstYear + 1, month, day };
}

/** Style of {@link formatWareki}. */
export type WarekiStyle = "long" | "short" | "alphabet" | "kanji";

/** Options of {@link formatWareki}. */
export interface FormatWarekiOptions {
  /**
   * `long` 令和7年7月1日 (default, 令和元年 for year 1), `short` R7.7.1, `alphabet` R07.07.01 (zero-padded,
   * as on forms), `kanji` 令和七年七月一日.
   */
  style?: WarekiStyle;
}

/**
 * Formats a date in the Japanese calendar.
 *
 * @param date - the date
 * @param options - `style`: long (default), short, alphabet or kanji
 * @returns the formatted date
 * @throws {CalendarError} `OUT_OF_RANGE` before 1873-01-01
 * @example
 * formatWareki("2025-07-01"); // => "令和7年7月1日"
 * formatWareki("2019-05-01"); // => "令和元年5月1日"
 * formatWareki("2025-07-01", { style: "short" }); // => "R7.7.1"
 * formatWareki("2025-07-01", { style: "alphabet" }); // => "R07.07.01"
 * formatWareki("2025-07-01", { style: "kanji" }); // => "令和七年七月一日"
 */
export function formatWareki(date: DateInput, options?: FormatWarekiOptions): string {
  const { era, year, month, day } = toWareki(date);
  switch (options?.style ?? "long") {
    case "short":
      return `${era.letter}${year}.${month}.${day}`;
    case "alphabet":
      return `${era.letter}${pad2(year)}.${pad2(month)}.${pad2(day)}`;
    case "kanji":
      return `${era.name}${year === 1 ? "元" : toKanjiNumber(year)}年${toKanjiNumber(month)}月${toKanjiNumber(day)}日`;
    default:
      return `${era.name}${year === 1 ? "元" : year}年${month}月${day}日`;
  }
}

/** Options of {@link parseWareki}. */
export interface ParseWarekiOptions {
  /** Accept era years past the era's end (平成32年 → 2020) and dates before its start. Default false. */
  lenient?: boolean;
}

const NUMBER = "(元|\\d+|[〇零一二三四五六七八九十百]+)";
const ERA_NAME = "(明治|大正|昭和|平成|令和|[明大昭平令MTSHR])";
const WEEKDAY = "(?:\\(([月火水木金土日])(?:曜日?)?\\))?";
const LONG = new RegExp(
  `^${ERA_NAME}\\s*${NUMBER}\\s*年\\s*${NUMBER}\\s*月\\s*${NUMBER}\\s*日\\s*${WEEKDAY}$`,
  "i",
);
const DOTTED = new RegExp(
  `^${ERA_NAME}\\s*${NUMBER}\\s*([./-])\\s*${NUMBER}\\s*\\3\\s*${NUMBER}\\s*${WEEKDAY}$`,
  "i",
);
const WEEKDAY_CHARS = "月火水木金土日";

function eraFromToken(token: string): Era | undefined {
  const upper = token.toUpperCase();
  return ERAS.find((era) => era.name === token || era.name[0] === token || era.letter === upper);
}

function invalid(text: string, why: string): CalendarError {
  return new CalendarError("INVALID_WAREKI", `not a valid wareki date: ${JSON.stringify(text)} (${why})`);
}

/**
 * Parses a date in the Japanese calendar: 令和7年7月1日, 令和元年5月1日, R7.7.1, R07.07.01, 令和七年七月一日,
 * full-width digits (令和７年７月１日), era ligatures (㋿), surrounding whitespace and a weekday suffix
 * (（火）, which must match).
 *
 * @param text - the text
 * @param options - `lenient`: roll era years over (平成32年 → 2020)
 * @returns the ISO date
 * @throws {CalendarError} `INVALID_WAREKI` on malformed text, year 0, an impossible date (2月30日), a date
 * outside its era (strict mode) or a weekday that does not match
 * @example
 * parseWareki(" 令和７年７月１日 "); // => "2025-07-01"
 * parseWareki("H31.4.30"); // => "2019-04-30"
 * parseWareki("平成32年1月1日", { lenient: true }); // => "2020-01-01"
 */
export function parseWareki(text: string, options?: ParseWarekiOptions): IsoDate {
  const normalized = text.normalize("NFKC").trim();
  const long = LONG.exec(normalized);
  const dotted = long ? null : DOTTED.exec(normalized);
  const parts = long
    ? [long[1], long[2], long[3], long[4], long[5]]
    : dotted
      ? [dotted[1], dotted[2], dotted[4], dotted[5], dotted[6]]
      : undefined;
  if (parts === undefined) throw invalid(text, "expected e.g. 令和7年7月1日 or R7.7.1");
  const [eraToken = "", yearText = "", monthText = "", dayText = "", weekday] = parts;
  const era = eraFromToken(eraToken);
  if (era === undefined) throw invalid(text, `unknown era ${eraToken}`);
  const eraYear = yearText === "元" ? 1 : parseJapaneseNumber(yearText);
  const month = parseJapaneseNumber(monthText);
  const day = parseJapaneseNumber(dayText);
  if (!(eraYear >= 1)) throw invalid(text, "the era year starts at 1 (元年)");
  const year = era.firstYear + eraYear - 1;
  if (!isValidCivil(year, month, day)) throw invalid(text, "no such day");
  const epochDay = daysFromCivil(year, month, day);
  const eraIndex = ERAS.indexOf(era);
  const start = ERA_STARTS[eraIndex] as number;
  const next = ERA_STARTS[eraIndex + 1];
  if (epochDay < (ERA_STARTS[0] as number))
    throw invalid(text, "before 明治6年1月1日 (the Gregorian calendar)");
  if (!options?.lenient && (epochDay < start || (next !== undefined && epochDay >= next))) {
    throw invalid(text, `outside the ${era.name} era (use { lenient: true } to roll over)`);
  }
  if (weekday !== undefined && WEEKDAY_CHARS[isoWeekday(epochDay) - 1] !== weekday) {
    throw invalid(text, `the weekday ${weekday} does not match`);
  }
  return formatCivil(year, month, day);
}
