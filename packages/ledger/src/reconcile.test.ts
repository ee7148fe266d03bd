import { USD } from "dinero.js/currencies";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { notices } from "./fixtures/notices.js";
import { toMinorUnits } from "./money.js";
import { reconcile } from "./reconcile.js";
import { createTally } from "./tally-builder.js";
import { defineTally } from "./tally-schema.js";

const base = [
  ["N1", 1000, "bank", "01", "10/01/01/01", "D10"],
  ["N2", 2000, "bank", "01", "10/01/02/01", "D11"],
  ["N3", 700, "counter", "02", "2/1/1/1", "D20"],
] as const;

function tallyOf(rows: readonly (readonly [string, number, string, string, string, string])[]) {
  const b = createTally(notices);
  for (const [key, units, ...values] of rows) b.addUnits(key, units, values);
  return b;
}

describe("reconcile", () => {
  it("says balanced when every cell matches", () => {
    const r = reconcile(tallyOf(base).snapshot(), tallyOf([...base].reverse()).snapshot());
    expect(r.balanced).toBe(true);
    expect(r.summary).toMatchObject({
      cells: 3,
      matched: 3,
      differing: 0,
      message: "balanced",
      messageJa: "一致しています",
    });
    expect(r.differences).toEqual([]);
  });
  it("reports differing cells with expected, actual, difference and counts", () => {
    const actual = tallyOf([
      ["N1", 1000, "bank", "01", "10/01/01/01", "D10"],
      ["N2", 2100, "bank", "01", "10/01/02/01", "D11"],
      ["N3", 700, "counter", "02", "2/1/1/1", "D20"],
    ]);
    const r = reconcile(tallyOf(base).snapshot(), actual.snapshot());
    expect(r.balanced).toBe(false);
    expect(r.differences).toHaveLength(1);
    const [d] = r.differences;
    expect(d).toMatchObject({
      key: "bank|01|10/01/02/01|D11",
      status: "differs",
      expected: { count: 1, units: 2000 },
      actual: { count: 1, units: 2100 },
      difference: { count: 0, units: 100 },
    });
    expect(toMinorUnits(d?.difference.amount as never)).toBe(100);
    expect(r.summary.difference.units).toBe(100);
    expect(r.summary.message).toMatch(/1 of 3 cells differ.*100円/);
    expect(r.summary.messageJa).toContain("差額 100円");
  });
  it("reports count-only differences (the same total split into different notices)", () => {
    const actual = tallyOf([
      ["N1", 400, "bank", "01", "10/01/01/01", "D10"],
      ["N1b", 600, "bank", "01", "10/01/01/01", "D10"],
      ["N2", 2000, "bank", "01", "10/01/02/01", "D11"],
      ["N3", 700, "counter", "02", "2/1/1/1", "D20"],
    ]);
    const r = reconcile(tallyOf(base).snapshot(), actual.snapshot());
    expect(r.balanced).toBe(false);
    expect(r.differences[0]?.difference).toMatchObject({ count: 1, units: 0 });
  });
  it("reports cells present on one side only", () => {
    const actual = tallyOf([base[0], base[1], ["X9", 50, "post", "01", "10/01/01/01", "D10"]]);
    const r = reconcile(tallyOf(base).snapshot(), actual.snapshot());
    expect(r.differences.map((d) => [d.key, d.status])).toEqual([
      ["counter|02|2/1/1/1|D20", "missing-in-actual"],
      ["post|01|10/01/01/01|D10", "missing-in-expected"],
    ]);
    expect(r.summary).toMatchObject({ cells: 4, matched: 2, missingInActual: 1, missingInExpected: 1 });
    expect(r.differences[0]).toMatchObject({
      actual: { count: 0, units: 0 },
      difference: { count: -1, units: -700 },
    });
  });
  it("treats a fully reversed cell as equal to an absent one", () => {
    const b = tallyOf(base);
    b.reverse({ key: "R3", reverses: "N3" });
    expect(reconcile(b.snapshot(), tallyOf([base[0], base[1]]).snapshot()).balanced).toBe(true);
  });
  it("refuses tallies of different shapes", () => {
    const other = createTally(defineTally({ currency: USD, dimensions: [{ name: "x" }] })).snapshot();
    expect(() => reconcile(tallyOf(base).snapshot() as never, other as never)).toThrow(
      expect.objectContaining({ code: "SCHEMA_MISMATCH" }),
    );
  });
  it("finds any tally balanced against itself", () => {
    const row = fc.tuple(
      fc.integer({ min: -1e12, max: 1e12 }),
      fc.constantFrom("bank", "post", "counter"),
      fc.constantFrom("01", "02"),
      fc.constantFrom("10/01/01/01", "2/1/1/1"),
      fc.constantFrom("D10", "D11"),
    );
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), (rows) => {
        const t = tallyOf(rows.map(([units, ...v], i) => [`k${i}`, units, ...v] as const)).snapshot();
        const r = reconcile(t, t);
        expect(r.balanced).toBe(true);
        expect(r.summary.message).toBe("balanced");
      }),
    );
  });
});
