import iconv from "iconv-lite";
import { CsvError } from "./csv-error.js";
import { codePointName, positionOf } from "./internal/position.js";
import { firstUnencodable, toCp932Lookalikes } from "./internal/shift-jis.js";

/** An encoding {@link encodeCsv} writes. `"shift_jis"` is Windows' CP932, what Japanese Excel reads. */
export type CsvOutputEncoding = "utf-8" | "utf-8-bom" | "shift_jis";

/** Options of {@link encodeCsv}. */
export interface EncodeCsvOptions {
  /** `"utf-8-bom"` (default: Excel opens it as UTF-8), `"utf-8"` or `"shift_jis"` (CP932). */
  readonly encoding?: CsvOutputEncoding;
}

const utf8 = new TextEncoder();

/**
 * Encodes CSV text as the bytes of a file. UTF-8 with a BOM is the default, because Excel reads a
 * BOM-less UTF-8 file as Shift_JIS. Shift_JIS is Windows' CP932; the characters JIS converters
 * emit but CP932 spells differently (〜 U+301C, − U+2212, ‖, ¢, £, ¬, —, ¥, no-break space)
 * are written as their CP932 look-alikes (～ － ∥ ￠ ￡ ￢ ― ￥ space). Any other character CP932 lacks is
 * an error naming it and where it is — never a silent `?`.
 *
 * @param text - the CSV text (from {@link formatCsv})
 * @param options - `encoding` (`"utf-8-bom"`)
 * @returns the file's bytes
 * @throws {CsvError} `UNENCODABLE_CHARACTER` (Shift_JIS only), with `character` and `position`
 * @throws {CsvError} `INVALID_OPTION` for an unknown encoding
 * @example
 * encodeCsv("課,金額\r\n").subarray(0, 3); // => Uint8Array [0xef, 0xbb, 0xbf]
 * encodeCsv("〜\r\n", { encoding: "shift_jis" }); // => Uint8Array [0x81, 0x60, 0x0d, 0x0a]
 * encodeCsv("髙橋,🍣\r\n", { encoding: "shift_jis" }); // throws CsvError UNENCODABLE_CHARACTER (🍣, line 1, column 4)
 */
export function encodeCsv(text: string, options: EncodeCsvOptions = {}): Uint8Array {
  const encoding = options.encoding ?? "utf-8-bom";
  if (encoding === "utf-8") return utf8.encode(text);
  if (encoding === "utf-8-bom") return utf8.encode(text.startsWith("\ufeff") ? text : `\ufeff${text}`);
  if (encoding !== "shift_jis") {
    throw new CsvError("INVALID_OPTION", {
      en: `unknown encoding "${String(encoding)}" (utf-8, utf-8-bom or shift_jis)`,
      ja: `文字コード「${String(encoding)}」は使えません（utf-8、utf-8-bom、shift_jis）`,
    });
  }
  const mapped = toCp932Lookalikes(text);
  const bytes = iconv.encode(mapped, "cp932");
  if (iconv.decode(bytes, "cp932") !== mapped) {
    // The look-alike map replaces one UTF-16 unit by one, so indexes still point into `text`.
    const index = firstUnencodable(mapped);
    const character = String.fromCodePoint(text.codePointAt(index) ?? 0xfffd);
    const position = positionOf(text, index);
    throw new CsvError(
      "UNENCODABLE_CHARACTER",
      {
        en: `"${character}" (${codePointName(character)}) at line ${position.line}, column ${position.column} has no Shift_JIS form`,
        ja: `${position.line}行目${position.column}文字目の「${character}」（${codePointName(character)}）はShift_JISで表せません`,
      },
      { character, position },
    );
  }
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
