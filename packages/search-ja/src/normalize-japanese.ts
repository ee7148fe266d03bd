// Han, kana, the prolonged-sound mark and CJK punctuation: letters that are never separated by spaces.
const cjk = "\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}ー々〆〇、。「」『』（）【】・：；？！";
const spaceBetweenCjk = new RegExp(`(?<=[${cjk}]) +(?=[${cjk}])`, "gu");
const spaceBetweenCjkAndDigit = new RegExp(`(?<=[${cjk}]) +(?=[0-9])|(?<=[0-9]) +(?=[${cjk}])`, "gu");

/**
 * Normalises Japanese text before indexing and display: NFKC (full-width digits and letters,
 * half-width kana, and the Kangxi-radical look-alikes government PDFs use, ⼩ for 小), then removes
 * every space between two Japanese characters or between a Japanese character and a digit (the
 * letter-spacing of PDFs: 調 査 の 概 要), collapses runs of blanks and trims every line. Spaces
 * between Latin words and line breaks are kept.
 *
 * @param text - raw extracted text
 * @returns the normalised text
 * @example
 * normalizeJapanese("⼩規模事業者　調 査 の 概 要　令和 ５ 年"); // => "小規模事業者調査の概要令和5年"
 */
export function normalizeJapanese(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/\r\n?/g, "\n")
    .replace(/[\t\f\v\u00a0\u2000-\u200b\u3000]/g, " ")
    .split("\n")
    .map((line) =>
      line.replace(/ {2,}/g, " ").replace(spaceBetweenCjk, "").replace(spaceBetweenCjkAndDigit, "").trim(),
    )
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
