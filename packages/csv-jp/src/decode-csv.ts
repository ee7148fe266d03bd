import iconv from "iconv-lite";
import { CsvError } from "./csv-error.js";

/** An encoding {@link decodeCsv} reads. `"shift_jis"` is Windows' CP932, what Japanese Excel writes. */
export type CsvInputEncoding = "utf-8" | "utf-16le" | "utf-16be" | "shift_jis";

/** Options of {@link decodeCsv}. */
export interface DecodeCsvOptions {
  /** `"auto"` (default) detects; a named encoding is used as is (a matching BOM is still dropped). */
  readonly encoding?: "auto" | CsvInputEncoding;
}

/** The text of a CSV file and what it was in. */
export interface DecodedCsv {
  /** The text, without a BOM. */
  readonly text: string;
  readonly encoding: CsvInputEncoding;
  /** Whether the file started with a byte order mark. */
  readonly bom: boolean;
}

const ENCODINGS: ReadonlySet<string> = new Set(["auto", "utf-8", "utf-16le", "utf-16be", "shift_jis"]);

function undecodable(en: string, ja: string): CsvError {
  return new CsvError("UNDECODABLE_BYTES", { en, ja });
}

function strictDecode(bytes: Uint8Array, label: "utf-8" | "utf-16le" | "utf-16be"): string | undefined {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function decodeShiftJis(bytes: Uint8Array): string | undefined {
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), "cp932");
  return text.includes("\ufffd") ? undefined : text;
}

/**
 * Decodes the bytes of a CSV file. Detection (`"auto"`): a UTF-16 LE/BE or UTF-8 byte order mark
 * wins; else valid UTF-8 (Shift_JIS Japanese is practically never valid UTF-8, and ASCII is both);
 * else Shift_JIS (CP932) when every byte decodes. A NUL byte outside UTF-16 means UTF-16 without a
 * BOM or a binary file, and is refused (also when UTF-8 or Shift_JIS is named).
 *
 * @param bytes - the file
 * @param options - `encoding` (`"auto"`)
 * @returns the text (BOM removed), the encoding and whether there was a BOM
 * @throws {CsvError} `UNDECODABLE_BYTES` when the bytes are not text in the encoding (or in any, when detecting)
 * @throws {CsvError} `INVALID_OPTION` for an unknown encoding
 * @example
 * decodeCsv(new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0x2c, 0x62])); // => { text: "a,b", encoding: "utf-8", bom: true }
 * decodeCsv(new Uint8Array([0x89, 0xdb, 0x2c, 0x31])); // => { text: "課,1", encoding: "shift_jis", bom: false }
 */
export function decodeCsv(bytes: Uint8Array, options: DecodeCsvOptions = {}): DecodedCsv {
  const wanted = options.encoding ?? "auto";
  if (!ENCODINGS.has(wanted)) {
    throw new CsvError("INVALID_OPTION", {
      en: `unknown encoding "${String(wanted)}" (auto, utf-8, utf-16le, utf-16be or shift_jis)`,
      ja: `文字コード「${String(wanted)}」は使えません（auto、utf-8、utf-16le、utf-16be、shift_jis）`,
    });
  }
  const utf8Bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const le = bytes[0] === 0xff && bytes[1] === 0xfe;
  const be = bytes[0] === 0xfe && bytes[1] === 0xff;
  if (wanted === "auto" && !le && !be && !utf8Bom) return detect(bytes);
  const encoding: CsvInputEncoding = wanted !== "auto" ? wanted : le ? "utf-16le" : be ? "utf-16be" : "utf-8";
  // CSV text never holds a NUL: it is UTF-16 read as bytes, or not a text file.
  if (encoding !== "utf-16le" && encoding !== "utf-16be" && bytes.includes(0)) throw binary();
  if (encoding === "utf-16le" || encoding === "utf-16be") {
    const bom = encoding === "utf-16le" ? le : be;
    const text = strictDecode(bom ? bytes.subarray(2) : bytes, encoding);
    if (text === undefined) {
      throw undecodable(
        `the bytes are not ${encoding.toUpperCase()} text`,
        `${encoding.toUpperCase()}として読めないバイトがあります`,
      );
    }
    return { text, encoding, bom };
  }
  if (encoding === "utf-8") {
    const text = strictDecode(utf8Bom ? bytes.subarray(3) : bytes, "utf-8");
    if (text === undefined) {
      throw undecodable(
        "the bytes are not UTF-8 text (check the file's encoding)",
        "UTF-8として読めないバイトがあります（文字コードを確認してください）",
      );
    }
    return { text, encoding, bom: utf8Bom };
  }
  const text = decodeShiftJis(bytes);
  if (text === undefined) {
    throw undecodable(
      "the bytes are not Shift_JIS text (check the file's encoding)",
      "Shift_JISとして読めないバイトがあります（文字コードを確認してください）",
    );
  }
  return { text, encoding, bom: false };
}

function binary(): CsvError {
  return undecodable(
    "a NUL byte: UTF-16 without a byte order mark, or not a text file (save the CSV as UTF-8 or Shift_JIS)",
    "UTF-16（BOMなし）またはバイナリのファイルです。UTF-8またはShift_JISのCSVで保存してください",
  );
}

function detect(bytes: Uint8Array): DecodedCsv {
  if (bytes.includes(0)) throw binary();
  const utf8 = strictDecode(bytes, "utf-8");
  if (utf8 !== undefined) return { text: utf8, encoding: "utf-8", bom: false };
  const shiftJis = decodeShiftJis(bytes);
  if (shiftJis !== undefined) return { text: shiftJis, encoding: "shift_jis", bom: false };
  throw undecodable(
    "the encoding cannot be told: the bytes are neither UTF-8 nor Shift_JIS text",
    "文字コードを判別できません（UTF-8・Shift_JISのどちらとしても読めないバイトがあります）",
  );
}
