const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/;

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** Reads a date as `YYYY-MM-DD` or `YYYY/M/D`; returns ISO and the parts, or undefined. */
export function readDate(
  text: string,
): { iso: string; year: number; month: number; day: number } | undefined {
  const match = DATE.exec(text);
  if (match === null) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return undefined;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const max = month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] as number);
  if (day > max) return undefined;
  return { iso: `${match[1]}-${pad2(month)}-${pad2(day)}`, year, month, day };
}
