import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatCsv } from "./format-csv.js";
import { parseCsv } from "./parse-csv.js";

const cellsOf = (text: string, lenient = false): string[][] =>
  parseCsv(text, { lenient }).records.map((record) => record.cells);

describe("parseCsv", () => {
  it("splits CRLF records and comma cells", () => {
    expect(parseCsv("a,b\r\nc,d\r\n")).toEqual({
      records: [
        { line: 1, row: 1, cells: ["a", "b"] },
        { line: 2, row: 2, cells: ["c", "d"] },
      ],
      errors: [],
    });
  });

  it("reads quoted cells with commas, escaped quotes and line breaks; line is where a record starts", () => {
    const { records, errors } = parseCsv('"a,1","say ""hi""","two\r\nlines"\r\nnext,"",x');
    expect(errors).toEqual([]);
    expect(records).toEqual([
      { line: 1, row: 1, cells: ["a,1", 'say "hi"', "two\r\nlines"] },
      { line: 3, row: 2, cells: ["next", "", "x"] },
    ]);
  });

  it("tolerates LF and CR endings and a missing final line break, and skips blank lines", () => {
    expect(parseCsv("a\n\nb\r\n\r\nc\rd").records).toEqual([
      { line: 1, row: 1, cells: ["a"] },
      { line: 3, row: 3, cells: ["b"] },
      { line: 5, row: 5, cells: ["c"] },
      { line: 6, row: 6, cells: ["d"] },
    ]);
  });

  it("keeps empty cells, including a trailing one at the end of the text", () => {
    expect(cellsOf("a,,\r\n")).toEqual([["a", "", ""]]);
    expect(cellsOf("a,")).toEqual([["a", ""]]);
    expect(cellsOf('""')).toEqual([[""]]);
  });

  it("reports an unterminated quote, a stray quote and text after a closing quote, with line and column", () => {
    expect(parseCsv('a,"b\r\nc')).toEqual({
      records: [],
      errors: [
        {
          code: "UNTERMINATED_QUOTE",
          line: 1,
          column: 2,
          message: "@ward/csv-jp: a quoted field is not closed (line 1, column 2)",
          messageJa: '引用符（"）が閉じられていません',
        },
      ],
    });
    const stray = parseCsv('ok\r\na"b,c\r\nfine');
    expect(stray.errors.map((e) => [e.code, e.line, e.column])).toEqual([["STRAY_QUOTE", 2, 1]]);
    expect(stray.records.map((r) => r.line)).toEqual([1, 3]);
    const after = parseCsv('x,"a"b,c\r\ny');
    expect(after.errors.map((e) => [e.code, e.line, e.column, e.messageJa])).toEqual([
      ["TEXT_AFTER_QUOTE", 1, 2, "引用符で囲まれた項目の後に余分な文字があります"],
    ]);
    expect(after.records).toEqual([{ line: 2, row: 2, cells: ["y"] }]);
  });

  it("goes on at the next line after an error, counting lines of a multi-line record", () => {
    const { records, errors } = parseCsv('"a\r\nb"x\r\nok');
    expect(errors.map((e) => [e.code, e.line])).toEqual([["TEXT_AFTER_QUOTE", 1]]);
    expect(records).toEqual([{ line: 3, row: 2, cells: ["ok"] }]);
  });

  it("keeps broken records when lenient, reading the quotes as text", () => {
    const text = 'a"b,c\r\n"a"b"c,d\r\n"open,\r\nrest';
    const { records, errors } = parseCsv(text, { lenient: true });
    expect(errors.map((e) => e.code)).toEqual(["STRAY_QUOTE", "TEXT_AFTER_QUOTE", "UNTERMINATED_QUOTE"]);
    expect(records.map((r) => r.cells)).toEqual([['a"b', "c"], ['ab"c', "d"], ["open,\r\nrest"]]);
  });

  it("reads back what formatCsv wrote (property: parse(format(rows)) == rows)", () => {
    const cell = fc.string({
      unit: fc.constantFrom("a", "日", "髙", ",", '"', "\n", "\r", "\r\n", " ", "'"),
    });
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { maxLength: 8 }),
        fc.boolean(),
        (rows, lf) => {
          const text = formatCsv(rows, { newline: lf ? "\n" : "\r\n", formulaGuard: false });
          const parsed = parseCsv(text);
          expect(parsed.errors).toEqual([]);
          expect(parsed.records.map((r) => r.cells)).toEqual(rows);
          expect(parsed.records.map((r) => r.row)).toEqual(rows.map((_, i) => i + 1));
        },
      ),
    );
  });

  it("reads back guarded text with its ' prefix and numbers as their digits (property)", () => {
    fc.assert(
      fc.property(fc.string(), fc.integer(), (text, yen) => {
        const [record] = parseCsv(formatCsv([[`=${text}`, yen]])).records;
        expect(record?.cells).toEqual([`'=${text}`, String(yen)]);
      }),
    );
  });
});
