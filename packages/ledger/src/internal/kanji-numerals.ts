const DIGITS: Readonly<Record<string, number>> = {
  〇: 0,
  零: 0,
  一: 1,
  壱: 1,
  壹: 1,
  二: 2,
  弐: 2,
  貳: 2,
  三: 3,
  参: 3,
  參: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陸: 6,
  七: 7,
  漆: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
};
const SMALL_UNITS: Readonly<Record<string, bigint>> = {
  十: 10n,
  拾: 10n,
  什: 10n,
  百: 100n,
  佰: 100n,
  陌: 100n,
  千: 1000n,
  仟: 1000n,
  阡: 1000n,
};
const BIG_UNITS: Readonly<Record<string, bigint>> = {
  万: 10n ** 4n,
  萬: 10n ** 4n,
  億: 10n ** 8n,
  兆: 10n ** 12n,
  京: 10n ** 16n,
};

/** True when the text is made only of kanji numeral characters (common or 大字). */
export function isKanjiNumeral(text: string): boolean {
  if (text.length === 0) return false;
  for (const ch of text) {
    if (DIGITS[ch] === undefined && SMALL_UNITS[ch] === undefined && BIG_UNITS[ch] === undefined)
      return false;
  }
  return true;
}

/** Reads 壱萬弐千参百四拾 or 一二三四 (positional) as a bigint; undefined when malformed. */
export function parseKanjiNumeral(text: string): bigint | undefined {
  let total = 0n;
  let section = 0n;
  let digit: bigint | undefined;
  let lastSmall = 10n ** 4n;
  let lastBig = 10n ** 20n;
  for (const ch of text) {
    const d = DIGITS[ch];
    if (d !== undefined) {
      digit = digit === undefined ? BigInt(d) : digit * 10n + BigInt(d);
      continue;
    }
    const small = SMALL_UNITS[ch];
    if (small !== undefined) {
      if (small >= lastSmall) return undefined;
      section += (digit ?? 1n) * small;
      lastSmall = small;
      digit = undefined;
      continue;
    }
    const big = BIG_UNITS[ch] as bigint;
    const group = section + (digit ?? 0n);
    if (big >= lastBig || group === 0n) return undefined;
    total += group * big;
    lastBig = big;
    section = 0n;
    lastSmall = 10n ** 4n;
    digit = undefined;
  }
  return total + section + (digit ?? 0n);
}
