import { abbreviateCorporateName } from "./corporate-abbreviations.js";
import type { FieldIssue } from "./errors.js";
import { shiftJisByteLength, toZenginKana } from "./zengin-kana.js";

/** Options of {@link normalizeHolderName}. */
export interface NormalizeHolderNameOptions {
  /** The field width in Shift_JIS bytes; 30 (the 受取人名 of a Zengin data record) by default. */
  readonly maxBytes?: number;
  /** The field name used in issues; `口座名義（カナ）` by default. */
  readonly field?: string;
}

/** The result of {@link normalizeHolderName}. */
export interface HolderNameResult {
  /** The name in Zengin form (valid only when `issues` has no error). */
  readonly value: string;
  /** Why the name cannot be used (characters, length), in Japanese. */
  readonly issues: readonly FieldIssue[];
}

/**
 * Normalises an account holder name to the Zengin form the bank matches against: corporate terms
 * abbreviated (株式会社 → ｶ), half-width katakana with small kana large, `ー` → `-`; then checks that
 * only Zengin characters remain and that it fits the field in Shift_JIS bytes.
 *
 * @param raw - the name as written on the registration form (kana; kanji only in legal-entity terms)
 * @param options - `maxBytes` (30), `field`
 * @returns the normalised name and any issues
 * @example
 * normalizeHolderName("株式会社 ネリマ・ショウジ").value; // => "ｶ)ﾈﾘﾏ ｼﾖｳｼﾞ"
 * normalizeHolderName("練馬太郎").issues[0]?.code; // => "INVALID_CHARACTERS"
 */
export function normalizeHolderName(raw: string, options: NormalizeHolderNameOptions = {}): HolderNameResult {
  const field = options.field ?? "口座名義（カナ）";
  const maxBytes = options.maxBytes ?? 30;
  const converted = toZenginKana(abbreviateCorporateName(raw));
  const issues: FieldIssue[] = [];
  if (converted.text === "") {
    issues.push({ severity: "error", code: "REQUIRED", field, message: "口座名義が入力されていません" });
    return { value: converted.text, issues };
  }
  if (converted.invalidCharacters.length > 0) {
    issues.push({
      severity: "error",
      code: "INVALID_CHARACTERS",
      field,
      message: `全銀で使用できない文字が含まれています（${converted.invalidCharacters.join("")}）。カナ・英大文字・数字・記号（）．－／で記入してください`,
    });
  } else {
    const bytes = shiftJisByteLength(converted.text);
    if (bytes > maxBytes) {
      issues.push({
        severity: "error",
        code: "TOO_LONG",
        field,
        message: `口座名義が長すぎます（半角${bytes}文字、上限${maxBytes}文字）`,
      });
    }
  }
  return { value: converted.text, issues };
}
