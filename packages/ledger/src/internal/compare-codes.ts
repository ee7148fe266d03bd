const DIGITS = /^\d+$/;

/** Orders codes: ranked codes first (by rank), then numeric codes by value, then others by code point. */
export function compareCodes(a: string, b: string, rank: ReadonlyMap<string, number> | undefined): number {
  if (a === b) return 0;
  if (rank !== undefined) {
    const ra = rank.get(a);
    const rb = rank.get(b);
    if (ra !== undefined || rb !== undefined) {
      if (ra === undefined) return 1;
      if (rb === undefined) return -1;
      return ra - rb;
    }
  }
  const na = DIGITS.test(a);
  const nb = DIGITS.test(b);
  if (na && nb) {
    const ta = a.replace(/^0+(?=\d)/, "");
    const tb = b.replace(/^0+(?=\d)/, "");
    if (ta.length !== tb.length) return ta.length - tb.length;
    if (ta !== tb) return ta < tb ? -1 : 1;
  } else if (na !== nb) {
    return na ? -1 : 1;
  }
  return a < b ? -1 : 1;
}
