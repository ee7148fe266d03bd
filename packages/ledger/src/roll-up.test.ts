import { describe, expect, it } from "vitest";
import { notices } from "./fixtures/notices.js";
import { reconcile } from "./reconcile.js";
import { rollUp } from "./roll-up.js";
import { createTally } from "./tally-builder.js";

function sample() {
  const b = createTally(notices);
  b.addUnits("N1", 1000, ["bank", "01", "10/01/01/01", "D10"]);
  b.addUnits("N2", 2000, ["post", "01", "10/02/01/01", "D11"]);
  b.addUnits("N3", 700, ["counter", "02", "2/1/1/1", "D20"]);
  b.reverse({ key: "R1", reverses: "N2" });
  return b.snapshot();
}

describe("rollUp", () => {
  it("projects onto fewer dimensions and shallower hierarchies (公金収納集計表: 会計 × 款)", () => {
    const summary = rollUp(sample(), ["account", { name: "subject", depth: 1 }]);
    expect(summary.schema.levels.map((l) => l.name)).toEqual(["会計", "款"]);
    expect(summary.rows().map((r) => [r.kind, r.key, r.count, r.units])).toEqual([
      ["detail", "01|10", 1, 1000],
      ["subtotal", "01", 1, 1000],
      ["detail", "02|2", 1, 700],
      ["subtotal", "02", 1, 700],
      ["total", "", 2, 1700],
    ]);
    expect(summary.rows().find((r) => r.key === "01|10")?.labels).toEqual(["一般会計", "使用料及手数料"]);
    expect([...summary.entries()].map((e) => e.key)).toEqual(["N1", "N2", "N3", "R1"]);
  });
  it("reorders dimensions and keeps totals", () => {
    const t = sample();
    const r = rollUp(t, ["department", "channel"]);
    expect(r.cells.map((c) => c.key)).toEqual(["D10|bank", "D11|post", "D20|counter"]);
    expect(r.total).toMatchObject({ count: t.total.count, units: t.total.units });
  });
  it("lets two tallies be reconciled at a coarser grain", () => {
    const other = createTally(notices);
    other.addUnits("A1", 1000, ["bank", "01", "10/01/01/01", "D99"]);
    other.addUnits("A3", 700, ["counter", "02", "2/1/1/1", "D98"]);
    expect(reconcile(sample(), other.snapshot()).balanced).toBe(false);
    const keep = ["channel", "account", "subject"];
    expect(reconcile(rollUp(sample(), keep), rollUp(other.snapshot(), keep)).balanced).toBe(true);
  });
  it("refuses unknown dimensions and bad depths", () => {
    expect(() => rollUp(sample(), ["nope"])).toThrow(expect.objectContaining({ code: "INVALID_SCHEMA" }));
    expect(() => rollUp(sample(), [{ name: "subject", depth: 5 }])).toThrow(
      expect.objectContaining({ code: "INVALID_SCHEMA" }),
    );
    expect(() => rollUp(sample(), ["account", "account"])).toThrow(
      expect.objectContaining({ code: "INVALID_SCHEMA" }),
    );
  });
});
