import { CsvError } from "@ward/csv-jp";
import { describe, expect, it } from "vitest";
import { csvBytes } from "./csv-bytes.js";

describe("csvBytes", () => {
  it("writes UTF-8 with a BOM, CRLF and a guarded formula-looking cell", () => {
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(
      csvBytes(["支払先", "金額"], [["=HYPERLINK()", 1200]]),
    );
    expect(text).toBe("\uFEFF支払先,金額\r\n'=HYPERLINK(),1200\r\n");
  });

  it("writes Shift_JIS and refuses a character it cannot hold instead of writing ?", () => {
    expect(new TextDecoder("shift_jis").decode(csvBytes(["支払先"], [["髙橋商店"]], "shift_jis"))).toBe(
      "支払先\r\n髙橋商店\r\n",
    );
    expect(() => csvBytes(["支払先"], [["김치 商店"]], "shift_jis")).toThrow(CsvError);
    try {
      csvBytes(["支払先"], [["김치"]], "shift_jis");
    } catch (error) {
      expect((error as CsvError).code).toBe("UNENCODABLE_CHARACTER");
      expect((error as CsvError).messageJa).toContain("김");
    }
  });
});
