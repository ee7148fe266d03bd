import { JPY } from "dinero.js/currencies";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LedgerError } from "./errors.js";
import { compareCodes } from "./internal/compare-codes.js";
import { createTally } from "./tally-builder.js";
import { defineTally } from "./tally-schema.js";

// The builder's fast paths (chunked numbered keys, interned values, typed-array totals) checked
// against the simplest tally one could write: a Map of entries and a sum per leaf.

const schema = defineTally({
  currency: JPY,
  dimensions: [
    { name: "channel", order: ["bank", "post", "counter"] },
    { name: "account" },
    { name: "subject", levels: ["款", "項"] },
    { name: "department" },
  ],
});

type Op =
  | { readonly kind: "add"; readonly key: string; readonly units: number; readonly values: string[] }
  | { readonly kind: "reverse"; readonly key: string; readonly reverses: string };

const keyArb = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom("N1", "N01", "N2", "2025-7", "a", "b") },
  fc
    .tuple(
      fc.constantFrom("N", "N0", "2025-", ""),
      fc.integer({ min: 0, max: 9000 }),
      fc.integer({ min: 1, max: 10 }),
    )
    .map(([prefix, n, width]) => `${prefix}${String(n).padStart(width, "0")}`),
  fc.string({ minLength: 1, maxLength: 3 }),
);
const addArb = fc.record({
  kind: fc.constant("add" as const),
  key: keyArb,
  units: fc.oneof(fc.integer({ min: -1e6, max: 1e6 }), fc.constantFrom(0, 2 ** 44, -(2 ** 44))),
  values: fc.tuple(
    fc.constantFrom("bank", "post", "counter", "atm"),
    fc.constantFrom("01", "02", "10"),
    fc.constantFrom("1/1", "1/2", "10/1", "2/01"),
    fc.constantFrom("D1", "D2"),
  ),
});
const reverseArb = fc.record({ kind: fc.constant("reverse" as const), key: keyArb, reverses: keyArb });

interface RefEntry {
  readonly cell: string;
  readonly units: number;
  readonly reverses?: string;
}

/** Applies ops to the reference; returns "added", "duplicate" or an error code per op. */
function reference(ops: readonly Op[]) {
  const entries = new Map<string, RefEntry>();
  const reversedBy = new Map<string, string>();
  const cells = new Map<string, { count: number; units: number }>();
  const outcomes: string[] = [];
  const post = (key: string, entry: RefEntry, count: number): string => {
    const cell = cells.get(entry.cell) ?? { count: 0, units: 0 };
    const units = cell.units + entry.units;
    if (!Number.isSafeInteger(units)) return "OVERFLOW";
    cells.set(entry.cell, { count: cell.count + count, units });
    entries.set(key, entry);
    return "added";
  };
  for (const op of ops) {
    if (op.kind === "add") {
      const cell = op.values.join("|");
      const known = entries.get(op.key);
      if (known !== undefined) {
        const same = known.cell === cell && known.units === op.units && known.reverses === undefined;
        outcomes.push(same ? "duplicate" : "KEY_CONFLICT");
        continue;
      }
      outcomes.push(post(op.key, { cell, units: op.units === 0 ? 0 : op.units }, 1));
    } else {
      const original = entries.get(op.reverses);
      if (original === undefined) outcomes.push("UNKNOWN_ENTRY");
      else if (entries.has(op.key)) {
        outcomes.push(entries.get(op.key)?.reverses === op.reverses ? "duplicate" : "KEY_CONFLICT");
      } else if (original.reverses !== undefined) outcomes.push("INVALID_ENTRY");
      else if (reversedBy.has(op.reverses)) outcomes.push("KEY_CONFLICT");
      else {
        const units = -original.units;
        const outcome = post(
          op.key,
          { cell: original.cell, units: units === 0 ? 0 : units, reverses: op.reverses },
          -1,
        );
        if (outcome === "added") reversedBy.set(op.reverses, op.key);
        outcomes.push(outcome);
      }
    }
  }
  return { entries, cells, outcomes };
}

function run(ops: readonly Op[]) {
  const builder = createTally(schema);
  const outcomes = ops.map((op) => {
    try {
      return op.kind === "add"
        ? builder.addUnits(op.key, op.units, op.values)
        : builder.reverse({ key: op.key, reverses: op.reverses });
    } catch (error) {
      if (error instanceof LedgerError) return error.code;
      throw error;
    }
  });
  return { outcomes, tally: builder.snapshot() };
}

