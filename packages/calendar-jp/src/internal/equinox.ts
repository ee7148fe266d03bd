// Equinox days by the astronomical approximation used for the Cabinet Office's provisional lists.
// Math.floor throughout: truncation rounds negative (Y−1980)/4 the wrong way before 1980.

function constants(year: number): [spring: number, autumn: number] {
  if (year < 1980) return [20.8357, 23.2588];
  if (year < 2100) return [20.8431, 23.2488];
  return [21.851, 24.2488];
}

function equinoxDay(year: number, c: number): number {
  const t = year - 1980;
  return Math.floor(c + 0.242194 * t - Math.floor(t / 4));
}

/** Day of March of the vernal equinox day (春分の日), 1900–2150. */
export function vernalEquinoxDay(year: number): number {
  return equinoxDay(year, constants(year)[0]);
}

/** Day of September of the autumnal equinox day (秋分の日), 1900–2150. */
export function autumnalEquinoxDay(year: number): number {
  return equinoxDay(year, constants(year)[1]);
}
