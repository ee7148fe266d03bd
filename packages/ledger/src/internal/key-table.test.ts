import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createKeyTable } from "./key-table.js";

describe("createKeyTable", () => {
  it("finds every key pushed, in insertion order, across growth", () => {
    const table = createKeyTable();
    for (let i = 0; i < 5000; i++) {
      const key = `K${i}`;
      const found = table.find(key);
      expect(found).toBeLessThan(0);
      expect(table.push(key, found)).toBe(i);
    }
    expect(table.find("K0")).toBe(0);
    expect(table.find("K4999")).toBe(4999);
    expect(table.find("K5000")).toBeLessThan(0);
    expect(table.keys).toHaveLength(5000);
  });
  it("behaves like a Map for arbitrary strings", () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 300 }), (keys) => {
        const table = createKeyTable();
        const reference = new Map<string, number>();
        for (const key of keys) {
          const found = table.find(key);
          expect(found >= 0 ? found : undefined).toBe(reference.get(key));
          if (found < 0) reference.set(key, table.push(key, found));
        }
      }),
    );
  });
  it("behaves like a Map for numbered keys across chunks, spills and prefix limits", () => {
    const key = fc
      .tuple(
        fc.constantFrom("N", "N0", "2025-", "", "x"),
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 1, max: 11 }),
      )
      .map(([prefix, n, width]) => `${prefix}${String(n).padStart(width, "0")}`);
    fc.assert(
      fc.property(
        fc.array(fc.oneof(key, fc.string({ maxLength: 4 })), { maxLength: 400 }),
        fc.integer({ min: 2, max: 6 }),
        fc.integer({ min: 0, max: 4 }),
        (keys, chunkBits, maxFamilies) => {
          const table = createKeyTable({ chunkBits, maxFamilies });
          const reference = new Map<string, number>();
          for (const k of keys) {
            const found = table.find(k);
            expect(found >= 0 ? found : undefined).toBe(reference.get(k));
            if (found < 0) reference.set(k, table.push(k, found));
          }
          for (const [k, index] of reference) expect(table.find(k)).toBe(index);
        },
      ),
      { numRuns: 300 },
    );
  });
  it("finds sequential notice numbers across many chunks", () => {
    const table = createKeyTable();
    const n = 200_000;
    let misplaced = 0;
    for (let i = 0; i < n; i++) {
      const k = `N${String(i).padStart(8, "0")}`;
      if (table.push(k, table.find(k)) !== i) misplaced++;
    }
    expect(misplaced).toBe(0);
    for (let i = 0; i < n; i += 7919) expect(table.find(`N${String(i).padStart(8, "0")}`)).toBe(i);
    expect(table.find("N000000001")).toBeLessThan(0);
    expect(table.find(`N${n}`)).toBeLessThan(0);
  });
});
