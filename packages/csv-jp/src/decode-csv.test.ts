import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { CsvError } from "./csv-error.js";
import { decodeCsv } from "./decode-csv.js";

const text = "課,内線\r\n総務課,1001\r\n";
const bytesOf = (encoding: string, value = text): Uint8Array => new Uint8Array(iconv.encode(value, encoding));
const codeOf = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (error) {
    if (error instanceof CsvError) return `${error.code}: ${error.messageJa}`;
    throw error;
  }
  return undefined;
};

describe("decodeCsv", () => {
  it("detects UTF-8 with and without a BOM, and drops the BOM", () => {
    expect(decodeCsv(bytesOf("utf-8"))).toEqual({ text, encoding: "utf-8", bom: false });
    expect(decodeCsv(new Uint8Array([0xef, 0xbb, 0xbf, ...bytesOf("utf-8")]))).toEqual({
      text,
      encoding: "utf-8",
      bom: true,
    });
  });

  it("detects UTF-16 LE and BE by their BOM", () => {
    expect(decodeCsv(new Uint8Array([0xff, 0xfe, ...bytesOf("utf-16le")]))).toEqual({
      text,
      encoding: "utf-16le",
      bom: true,
    });
    expect(decodeCsv(new Uint8Array([0xfe, 0xff, ...bytesOf("utf-16be")])).encoding).toBe("utf-16be");
  });

  it("detects Shift_JIS (CP932) when the bytes are not UTF-8", () => {
    expect(decodeCsv(bytesOf("cp932", "髙橋,①,～\r\n"))).toEqual({
      text: "髙橋,①,～\r\n",
      encoding: "shift_jis",
      bom: false,
    });
  });

  it("reads ASCII as UTF-8 and an empty file as empty UTF-8 text", () => {
    expect(decodeCsv(bytesOf("ascii", "a,b")).encoding).toBe("utf-8");
    expect(decodeCsv(new Uint8Array())).toEqual({ text: "", encoding: "utf-8", bom: false });
  });

  it("uses a named encoding as is", () => {
    expect(decodeCsv(bytesOf("cp932"), { encoding: "shift_jis" }).text).toBe(text);
    expect(decodeCsv(bytesOf("utf-16le"), { encoding: "utf-16le" })).toEqual({
      text,
      encoding: "utf-16le",
      bom: false,
    });
  });

  it("refuses bytes that are no text in the named encoding", () => {
    expect(codeOf(() => decodeCsv(bytesOf("cp932"), { encoding: "utf-8" }))).toMatch(
      /^UNDECODABLE_BYTES: UTF-8として/,
    );
    expect(codeOf(() => decodeCsv(new Uint8Array([0x82, 0xff]), { encoding: "shift_jis" }))).toMatch(
      /^UNDECODABLE_BYTES: Shift_JISとして/,
    );
  });

  it("refuses bytes in no detectable encoding, BOM-less UTF-16 and binary files", () => {
    expect(codeOf(() => decodeCsv(bytesOf("euc-jp", "髙橋①")))).toMatch(
      /^UNDECODABLE_BYTES: 文字コードを判別できません/,
    );
    expect(codeOf(() => decodeCsv(bytesOf("utf-16le")))).toMatch(/^UNDECODABLE_BYTES: UTF-16/);
    expect(() => decodeCsv(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00]))).toThrow(
      /@ward\/csv-jp: a NUL byte/,
    );
  });

  it("refuses a NUL byte in UTF-8 or Shift_JIS even when named", () => {
    expect(codeOf(() => decodeCsv(new Uint8Array([0x61, 0x00]), { encoding: "shift_jis" }))).toMatch(
      /^UNDECODABLE_BYTES: UTF-16/,
    );
    expect(codeOf(() => decodeCsv(new Uint8Array([0x61, 0x00]), { encoding: "utf-8" }))).toMatch(
      /^UNDECODABLE_BYTES/,
    );
  });

  it("refuses an unknown encoding option", () => {
    expect(codeOf(() => decodeCsv(new Uint8Array(), { encoding: "euc-jp" as "utf-8" }))).toMatch(
      /^INVALID_OPTION/,
    );
  });
});
