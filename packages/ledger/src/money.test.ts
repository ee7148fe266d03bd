import { dinero } from "dinero.js";
import { JPY, USD } from "dinero.js/currencies";
import { describe, expect, it } from "vitest";
import { LedgerError } from "./errors.js";
import { currencyFromCode, money, sumMoney, toMinorUnits, yen } from "./money.js";

describe("money", () => {
  it("creates yen from numbers, bigints and integer strings", () => {
    expect(toMinorUnits(yen(1234))).toBe(1234);
    expect(toMinorUnits(yen(-5n))).toBe(-5);
    expect(toMinorUnits(yen("42"))).toBe(42);
  });
  it("refuses fractions and amounts past the safe range instead of rounding silently", () => {
    expect(() => yen(1.5)).toThrow(expect.objectContaining({ code: "NOT_AN_INTEGER" }));
    expect(() => yen(2 ** 53)).toThrow(expect.objectContaining({ code: "OVERFLOW" }));
    expect(() => yen(2n ** 60n)).toThrow(expect.objectContaining({ code: "OVERFLOW" }));
    expect(() => yen("1e3")).toThrow(expect.objectContaining({ code: "NOT_AN_INTEGER" }));
  });
  it("reads other scales back to minor units and refuses a fraction of a yen", () => {
    expect(toMinorUnits(dinero({ amount: 100, currency: JPY, scale: 2 }))).toBe(1);
    expect(() => toMinorUnits(dinero({ amount: 150, currency: JPY, scale: 2 }))).toThrow(
      expect.objectContaining({ code: "SUBUNIT_AMOUNT" }),
    );
    expect(toMinorUnits(money(1250, USD))).toBe(1250);
  });
  it("sums exactly and reports overflow where dinero's number calculator would lose yen", () => {
    expect(toMinorUnits(sumMoney([yen(1), yen(2), yen(-4)], JPY))).toBe(-1);
    expect(toMinorUnits(sumMoney([], JPY))).toBe(0);
    const big = yen(Number.MAX_SAFE_INTEGER);
    expect(() => sumMoney([big, yen(1)], JPY)).toThrow(LedgerError);
  });
  it("refuses to sum mixed currencies", () => {
    expect(() => sumMoney([yen(1), money(1, USD) as never], JPY)).toThrow(
      expect.objectContaining({ code: "CURRENCY_MISMATCH" }),
    );
  });
  it("looks currencies up by code", () => {
    expect(currencyFromCode("JPY")).toEqual({ code: "JPY", base: 10, exponent: 0 });
    expect(() => currencyFromCode("XXX")).toThrow(expect.objectContaining({ code: "UNKNOWN_CURRENCY" }));
  });
  it("prefixes messages with the package name", () => {
    expect(() => yen(0.5)).toThrow(/^@ward\/ledger: /);
  });
});
