import { parseCsv as parseCsvText } from "@ward/csv-jp";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCsv } from "./parse-csv.js";

const encodeField = (field: string): string =>
  /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;

describe("@ward/csv-jp parseCsv (lenient, as parseCsv reads)", () => {
  it("reads back whatever a CSV writer wrote (property)", () => {
    const cell = fc.string({ unit: fc.constantFrom("a", "日", ",", '"', "\n", "\r\n", " ") });
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
        (rows) => {
          const text = rows.map((row) => row.map(encodeField).join(",")).join("\r\n");
          expect(parseCsvText(text, { lenient: true }).records.map((record) => record.cells)).toEqual(rows);
        },
      ),
    );
  });
});

describe("parseCsv", () => {
  it("numbers rows as a spreadsheet shows them, skipping blank lines and a BOM", () => {
    const bytes = new TextEncoder().encode("\uFEFF課,内線\n\n総務課,1001\n人事課,1002\n");
    expect(parseCsv(bytes, { maxChars: 800 })).toEqual([
      {
        text: "課 | 内線\n総務課 | 1001\n人事課 | 1002",
        locator: { kind: "rows", fromRow: 3, toRow: 4 },
        noTextLayer: false,
      },
    ]);
  });

  it("keeps a header-only file as one section and an empty one as none", () => {
    expect(parseCsv(new TextEncoder().encode("課,内線\n"), { maxChars: 800 })).toEqual([
      { text: "課 | 内線", locator: { kind: "rows", fromRow: 1, toRow: 1 }, noTextLayer: false },
    ]);
    expect(parseCsv(new TextEncoder().encode("\n\n"), { maxChars: 800 })).toEqual([]);
  });
});
