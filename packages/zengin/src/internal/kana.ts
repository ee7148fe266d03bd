// Full-width katakana (large and small forms) → half-width large katakana, in JIS X 0201 order.
const FULL =
  "ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン";
const HALF = "ｦｱｲｳｴｵﾔﾕﾖﾂ-ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜﾝ";

const table = new Map<string, string>();
for (let i = 0; i < FULL.length; i++) table.set(FULL[i] as string, HALF[i] as string);
// Obsolete and rare katakana have no half-width form: write their nearest large kana.
for (const [from, to] of [
  ["ヰ", "ｲ"],
  ["ヱ", "ｴ"],
  ["ヮ", "ﾜ"],
  ["ヵ", "ｶ"],
  ["ヶ", "ｹ"],
  // Half-width small kana are written large (Zengin has no small kana).
  ["ｧ", "ｱ"],
  ["ｨ", "ｲ"],
  ["ｩ", "ｳ"],
  ["ｪ", "ｴ"],
  ["ｫ", "ｵ"],
  ["ｬ", "ﾔ"],
  ["ｭ", "ﾕ"],
  ["ｮ", "ﾖ"],
  ["ｯ", "ﾂ"],
  ["ｰ", "-"],
  // Dashes and long-vowel marks all become the hyphen Zengin allows.
  ["‐", "-"],
  ["‑", "-"],
  ["–", "-"],
  ["—", "-"],
  ["―", "-"],
  ["−", "-"],
  ["〜", "-"],
  // Yen sign and backslash are the same Shift_JIS byte 0x5C; keep one form.
  ["¥", "\\"],
  ["￥", "\\"],
  ["「", "｢"],
  ["」", "｣"],
  ["・", " "],
  ["･", " "],
  ["゛", "ﾞ"],
  ["゜", "ﾟ"],
  ["\u3099", "ﾞ"],
  ["\u309A", "ﾟ"],
  ["\u3000", " "],
] as const) {
  table.set(from, to);
}

/** Characters the Zengin format allows in text fields (half-width, JIS X 0201). */
const ALLOWED = /^[0-9A-Z ().,\-/\\ｦｱ-ﾝﾞﾟ｢｣]$/u;

/** True when the character is allowed in a Zengin text field. */
export function isZenginChar(char: string): boolean {
  return ALLOWED.test(char);
}

function convertChar(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  const direct = table.get(char);
  if (direct !== undefined) return direct;
  // Full-width ASCII → ASCII.
  if (code >= 0xff01 && code <= 0xff5e) return convertChar(String.fromCodePoint(code - 0xfee0));
  if (code >= 0x61 && code <= 0x7a) return char.toUpperCase();
  // Hiragana → katakana.
  if (code >= 0x3041 && code <= 0x3096) return convertChar(String.fromCodePoint(code + 0x60));
  if (code >= 0x30a1 && code <= 0x30fa) {
    // Voiced katakana decompose into a base kana and a combining mark.
    const parts = char.normalize("NFD");
    if (parts.length > 1) return [...parts].map(convertChar).join("");
  }
  return char;
}

/**
 * Converts text to the Zengin half-width form: katakana and hiragana to half-width katakana with
 * small kana written large, full-width ASCII to ASCII, lower case to upper case, long-vowel marks and
 * dashes to `-`, middle dots to spaces; runs of spaces collapse to one and the ends are trimmed.
 * Characters with no Zengin form (kanji, emoji, …) are left as they are for the caller to report.
 */
export function toZenginHalfWidth(text: string): string {
  let out = "";
  for (const char of text.normalize("NFC")) out += convertChar(char);
  return out.replace(/ {2,}/g, " ").trim();
}
