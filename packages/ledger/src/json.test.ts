import { USD } from "dinero.js/currencies";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { notices } from "./fixtures/notices.js";
import { moneyFromJSON, moneyToJSON, tallyFromJSON, tallyToJSON } from "./json.js";
import { money, toMinorUnits, yen } from "./money.js";
import { reconcile } from "./reconcile.js";
import { createTally } from "./tally-builder.js";

function sample() {
  const b = createTally(notices);
  b.addUnits("N1", 1000, ["bank", "01", "10/01/01/01", "D10"]);
  b.addUnits("N2", -250, ["post", "02", "2/1/1/1", "D20"]);
  b.reverse({ key: "R1", reverses: "N1" });
  return b.snapshot();
}

describe("money JSON", () => {
  it("writes amounts as integer strings and reads them back", () => {
    expect(moneyToJSON(yen(-1234))).toEqual({ amount: "-1234", currency: "JPY" });
    expect(toMinorUnits(moneyFromJSON({ amount: "1234", currency: "JPY" }))).toBe(1234);
    expect(toMinorUnits(moneyFromJSON({ amount: 5, currency: "USD" }))).toBe(5);
    expect(moneyToJSON(moneyFromJSON(moneyToJSON(money(199, USD))))).toEqual({
      amount: "199",
      currency: "USD",
    });
  });
  it("refuses floats and junk", () => {
    expect(() => moneyFromJSON({ amount: 1.5, currency: "JPY" })).toThrow(
      expect.objectContaining({ code: "INVALID_JSON" }),
    );
    expect(() => moneyFromJSON({ amount: "1.5", currency: "JPY" })).toThrow(
      expect.objectContaining({ code: "INVALID_JSON" }),
    );
    expect(() => moneyFromJSON({ amount: "1", currency: "XYZ" })).toThrow(
      expect.objectContaining({ code: "UNKNOWN_CURRENCY" }),
    );
    expect(() => moneyFromJSON(null)).toThrow(expect.objectContaining({ code: "INVALID_JSON" }));
  });
  it("round-trips any safe amount", () => {
    fc.assert(
      fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (n) => {
        expect(toMinorUnits(moneyFromJSON(JSON.parse(JSON.stringify(moneyToJSON(yen(n))))))).toBe(n);
      }),
    );
  });
});

describe("tally JSON", () => {
  it("round-trips a tally through JSON text with no float anywhere", () => {
    const t = sample();
    const text = JSON.stringify(tallyToJSON(t));
    expect(text).not.toMatch(/"amount":-?\d/);
    const back = tallyFromJSON(JSON.parse(text));
    expect(reconcile(t, back).balanced).toBe(true);
    expect(back.rows().map((r) => [r.key, r.count, r.units])).toEqual(
      t.rows().map((r) => [r.key, r.count, r.units]),
    );
    expect([...back.entries()].map((e) => [e.key, e.units, e.reverses])).toEqual([
      ["N1", 1000, undefined],
      ["N2", -250, undefined],
      ["R1", -1000, "N1"],
    ]);
    expect(back.schema.dimensions[0]?.labels?.bank).toBe("銀行");
  });
  it("refuses JSON whose cells the entries do not reproduce", () => {
    const json = tallyToJSON(sample());
    const tampered = { ...json, total: { ...json.total, amount: "999" } };
    expect(() => tallyFromJSON(tampered)).toThrow(expect.objectContaining({ code: "INVALID_JSON" }));
    expect(() => tallyFromJSON({ ...json, version: 2 })).toThrow(
      expect.objectContaining({ code: "INVALID_JSON" }),
    );
    expect(() =>
      tallyFromJSON({ ...json, entries: [{ key: "x", cell: "bank|01|10/01/01/01|D10", amount: "1.5" }] }),
    ).toThrow(expect.objectContaining({ code: "INVALID_JSON" }));
  });
});
