import iconv from "iconv-lite";
import { isZenginChar, toZenginHalfWidth } from "./internal/kana.js";

/** The result of {@link toZenginKana}. */
export interface ZenginKanaResult {
  /** The text in Zengin half-width form. */
  readonly text: string;
  /** The characters (after conversion) that Zengin does not allow, in order of appearance, without repeats. */
  readonly invalidCharacters: readonly string[];
}

/**
 * Converts text to the character set of Zengin text fields: half-width katakana (small kana written
 * large: ｼﾞﾖｳ for ジョウ), ﾞ and ﾟ as separate characters, A–Z, 0–9, space and `( ) . , - / \ ｢ ｣`.
 * `ー` and dashes become `-`, `・` a space, lower case upper case, full-width ASCII half-width.
 *
 * @param text - what the clerk typed (full-width kana, hiragana, mixed)
 * @returns the converted text and the characters Zengin forbids
 * @example
 * toZenginKana("ネリマ　ジョウホウ・サービス"); // => { text: "ﾈﾘﾏ ｼﾞﾖｳﾎｳ ｻ-ﾋﾞｽ", invalidCharacters: [] }
 * toZenginKana("練馬").invalidCharacters; // => ["練", "馬"]
 */
export function toZenginKana(text: string): ZenginKanaResult {
  const converted = toZenginHalfWidth(text);
  const invalid: string[] = [];
  for (const char of converted) {
    if (!isZenginChar(char) && !invalid.includes(char)) invalid.push(char);
  }
  return { text: converted, invalidCharacters: invalid };
}

/**
 * True when every character of the text is allowed in a Zengin text field as it stands.
 *
 * @param text - half-width text
 * @returns whether it can be written to a Zengin file unchanged
 * @example
 * isZenginText("ｶ)ﾈﾘﾏ"); // => true
 * isZenginText("ネリマ"); // => false (full-width)
 */
export function isZenginText(text: string): boolean {
  for (const char of text) if (!isZenginChar(char)) return false;
  return true;
}

/**
 * The length of text in Shift_JIS bytes (the unit of Zengin field widths).
 *
 * @param text - any text
 * @returns its Shift_JIS byte length (half-width kana 1 byte, full-width 2)
 * @example
 * shiftJisByteLength("ｶﾞ"); // => 2
 * shiftJisByteLength("ガ"); // => 2
 */
export function shiftJisByteLength(text: string): number {
  return iconv.encode(text, "Shift_JIS").length;
}
