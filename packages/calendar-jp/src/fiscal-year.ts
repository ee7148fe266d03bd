/** An ISO calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

/**
 * The Japanese fiscal year (年度) a date belongs to: April to March, named by the year it starts in.
 *
 * @param date - an ISO date (`YYYY-MM-DD`)
 * @returns the starting year of the fiscal year
 * @example
 * fiscalYearOf("2026-03-31"); // => 2025 (令和7年度)
 */
export function fiscalYearOf(date: IsoDate): number {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return month >= 4 ? year : year - 1;
}
