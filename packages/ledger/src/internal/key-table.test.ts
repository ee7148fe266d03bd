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
});
