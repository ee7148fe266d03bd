import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { CsvError } from "./csv-error.js";
import { encodeCsv } from "./encode-csv.js";

const caught = (run: () => unknown): CsvError => {
  try {
    run();
  } catch (error) {
    if (error instanceof CsvError) return error;
    throw error;
  }
  throw new Error("expected a CsvError");
};

describe("encodeCsv", () => {
  it("writes UTF-8 with a BOM by default, once", () => {
    expect([...encodeCsv("a")]).toEqual([0xef, 0xbb, 0xbf, 0x61]);
    expect([...encodeCsv("\ufeffa")]).toEqual([0xef, 0xbb, 0xbf, 0x61]);
    expect([...encodeCsv("課", { encoding: "utf-8" })]).toEqual([0xe8, 0xaa, 0xb2]);
  });

  it("writes Shift_JIS (CP932), including NEC and IBM extensions", () => {
    const text = "髙橋,①,㈱,ⅰ\r\n";
    expect(iconv.decode(Buffer.from(encodeCsv(text, { encoding: "shift_jis" })), "cp932")).toBe(text);
  });

  it("writes the CP932 look-alikes of 〜 − — ¥ and the no-break space", () => {
    const bytes = encodeCsv("〜−—¥\u00a0", { encoding: "shift_jis" });
    expect(iconv.decode(Buffer.from(bytes), "cp932")).toBe("～－―￥ ");
    expect([...bytes.subarray(0, 2)]).toEqual([0x81, 0x60]);
  });

  it("names a character Shift_JIS lacks and where it is, never writing ?", () => {
    const error = caught(() => encodeCsv("a,b\r\n髙橋,🍣\r\n", { encoding: "shift_jis" }));
    expect(error.code).toBe("UNENCODABLE_CHARACTER");
    expect(error.character).toBe("🍣");
    expect(error.position).toEqual({ index: 8, line: 2, column: 4 });
    expect(error.message).toBe('@ward/csv-jp: "🍣" (U+1F363) at line 2, column 4 has no Shift_JIS form');
    expect(error.messageJa).toBe("2行目4文字目の「🍣」（U+1F363）はShift_JISで表せません");
    expect(caught(() => encodeCsv("한", { encoding: "shift_jis" })).character).toBe("한");
  });

  it("refuses an unknown encoding", () => {
    expect(caught(() => encodeCsv("a", { encoding: "euc-jp" as "utf-8" })).code).toBe("INVALID_OPTION");
  });
});
