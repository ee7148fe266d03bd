import { describe, expect, it } from "vitest";
import { formatCsv } from "./format-csv.js";

describe("formatCsv", () => {
  it("writes a header and rows with CRLF after every record", () => {
    expect(
      formatCsv(
        [
          ["総務課", -1200],
          ["=1+1", "a,b"],
        ],
        { header: ["課", "金額"] },
      ),
    ).toBe('課,金額\r\n総務課,-1200\r\n\'=1+1,"a,b"\r\n');
  });

  it("keeps money columns numeric while guarding the same text", () => {
    expect(formatCsv([[-500, "-500"]])).toBe("-500,'-500\r\n");
  });

  it("honours newline, finalNewline and formulaGuard", () => {
    expect(formatCsv([["a"], ["-b"]], { newline: "\n", finalNewline: false, formulaGuard: false })).toBe(
      "a\n-b",
    );
  });

  it("writes nothing for no rows and no header", () => {
    expect(formatCsv([])).toBe("");
    expect(formatCsv([], { header: ["課"] })).toBe("課\r\n");
  });

  it("quotes a lone empty cell so the record is not a blank line", () => {
    expect(formatCsv([["a"], [""], [null, null]])).toBe('a\r\n""\r\n,\r\n');
  });
});
