import { normalizeJapanese } from "./normalize-japanese.js";

const segmenter = new Intl.Segmenter("ja", { granularity: "word" });
const cjkRun = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々〆〇]{2,}/gu;
const wrapBetweenCjk =
  /(?<=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々])\n(?=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々])/gu;

/**
 * Turns text into index terms: the words `Intl.Segmenter('ja')` finds (lower-cased), plus every
 * character bigram of each run of kanji/kana, so a query still matches when the segmenter cuts
 * a compound differently in the query and in the document. Line wraps inside Japanese text are
 * ignored for the bigrams. The text is normalised first ({@link normalizeJapanese}).
 *
 * @param text - a chunk or a query
 * @returns the terms, with repeats (term frequency matters)
 * @example
 * tokenize("⼩規模事業者"); // => ["小規模", "事業", "者", "小規", "規模", "模事", "事業", "業者"]
 */
export function tokenize(text: string): string[] {
  const normalized = normalizeJapanese(text).toLowerCase();
  const terms: string[] = [];
  for (const segment of segmenter.segment(normalized)) {
    if (segment.isWordLike === true) terms.push(segment.segment);
  }
  for (const run of normalized.replace(wrapBetweenCjk, "").matchAll(cjkRun)) {
    const chars = Array.from(run[0]);
    for (let i = 0; i + 1 < chars.length; i += 1) terms.push(`${chars[i]}${chars[i + 1]}`);
  }
  return terms;
}
