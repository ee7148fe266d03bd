import iconv from "iconv-lite";

/** A text encoding a CSV file may be in. */
export type TextEncodingName = "utf-8" | "shift_jis";

/** The decoded text, or why it could not be decoded (Japanese). */
export type DecodedText =
  | { readonly ok: true; readonly text: string; readonly encoding: TextEncodingName; readonly bom: boolean }
  | { readonly ok: false; readonly message: string };

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/**
 * Decodes UTF-8 (with or without BOM) or Shift_JIS (CP932), detected: valid UTF-8 wins (Shift_JIS
 * Japanese text is practically never valid UTF-8), else Shift_JIS without any undecodable byte.
 * UTF-16 and binary files are refused.
 */
export function decodeText(bytes: Uint8Array, encoding?: TextEncodingName): DecodedText {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (
    (bytes[0] === 0xff && bytes[1] === 0xfe) ||
    (bytes[0] === 0xfe && bytes[1] === 0xff) ||
    bytes.includes(0)
  ) {
    return {
      ok: false,
      message: "UTF-16またはバイナリのファイルです。UTF-8またはShift_JISのCSVで保存してください",
    };
  }
  if (encoding !== "shift_jis") {
    try {
      return { ok: true, text: utf8.decode(bom ? bytes.subarray(3) : bytes), encoding: "utf-8", bom };
    } catch {
      if (encoding === "utf-8")
        return { ok: false, message: "UTF-8として読めないバイトがあります（文字コードを確認してください）" };
    }
  }
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), "cp932");
  if (text.includes("\uFFFD")) {
    return {
      ok: false,
      message: "文字コードを判別できません（UTF-8・Shift_JISのどちらとしても読めないバイトがあります）",
    };
  }
  return { ok: true, text, encoding: "shift_jis", bom: false };
}
