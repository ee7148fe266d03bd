const DIGITS = "〇一二三四五六七八九";

/** 1–999 in kanji with 十 and 百: 7 → 七, 10 → 十, 31 → 三十一, 132 → 百三十二. */
export function toKanjiNumber(n: number): string {
  if (n >= 100) {
    const hundreds = Math.floor(n / 100);
    const rest = n % 100;
    return `${hundreds > 1 ? DIGITS[hundreds] : ""}百${rest > 0 ? toKanjiNumber(rest) : ""}`;
  }
  if (n < 10) return DIGITS[n] as string;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens > 1 ? DIGITS[tens] : ""}十${ones > 0 ? DIGITS[ones] : ""}`;
}

/** Parses Arabic digits or kanji numerals (三十一, 十, 一〇, 二〇二五); NaN when not a number. */
export function parseJapaneseNumber(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  if (!/^[〇零一二三四五六七八九十百]+$/.test(text)) return Number.NaN;
  const digit = (ch: string): number => (ch === "零" ? 0 : DIGITS.indexOf(ch));
  if (!/[十百]/.test(text)) return Number([...text].map(digit).join(""));
  let total = 0;
  let current = 0;
  for (const ch of text) {
    if (ch === "百" || ch === "十") {
      total += (current === 0 ? 1 : current) * (ch === "百" ? 100 : 10);
      current = 0;
    } else {
      if (current !== 0) return Number.NaN;
      current = digit(ch);
    }
  }
  return total + current;
}
