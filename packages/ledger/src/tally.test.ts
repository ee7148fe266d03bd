import { USD } from "dinero.js/currencies";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { notices } from "./fixtures/notices.js";
import { money, toMinorUnits, yen } from "./money.js";
import { tallyRows } from "./tally.js";
import { createTally } from "./tally-builder.js";
import { defineTally } from "./tally-schema.js";

const dims = (channel: string, account: string, subject: string | readonly string[], department: string) => ({
  channel,
  account,
  subject,
  department,
});

function sample() {
  const b = createTally(notices);
  b.add({ key: "N1", amount: yen(1000), dimensions: dims("bank", "01", "10/01/01/01", "D10") });
  b.add({ key: "N2", amount: yen(2000), dimensions: dims("bank", "01", "10/01/01/01", "D10") });
  b.add({ key: "N3", amount: yen(500), dimensions: dims("bank", "01", "10/01/02/01", "D11") });
  b.add({ key: "N4", amount: yen(700), dimensions: dims("counter", "02", ["2", "1", "1", "1"], "D20") });
  b.add({ key: "N5", amount: yen(300), dimensions: dims("post", "01", "10/01/01/01", "D10") });
  return b;
}

describe("defineTally", () => {
  it("flattens hierarchical dimensions into levels", () => {
    expect(notices.levels.map((l) => l.name)).toEqual(["収納区分", "会計", "款", "項", "目", "節", "所属"]);
    expect(notices.onDuplicate).toBe("ignore");
    expect(Object.isFrozen(notices.dimensions[0])).toBe(true);
  });
  it("rejects duplicate dimension names and codes with separators", () => {
    expect(() => defineTally({ currency: USD, dimensions: [{ name: "a" }, { name: "a" }] })).toThrow(
      expect.objectContaining({ code: "INVALID_SCHEMA" }),
    );
    expect(() => defineTally({ currency: USD, dimensions: [{ name: "a|b" }] })).toThrow(
      expect.objectContaining({ code: "INVALID_SCHEMA" }),
    );
    expect(() => defineTally({ currency: USD, dimensions: [] })).toThrow(
      expect.objectContaining({ code: "INVALID_SCHEMA" }),
    );
  });
});

