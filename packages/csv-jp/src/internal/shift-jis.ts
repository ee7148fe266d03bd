import iconv from "iconv-lite";

// Characters that JIS-based converters (and macOS) produce where Windows' CP932 — what Excel
// reads — has a look-alike of its own (the WAVE DASH problem), plus the no-break space.
const CP932_LOOKALIKES: Readonly<Record<string, string>> = {
  "\u301c": "\uff5e", // 〜 WAVE DASH → ～ FULLWIDTH TILDE
  "\u2016": "\u2225", // ‖ DOUBLE VERTICAL LINE → ∥ PARALLEL TO
  "\u2212": "\uff0d", // − MINUS SIGN → － FULLWIDTH HYPHEN-MINUS
  "\u00a2": "\uffe0", // ¢ → ￠
  "\u00a3": "\uffe1", // £ → ￡
  "\u00ac": "\uffe2", // ¬ → ￢
  "\u2014": "\u2015", // — EM DASH → ― HORIZONTAL BAR
  "\u00a5": "\uffe5", // ¥ → ￥ (iconv-lite would write the byte 0x5C, read back as a backslash)
  "\u00a0": " ", // NO-BREAK SPACE → space
};
const LOOKALIKE = /[\u301c\u2016\u2212\u00a2\u00a3\u00ac\u2014\u00a5\u00a0]/g;

/** Replaces characters CP932 lacks with the look-alikes Windows uses. */
export function toCp932Lookalikes(text: string): string {
  return text.replace(LOOKALIKE, (c) => CP932_LOOKALIKES[c] ?? c);
}

/** The UTF-16 index of the first character iconv-lite cannot encode in CP932, or -1. */
export function firstUnencodable(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    const width = code >= 0xd800 && code <= 0xdbff ? 2 : 1;
    const c = text.slice(i, i + width);
    if (iconv.decode(iconv.encode(c, "cp932"), "cp932") !== c) return i;
    i += width - 1;
  }
  return -1;
}
