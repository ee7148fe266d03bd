import { USD } from "dinero.js/currencies";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatAmount } from "./format-amount.js";
import { formatDaiji } from "./format-daiji.js";
import { toMinorUnits, yen } from "./money.js";
import { parseAmount, safeParseAmount } from "./parse-amount.js";

const units = (text: string): number => toMinorUnits(parseAmount(text));

describe("parseAmount", () => {
  it.each([
    ["1,234", 1234],
    ["¥1,234", 1234],
    ["￥1,234", 1234],
    ["１，２３４円", 1234],
    ["1234円", 1234],
    ["1234", 1234],
    [" 1,234 円 ", 1234],
    ["\\1,234", 1234],
    ["¥1,234-", 1234],
    ["0", 0],
    ["-1,234", -1234],
    ["−1,234", -1234],
    ["△1,234", -1234],
    ["▲1,234", -1234],
    ["△１，２３４円", -1234],
    ["-¥1,234", -1234],
    ["¥-1,234", -1234],
    ["金壱萬弐千参百四拾円也", 12340],
    ["一万二千三百四十円", 12340],
    ["壱億円", 100_000_000],
    ["二〇二五", 2025],
    ["金伍萬圓也", 50_000],
    ["金 伍萬 圓也", 50_000],
    ["1,234圓", 1234],
    ["1\u2009234\u2009567", 1_234_567],
    ["¥ 1\u202F234", 1234],
    ["△ 1,234 円", -1234],
  ])("reads %s as %d", (text, expected) => {
    expect(units(text)).toBe(expected);
  });

  it("rejects a decimal for JPY with a Japanese message", () => {
    const result = safeParseAmount("12.5");
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(result.error.code).toBe("PARSE_FRACTION");
      expect(result.error.messageJa).toBe("円未満の端数（小数点）は入力できません：「12.5」");
      expect(result.error.message).toMatch(/^@ward\/ledger: JPY has no minor unit/);
    }
  });
  it.each([
    ["1,23,4", "PARSE_GROUPING"],
    ["12,34", "PARSE_GROUPING"],
    ["1234,567", "PARSE_GROUPING"],
    ["", "PARSE_EMPTY"],
    ["   ", "PARSE_EMPTY"],
    ["¥", "PARSE_EMPTY"],
    ["abc", "PARSE_INVALID"],
    ["1,234円円", "PARSE_INVALID"],
    ["--1", "PARSE_INVALID"],
    ["百千", "PARSE_INVALID"],
    ["1e5", "PARSE_INVALID"],
    ["12 34", "PARSE_GROUPING"],
    ["1 2 3 4", "PARSE_GROUPING"],
    ["1 234", "PARSE_GROUPING"],
    ["１２　３４円", "PARSE_GROUPING"],
    ["12\u200934", "PARSE_GROUPING"],
    ["1\u20092345", "PARSE_GROUPING"],
    ["1,234\u2009567", "PARSE_GROUPING"],
    ["1\t234", "PARSE_GROUPING"],
  ])("rejects %j with %s", (text, code) => {
    expect(() => parseAmount(text)).toThrow(expect.objectContaining({ code }));
    const result = safeParseAmount(text);
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.messageJa).toBeTypeOf("string");
  });
  it("reads other currencies with their decimals", () => {
    expect(toMinorUnits(parseAmount("12.5", { currency: USD }))).toBe(1250);
    expect(toMinorUnits(parseAmount("USD 1,234.56", { currency: USD }))).toBe(123456);
    expect(() => parseAmount("1.234", { currency: USD })).toThrow(
      expect.objectContaining({ code: "PARSE_FRACTION" }),
    );
  });
  it("refuses amounts past the safe range", () => {
    expect(() => parseAmount("99,999,999,999,999,999")).toThrow(
      expect.objectContaining({ code: "OVERFLOW" }),
    );
  });
  it("returns the value from safeParseAmount on success", () => {
    const result = safeParseAmount("¥1,000");
    expect(result.success && toMinorUnits(result.data)).toBe(1000);
  });
});

describe("format/parse round trip", () => {
  const amount = fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });
  it("reads back every style and negative mark", () => {
    fc.assert(
      fc.property(
        amount,
        fc.constantFrom("yen", "symbol", "plain" as const),
        fc.constantFrom("minus", "triangle", "black-triangle" as const),
        fc.boolean(),
        (n, style, negative, grouping) => {
          const text = formatAmount(yen(n), { style, negative, grouping });
          expect(toMinorUnits(parseAmount(text))).toBe(n);
        },
      ),
    );
  });
  it("reads back 大字", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (n) => {
        expect(toMinorUnits(parseAmount(formatDaiji(yen(n))))).toBe(n);
      }),
    );
  });
  it("reads back USD", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
        const text = formatAmount(
          parseAmount(`${n < 0 ? "-" : ""}${Math.abs(n / 100).toFixed(2)}`, { currency: USD }),
        );
        expect(toMinorUnits(parseAmount(text, { currency: USD }))).toBe(n);
      }),
    );
  });
});
