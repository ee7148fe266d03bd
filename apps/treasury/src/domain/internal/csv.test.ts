import { describe, expect, it } from "vitest";
import { parseCsv } from "./csv.js";

describe("parseCsv", () => {
  it("splits CRLF records and comma fields", () => {
    expect(parseCsv("a,b\r\nc,d\r\n")).toEqual({
      records: [
        { line: 1, fields: ["a", "b"] },
        { line: 2, fields: ["c", "d"] },
      ],
      errors: [],
    });
  });

  it("reads quoted fields with commas, escaped quotes and line breaks, keeping line numbers", () => {
    const { records, errors } = parseCsv('"a,1","say ""hi""","two\r\nlines"\r\nnext,"",x');
    expect(errors).toEqual([]);
    expect(records).toEqual([
      { line: 1, fields: ["a,1", 'say "hi"', "two\r\nlines"] },
      { line: 3, fields: ["next", "", "x"] },
    ]);
  });

  it("tolerates LF endings, a missing final line break and skips empty lines", () => {
    expect(parseCsv("a\n\nb\r\n\r\nc").records).toEqual([
      { line: 1, fields: ["a"] },
      { line: 3, fields: ["b"] },
      { line: 5, fields: ["c"] },
    ]);
  });

  it("keeps empty fields, including a trailing one", () => {
    expect(parseCsv("a,,\r\n").records[0]?.fields).toEqual(["a", "", ""]);
  });

  it("reports an unterminated quote, a stray quote and text after a closing quote", () => {
    expect(parseCsv('a,"b\r\nc').errors).toEqual([
      { line: 1, message: expect.stringContaining("閉じられていません") },
    ]);
    const stray = parseCsv('ok\r\na"b,c\r\nfine');
    expect(stray.errors).toEqual([{ line: 2, message: expect.stringContaining("引用符で囲まれていない") }]);
    expect(stray.records.map((r) => r.line)).toEqual([1, 3]);
    expect(parseCsv('"a"b,c').errors[0]?.message).toContain("余分な文字");
  });
});
