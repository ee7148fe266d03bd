import { USD } from "dinero.js/currencies";
import { describe, expect, it } from "vitest";
import { formatAmount } from "./format-amount.js";
import { formatDaiji } from "./format-daiji.js";
import { money, yen } from "./money.js";

describe("formatAmount", () => {
  it("prints yen with 円, the symbol, or plain", () => {
    expect(formatAmount(yen(1234))).toBe("1,234円");
    expect(formatAmount(yen(1234), { style: "symbol" })).toBe("¥1,234");
    expect(formatAmount(yen(1234567), { style: "plain" })).toBe("1,234,567");
    expect(formatAmount(yen(1234), { grouping: false })).toBe("1234円");
    expect(formatAmount(yen(0))).toBe("0円");
  });
  it("marks negatives with a minus or the accounting triangles", () => {
    expect(formatAmount(yen(-1234))).toBe("-1,234円");
    expect(formatAmount(yen(-1234), { style: "plain", negative: "triangle" })).toBe("△1,234");
    expect(formatAmount(yen(-1234), { style: "symbol", negative: "black-triangle" })).toBe("▲¥1,234");
  });
  it("prints the decimals of other currencies", () => {
    expect(formatAmount(money(123456, USD))).toBe("1,234.56 USD");
    expect(formatAmount(money(-5, USD), { style: "symbol" })).toBe("-USD 0.05");
  });
});

describe("formatDaiji", () => {
  it.each([
    [12340, "金壱萬弐千参百四拾円也"],
    [10, "金壱拾円也"],
    [1_000_000, "金壱百萬円也"],
    [100_010_005, "金壱億壱萬伍円也"],
    [0, "金零円也"],
    [2_000_000_000_000, "金弐兆円也"],
  ])("writes %d as %s", (n, text) => {
    expect(formatDaiji(yen(n))).toBe(text);
  });
  it("can leave out 金 and 円也", () => {
    expect(formatDaiji(yen(12340), { wrap: false })).toBe("壱萬弐千参百四拾");
  });
  it("refuses negative amounts and other currencies", () => {
    expect(() => formatDaiji(yen(-1))).toThrow(expect.objectContaining({ code: "NOT_REPRESENTABLE" }));
    expect(() => formatDaiji(money(100, USD))).toThrow(
      expect.objectContaining({ code: "NOT_REPRESENTABLE" }),
    );
  });
});