describe("tally", () => {
  it("counts and totals every cell, subtotal and the grand total", () => {
    const t = sample().snapshot();
    expect(t.entryCount).toBe(5);
    expect(t.total).toMatchObject({ key: "", level: 0, count: 5, units: 4500 });
    expect(toMinorUnits(t.total.amount)).toBe(4500);
    expect(t.cell("bank|01|10/01/01/01|D10")).toMatchObject({ count: 2, units: 3000, level: 7 });
    expect(t.cell("bank|01|10/01")).toMatchObject({ count: 3, units: 3500, level: 4 });
    expect(t.cell("bank")).toMatchObject({ count: 3, units: 3500 });
    expect(t.cell("bank|01|10/01")?.dimensions).toEqual({ channel: "bank", account: "01", subject: "10/01" });
    expect(t.cell("nope")).toBeUndefined();
  });
  it("orders cells by declared order, then by code (numerically for digit codes)", () => {
    const t = sample().snapshot();
    expect(t.cells.map((c) => c.key)).toEqual([
      "bank|01|10/01/01/01|D10",
      "bank|01|10/01/02/01|D11",
      "post|01|10/01/01/01|D10",
      "counter|02|2/1/1/1|D20",
    ]);
    const b = createTally(defineTally({ currency: USD, dimensions: [{ name: "x" }] }));
    for (const code of ["10", "9", "b", "02", "a"]) b.addUnits(code, 1, [code]);
    expect(b.snapshot().cells.map((c) => c.key)).toEqual(["02", "9", "10", "a", "b"]);
  });
  it("prints rows in order with subtotal rows after their details and the total last", () => {
    const rows = tallyRows(sample().snapshot());
    const kinds = rows.map((r) => `${r.kind}:${r.levelName}:${r.key}`);
    expect(kinds.slice(0, 3)).toEqual([
      "detail:所属:bank|01|10/01/01/01|D10",
      "subtotal:節:bank|01|10/01/01/01",
      "subtotal:目:bank|01|10/01/01",
    ]);
    expect(kinds.at(-1)).toBe("total:total:");
    expect(rows.at(-1)?.units).toBe(4500);
    const bank = rows.find((r) => r.key === "bank");
    expect(bank).toMatchObject({
      kind: "subtotal",
      level: 1,
      levelName: "収納区分",
      units: 3500,
      labels: ["銀行"],
    });
    expect(rows.find((r) => r.key === "bank|01|10/01")?.labels).toEqual([
      "銀行",
      "一般会計",
      "使用料及手数料",
      "使用料",
    ]);
    const details = rows.filter((r) => r.kind === "detail").reduce((s, r) => s + r.units, 0);
    expect(details).toBe(4500);
  });
  it("places subtotals before, omits them, or cuts detail at a depth", () => {
    const t = sample().snapshot();
    expect(t.rows({ subtotals: "before" })[0]).toMatchObject({ kind: "subtotal", key: "bank" });
    expect(t.rows({ subtotals: "none" }).map((r) => r.kind)).toEqual([
      "detail",
      "detail",
      "detail",
      "detail",
      "total",
    ]);
    const byKan = t.rows({ depth: 3, subtotalLevels: [1] });
    expect(byKan.map((r) => `${r.kind}:${r.key}:${r.units}`)).toEqual([
      "detail:bank|01|10:3500",
      "subtotal:bank:3500",
      "detail:post|01|10:300",
      "subtotal:post:300",
      "detail:counter|02|2:700",
      "subtotal:counter:700",
      "total::4500",
    ]);
    expect(Object.isFrozen(byKan)).toBe(true);
    expect(Object.isFrozen(byKan[0])).toBe(true);
  });
  it("never counts a re-imported entry twice", () => {
    const b = sample();
    expect(
      b.add({ key: "N1", amount: yen(1000), dimensions: dims("bank", "01", "10/01/01/01", "D10") }),
    ).toBe("duplicate");
    expect(b.addUnits("N1", 1000, ["bank", "01", "10/01/01/01", "D10"])).toBe("duplicate");
    expect(b.snapshot().total.units).toBe(4500);
    expect(b.has("N1")).toBe(true);
    expect(b.has("N9")).toBe(false);
  });
  it("throws KEY_CONFLICT when a known key comes back with different content", () => {
    const b = sample();
    expect(() => b.addUnits("N1", 999, ["bank", "01", "10/01/01/01", "D10"])).toThrow(
      expect.objectContaining({ code: "KEY_CONFLICT" }),
    );
    expect(() => b.addUnits("N1", 1000, ["post", "01", "10/01/01/01", "D10"])).toThrow(
      expect.objectContaining({ code: "KEY_CONFLICT" }),
    );
  });
  it("throws DUPLICATE_KEY on any known key when the policy is error", () => {
    const b = createTally(defineTally({ currency: USD, dimensions: [{ name: "x" }], onDuplicate: "error" }));
    b.addUnits("k", 1, ["a"]);
    expect(() => b.addUnits("k", 1, ["a"])).toThrow(expect.objectContaining({ code: "DUPLICATE_KEY" }));
  });
  it("corrects with reversing entries, and keeps snapshots unchanged", () => {
    const b = sample();
    const before = b.snapshot();
    expect(b.reverse({ key: "R1", reverses: "N2" })).toBe("added");
    expect(b.reverse({ key: "R1", reverses: "N2" })).toBe("duplicate");
    b.add({ key: "N2b", amount: yen(2100), dimensions: dims("bank", "01", "10/01/01/01", "D10") });
    const after = b.snapshot();
    expect(after.cell("bank|01|10/01/01/01|D10")).toMatchObject({ count: 2, units: 3100 });
    expect(after.entryCount).toBe(7);
    expect(before.entryCount).toBe(5);
    expect(before.total.units).toBe(4500);
    expect([...before.entries()]).toHaveLength(5);
    const reversal = [...after.entries()].find((e) => e.key === "R1");
    expect(reversal).toMatchObject({ units: -2000, reverses: "N2", cell: "bank|01|10/01/01/01|D10" });
    expect(Object.isFrozen(reversal)).toBe(true);
  });
  it("refuses bad reversals", () => {
    const b = sample();
    expect(() => b.reverse({ key: "R", reverses: "nope" })).toThrow(
      expect.objectContaining({ code: "UNKNOWN_ENTRY" }),
    );
    b.reverse({ key: "R1", reverses: "N1" });
    expect(() => b.reverse({ key: "R2", reverses: "N1" })).toThrow(
      expect.objectContaining({ code: "KEY_CONFLICT" }),
    );
    expect(() => b.reverse({ key: "R3", reverses: "R1" })).toThrow(
      expect.objectContaining({ code: "INVALID_ENTRY" }),
    );
    expect(() => b.reverse({ key: "N3", reverses: "N4" })).toThrow(
      expect.objectContaining({ code: "KEY_CONFLICT" }),
    );
  });
  it("validates entries", () => {
    const b = createTally(notices);
    const ok = dims("bank", "01", "10/01/01/01", "D10");
    expect(() => b.add({ key: "", amount: yen(1), dimensions: ok })).toThrow(
      expect.objectContaining({ code: "INVALID_ENTRY" }),
    );
    expect(() => b.add({ key: "k", amount: yen(1), dimensions: { ...ok, extra: "x" } })).toThrow(
      expect.objectContaining({ code: "INVALID_ENTRY" }),
    );
    const { department: _, ...missing } = ok;
    expect(() => b.add({ key: "k", amount: yen(1), dimensions: missing })).toThrow(
      /missing dimension\(s\) department/,
    );
    expect(() => b.add({ key: "k", amount: yen(1), dimensions: { ...ok, subject: "10/01" } })).toThrow(
      expect.objectContaining({ code: "INVALID_CODE" }),
    );
    expect(() => b.add({ key: "k", amount: yen(1), dimensions: { ...ok, account: "0|1" } })).toThrow(
      expect.objectContaining({ code: "INVALID_CODE" }),
    );
    expect(() => b.add({ key: "k", amount: money(1, USD) as never, dimensions: ok })).toThrow(
      expect.objectContaining({ code: "CURRENCY_MISMATCH" }),
    );
    expect(() => b.addUnits("k", 1.5, ["bank", "01", "10/01/01/01", "D10"])).toThrow(
      expect.objectContaining({ code: "NOT_AN_INTEGER" }),
    );
    expect(() => b.addUnits("k", 1, ["bank"])).toThrow(expect.objectContaining({ code: "INVALID_ENTRY" }));
    expect(b.size).toBe(0);
  });
  it("refuses a cell total past the safe range and leaves the tally untouched", () => {
    const b = createTally(defineTally({ currency: USD, dimensions: [{ name: "x" }] }));
    b.addUnits("a", Number.MAX_SAFE_INTEGER, ["x"]);
    expect(() => b.addUnits("b", 1, ["x"])).toThrow(expect.objectContaining({ code: "OVERFLOW" }));
    expect(b.size).toBe(1);
    expect(b.has("b")).toBe(false);
    b.addUnits("c", 1, ["y"]);
    expect(() => b.snapshot()).toThrow(expect.objectContaining({ code: "OVERFLOW" }));
  });
  it("gives the same cells whatever the entry order", () => {
    const entry = fc.record({
      channel: fc.constantFrom("bank", "post", "counter"),
      account: fc.constantFrom("01", "02"),
      subject: fc.constantFrom("10/01/01/01", "10/01/02/01", "2/1/1/1"),
      department: fc.constantFrom("D10", "D11"),
      units: fc.integer({ min: -1e9, max: 1e9 }),
    });
    fc.assert(
      fc.property(
        fc.array(entry, { maxLength: 40 }).chain((es) =>
          fc.tuple(
            fc.constant(es),
            fc.shuffledSubarray(
              es.map((_, i) => i),
              { minLength: es.length, maxLength: es.length },
            ),
          ),
        ),
        ([es, order]) => {
          const a = createTally(notices);
          es.forEach((e, i) => {
            a.addUnits(`k${i}`, e.units, [e.channel, e.account, e.subject, e.department]);
          });
          const b = createTally(notices);
          for (const i of order) {
            const e = es[i] as (typeof es)[number];
            b.addUnits(`k${i}`, e.units, [e.channel, e.account, e.subject, e.department]);
          }
          const view = (t: ReturnType<typeof a.snapshot>) => t.rows().map((r) => [r.key, r.count, r.units]);
          expect(view(b.snapshot())).toEqual(view(a.snapshot()));
        },
      ),
    );
  });
});
