import { describe, expect, it } from "vitest";
import { CsvError } from "./csv-error.js";
import { formatCsvCell } from "./format-csv-cell.js";

describe("formatCsvCell", () => {
  it("quotes cells holding a quote, comma, CR or LF and doubles the quotes", () => {
    expect(formatCsvCell('a"b')).toBe('"a""b"');
    expect(formatCsvCell("a,b")).toBe('"a,b"');
    expect(formatCsvCell("a\rb")).toBe('"a\rb"');
    expect(formatCsvCell("a\nb")).toBe('"a\nb"');
    expect(formatCsvCell("総務課")).toBe("総務課");
  });

  it("prefixes ' to text starting with = + - @ tab or CR", () => {
    expect(formatCsvCell("=1+1")).toBe("'=1+1");
    expect(formatCsvCell("+81")).toBe("'+81");
    expect(formatCsvCell("-1")).toBe("'-1");
    expect(formatCsvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(formatCsvCell("\tx")).toBe("'\tx");
    expect(formatCsvCell("\rx")).toBe('"\'\rx"');
    expect(formatCsvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(formatCsvCell("a=1")).toBe("a=1");
  });

  it("leaves text unguarded when the guard is off", () => {
    expect(formatCsvCell("-A1", { formulaGuard: false })).toBe("-A1");
  });

  it("writes numbers and bigints as numbers, never guarded, and null/undefined as empty", () => {
    expect(formatCsvCell(-1200)).toBe("-1200");
    expect(formatCsvCell(12345678901234567890n)).toBe("12345678901234567890");
    expect(formatCsvCell(null)).toBe("");
    expect(formatCsvCell(undefined)).toBe("");
  });

  it("refuses NaN and infinite numbers", () => {
    expect(() => formatCsvCell(Number.NaN)).toThrow(CsvError);
    expect(() => formatCsvCell(Number.POSITIVE_INFINITY)).toThrow(
      /@ward\/csv-jp: cannot write the number Infinity/,
    );
  });
});
