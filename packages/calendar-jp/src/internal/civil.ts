// Proleptic Gregorian arithmetic on epoch days (days since 1970-01-01), after H. Hinnant.

/**
 * Milliseconds in a calendar day (no leap seconds): `epochDay * MS_PER_DAY` is UTC midnight of that day.
 *
 * @example
 * toEpochDay("2025-07-01") * MS_PER_DAY === Date.UTC(2025, 6, 1); // => true
 */
export const MS_PER_DAY = 86_400_000;

export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

export interface Civil {
  year: number;
  month: number;
  day: number;
}

export function civilFromDays(epochDay: number): Civil {
  const z = epochDay + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (MONTH_DAYS[month - 1] ?? 0);
}

export function isValidCivil(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** ISO weekday, 1 = Monday … 7 = Sunday. */
export function isoWeekday(epochDay: number): number {
  return ((((epochDay + 3) % 7) + 7) % 7) + 1;
}

/** Two digits: 7 → "07". */
export function pad2(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}

export function formatCivil(year: number, month: number, day: number): string {
  if (year >= 1000 && year <= 9999) {
    // One flat string from char codes: concatenation would build a rope that every later parse walks.
    return String.fromCharCode(
      48 + Math.floor(year / 1000),
      48 + (Math.floor(year / 100) % 10),
      48 + (Math.floor(year / 10) % 10),
      48 + (year % 10),
      45,
      48 + Math.floor(month / 10),
      48 + (month % 10),
      45,
      48 + Math.floor(day / 10),
      48 + (day % 10),
    );
  }
  return `${`${year}`.padStart(4, "0")}-${pad2(month)}-${pad2(day)}`;
}

// Hot paths return ISO strings: 1900–2150 are cached as they are first formatted.
const CACHE_FIRST_YEAR = 1900;
const CACHE_LAST_YEAR = 2150;
const CACHE_START = daysFromCivil(CACHE_FIRST_YEAR, 1, 1);
const CACHE_END = daysFromCivil(CACHE_LAST_YEAR + 1, 1, 1);
let isoCache: (string | undefined)[] | undefined;

export function formatEpochDay(epochDay: number): string {
  if (epochDay >= CACHE_START && epochDay < CACHE_END) {
    isoCache ??= new Array<string | undefined>(CACHE_END - CACHE_START).fill(undefined);
    const cached = isoCache[epochDay - CACHE_START];
    if (cached !== undefined) return cached;
    const { year, month, day } = civilFromDays(epochDay);
    const text = formatCivil(year, month, day);
    isoCache[epochDay - CACHE_START] = text;
    return text;
  }
  const { year, month, day } = civilFromDays(epochDay);
  return formatCivil(year, month, day);
}

// Epoch day of the first of each month, 1900-01 to 2151-01, for parsing without divisions (12 KB).
const MONTH_STARTS = new Int32Array((CACHE_LAST_YEAR - CACHE_FIRST_YEAR + 1) * 12 + 1);
for (let k = 0; k < MONTH_STARTS.length; k++) {
  MONTH_STARTS[k] = daysFromCivil(CACHE_FIRST_YEAR + Math.floor(k / 12), (k % 12) + 1, 1);
}

/** Parses `YYYY-MM-DD` to an epoch day, or returns NaN when the text is not a valid ISO date. */
export function parseIsoDay(text: string): number {
  return text.length === 10 ? parseIsoDayPrefix(text) : Number.NaN;
}

/** Like {@link parseIsoDay}, on the first ten characters of a longer text (a date-time). */
export function parseIsoDayPrefix(text: string): number {
  if (text.length < 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return Number.NaN;
  const y0 = text.charCodeAt(0) - 48;
  const y1 = text.charCodeAt(1) - 48;
  const y2 = text.charCodeAt(2) - 48;
  const y3 = text.charCodeAt(3) - 48;
  const m0 = text.charCodeAt(5) - 48;
  const m1 = text.charCodeAt(6) - 48;
  const d0 = text.charCodeAt(8) - 48;
  const d1 = text.charCodeAt(9) - 48;
  // Unsigned compare rejects every non-digit in one test per character.
  if (
    y0 >>> 0 > 9 ||
    y1 >>> 0 > 9 ||
    y2 >>> 0 > 9 ||
    y3 >>> 0 > 9 ||
    m0 >>> 0 > 9 ||
    m1 >>> 0 > 9 ||
    d0 >>> 0 > 9 ||
    d1 >>> 0 > 9
  ) {
    return Number.NaN;
  }
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  if (month < 1 || month > 12 || day < 1 || year < 1) return Number.NaN;
  const k = (year - CACHE_FIRST_YEAR) * 12 + month - 1;
  if (k >= 0 && k < MONTH_STARTS.length - 1) {
    const start = MONTH_STARTS[k] as number;
    return day > (MONTH_STARTS[k + 1] as number) - start ? Number.NaN : start + day - 1;
  }
  if (day > 28 && day > daysInMonth(year, month)) return Number.NaN;
  return daysFromCivil(year, month, day);
}