describe("createTally against a reference tally", () => {
  it("gives the same outcomes, cells, totals, entries and row sums on random inputs", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof({ weight: 4, arbitrary: addArb }, { weight: 1, arbitrary: reverseArb }), {
          maxLength: 120,
        }),
        (ops) => {
          const ref = reference(ops);
          const { outcomes, tally } = run(ops);
          expect(outcomes).toEqual(ref.outcomes);

          const leaves = [...ref.cells];
          expect(new Map(tally.cells.map((c) => [c.key, { count: c.count, units: c.units }]))).toEqual(
            new Map(leaves),
          );
          const sum = (prefix: readonly string[]) => {
            let count = 0;
            let units = 0;
            for (const [key, cell] of ref.cells) {
              const codes = key.split(/[|/]/);
              if (prefix.every((code, i) => codes[i] === code)) {
                count += cell.count;
                units += cell.units;
              }
            }
            return { count, units: units === 0 ? 0 : units };
          };
          for (const row of tally.rows()) {
            expect({ count: row.count, units: row.units }).toEqual(sum(row.codes));
            expect(Number.isSafeInteger(row.units)).toBe(true);
          }
          expect(tally.total.units).toBe(sum([]).units);
          // Print order: code by code, the declared order of channels first, numeric codes by value.
          const channelRank = new Map(["bank", "post", "counter"].map((code, i) => [code, i]));
          const byCodes = (a: string, b: string) => {
            const ca = a.split(/[|/]/);
            const cb = b.split(/[|/]/);
            for (let i = 0; i < ca.length; i++) {
              const diff = compareCodes(ca[i] as string, cb[i] as string, i === 0 ? channelRank : undefined);
              if (diff !== 0) return diff;
            }
            return 0;
          };
          expect(tally.cells.map((c) => c.key)).toEqual([...ref.cells.keys()].sort(byCodes));
          expect([...tally.entries()].map((e) => [e.key, e.cell, e.units, e.reverses])).toEqual(
            [...ref.entries].map(([key, e]) => [key, e.cell, e.units, e.reverses]),
          );
        },
      ),
      { numRuns: 400 },
    );
  });

  it("sums a subtotal exactly when a running sum passes the safe range but the result does not", () => {
    const builder = createTally(schema);
    const big = Number.MAX_SAFE_INTEGER - 1;
    builder.addUnits("A", big, ["bank", "01", "1/1", "D1"]);
    builder.addUnits("B", 10, ["bank", "01", "1/2", "D1"]);
    builder.addUnits("C", -20, ["bank", "01", "1/2", "D2"]);
    const tally = builder.snapshot();
    expect(tally.total.units).toBe(big - 10);
    expect(tally.cell("bank|01|1")?.units).toBe(big - 10);
    expect(tally.rows().at(-1)?.units).toBe(big - 10);
  });
  it("refuses a subtotal past the safe range with OVERFLOW", () => {
    const builder = createTally(schema);
    builder.addUnits("A", Number.MAX_SAFE_INTEGER, ["bank", "01", "1/1", "D1"]);
    builder.addUnits("B", 1, ["post", "01", "1/1", "D1"]);
    expect(() => builder.snapshot()).toThrow(expect.objectContaining({ code: "OVERFLOW" }));
  });

  it("finds cells by packed value ids in the dense, numeric and text tables", () => {
    for (const dimCount of [2, 4, 8]) {
      const wide = defineTally({
        currency: JPY,
        dimensions: Array.from({ length: dimCount }, (_, d) => ({ name: `d${d}` })),
      });
      fc.assert(
        fc.property(
          fc.array(
            fc.tuple(
              fc.array(fc.integer({ min: 0, max: 299 }), { minLength: dimCount, maxLength: dimCount }),
              fc.integer({ min: -1000, max: 1000 }),
            ),
            { minLength: 1, maxLength: 300 },
          ),
          (rows) => {
            const builder = createTally(wide);
            const ref = new Map<string, { count: number; units: number }>();
            rows.forEach(([codes, units], i) => {
              const values = codes.map((c) => `v${c}`);
              builder.addUnits(`K${i}`, units, values);
              // Re-adding an earlier entry finds its cell, whichever table holds it now.
              expect(
                builder.addUnits(
                  `K${i >> 1}`,
                  rows[i >> 1]?.[1] ?? 0,
                  rows[i >> 1]?.[0].map((c) => `v${c}`) ?? [],
                ),
              ).toBe("duplicate");
              const key = values.join("|");
              const cell = ref.get(key) ?? { count: 0, units: 0 };
              ref.set(key, {
                count: cell.count + 1,
                units: cell.units + units === 0 ? 0 : cell.units + units,
              });
            });
            const tally = builder.snapshot();
            expect(new Map(tally.cells.map((c) => [c.key, { count: c.count, units: c.units }]))).toEqual(ref);
          },
        ),
        { numRuns: 30 },
      );
    }
  });
});
