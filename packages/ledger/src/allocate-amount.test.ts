import { allocate as dineroAllocate, toSnapshot } from "dinero.js";
import { USD } from "dinero.js/currencies";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocateAmount } from "./allocate-amount.js";
import { money, toMinorUnits, yen } from "./money.js";

const split = (n: number, ratios: number[], rule?: "largest-ratio" | "largest-remainder") =>
  allocateAmount(yen(n), ratios, rule === undefined ? {} : { rule }).map(toMinorUnits);

describe("allocateAmount", () => {
  it("gives the remainder to the largest ratio by default, like dinero.js", () => {
    expect(split(10, [50, 25, 25])).toEqual([6, 2, 2]);
    expect(split(10, [25, 25, 50])).toEqual([2, 2, 6]);
  });
  it("offers the largest-remainder rule", () => {
    expect(split(10, [50, 25, 25], "largest-remainder")).toEqual([5, 3, 2]);
    expect(split(100, [1, 1, 1], "largest-remainder")).toEqual([34, 33, 33]);
  });
  it("splits negative amounts symmetrically and gives zero ratios nothing", () => {
    expect(split(-10, [50, 25, 25])).toEqual([-6, -2, -2]);
    expect(split(7, [0, 1, 0])).toEqual([0, 7, 0]);
  });
  it("is exact where a number calculator would overflow", () => {
    const shares = split(Number.MAX_SAFE_INTEGER, [1_000_000, 1]);
    expect(shares.reduce((a, b) => a + b, 0)).toBe(Number.MAX_SAFE_INTEGER);
  });
  it("keeps the currency", () => {
    expect(allocateAmount(money(1001, USD), [1, 1]).map((m) => toSnapshot(m).currency.code)).toEqual([
      "USD",
      "USD",
    ]);
  });
  it.each([[[]], [[0, 0]], [[-1, 2]], [[1.5, 1]]])("rejects ratios %j", (ratios) => {
    expect(() => allocateAmount(yen(10), ratios)).toThrow(
      expect.objectContaining({ code: "INVALID_RATIOS" }),
    );
  });
  it("never loses a yen, under both rules", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e15, max: 1e15 }),
        fc.array(fc.nat({ max: 1e6 }), { minLength: 1, maxLength: 12 }).filter((r) => r.some((x) => x > 0)),
        fc.constantFrom("largest-ratio", "largest-remainder" as const),
        (n, ratios, rule) => {
          const shares = split(n, ratios, rule);
          expect(shares.reduce((a, b) => a + b, 0)).toBe(n);
          ratios.forEach((r, i) => {
            if (r === 0) expect(shares[i]).toBe(0);
            // Each share is within one unit of its exact quota n × r / Σr.
            const sum = BigInt(ratios.reduce((a, b) => a + b, 0));
            const gap = BigInt(shares[i] as number) * sum - BigInt(n) * BigInt(r);
            expect((gap < 0n ? -gap : gap) < sum).toBe(true);
          });
        },
      ),
    );
  });
  it("agrees with dinero.js when ratios are distinct and products stay small", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e6 }),
        fc.uniqueArray(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 6 }),
        (n, ratios) => {
          const ours = split(n, ratios);
          const theirs = dineroAllocate(yen(n), ratios).map(toMinorUnits);
          expect(ours).toEqual(theirs);
        },
      ),
    );
  });
});
