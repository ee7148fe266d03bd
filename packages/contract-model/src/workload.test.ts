import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocate } from "./internal/allocate.js";
import { meguroNursery2026, nerimaAiService2026, nerimaTreasury2025 } from "./seed-contracts.js";
import { workload } from "./workload.js";

describe("workload", () => {
  it("spreads seed 000's 125,000 entries a year over the open days", () => {
    const w = workload(nerimaTreasury2025);
    // The contract (2025-07-01–2026-03-31), weekdays minus closed days, month by month:
    // Jul 23−1 (7/21 海の日) = 22; Aug 21−1 (8/11 山の日) = 20; Sep 22−2 (9/15, 9/23) = 20; Oct 23−1 (10/13) = 22;
    // Nov 20−2 (11/3, 11/24 振替休日) = 18; Dec 23−3 (12/29–31) = 20; Jan 22−3 (1/1, 1/2, 1/12) = 19;
    // Feb 20−2 (2/11, 2/23) = 18; Mar 22−1 (3/20) = 21. Total 180.
    expect(w.openDays.period).toBe(180);
    expect(w.lines[0]?.months.map((m) => m.openDays)).toEqual([22, 20, 20, 22, 18, 20, 19, 18, 21]);
    const entries = w.lines[0];
    expect(entries?.itemId).toBe("receipt-tally");
    expect(entries?.perOpenDay).toBeCloseTo(125_000 / w.openDays.fiscalYear, 10);
    expect(entries?.total).toBe(Math.round((125_000 * 180) / w.openDays.fiscalYear));
    expect(entries?.months.reduce((a, m) => a + m.amount, 0)).toBe(entries?.total);
  });

  it("puts the whole yearly volume into the period on request, and multiplies daily volumes", () => {
    const w = workload(nerimaTreasury2025, { basis: "period" });
    expect(w.lines[0]?.total).toBe(125_000);
    const daily = w.lines.find((l) => l.itemId === "ebusiness-all-departments");
    expect(daily?.total).toBe(2 * 180);
    const monthly = w.lines.find((l) => l.itemId === "payment-advice");
    expect(monthly?.months.every((m) => m.amount === 40)).toBe(true);
  });

  it("needs the contract-confirmed date for seed 001", () => {
    expect(() => workload(nerimaAiService2026)).toThrow(/contract-confirmed/);
    const w = workload(nerimaAiService2026, { anchors: { "contract-confirmed": "2026-05-20" } });
    expect(w.period).toEqual({ start: "2026-05-21", end: "2027-03-31" });
    expect(w.lines.map((l) => l.itemId)).toEqual(["prompts"]);
  });

  it("spreads seed 003's 500 fee decisions over the year", () => {
    const w = workload(meguroNursery2026);
    expect(w.openDays.period).toBe(w.openDays.fiscalYear);
    expect(w.lines).toMatchObject([{ itemId: "fee-tier", total: 500 }]);
  });
});

describe("allocate", () => {
  it("never loses a unit and stays proportional within one", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.array(fc.integer({ min: 0, max: 31 }), { minLength: 1, maxLength: 24 }),
        (total, weights) => {
          const shares = allocate(total, weights);
          const sum = weights.reduce((a, b) => a + b, 0);
          if (sum === 0) return shares.every((s) => s === 0);
          expect(shares.reduce((a, b) => a + b, 0)).toBe(total);
          shares.forEach((share, i) => {
            expect(Math.abs(share - (total * (weights[i] ?? 0)) / sum)).toBeLessThan(1);
          });
          return true;
        },
      ),
    );
  });
});
