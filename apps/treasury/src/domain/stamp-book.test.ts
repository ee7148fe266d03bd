import type { IsoDate } from "@ward/calendar-jp";
import type { LedgerError } from "@ward/ledger";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type StampEntry, stampBook } from "./stamp-book.js";
import { stampEntrySchema } from "./stamp-entry.js";

const e = (
  date: string,
  denomination: number,
  received: number,
  used: number,
  counted?: number,
): StampEntry => ({
  date: date as IsoDate,
  denomination,
  received,
  used,
  description: "",
  ...(counted === undefined ? {} : { counted }),
});

describe("stampBook", () => {
  it("closes each day with the stamps on hand and their yen value", () => {
    const book = stampBook([
      e("2025-07-01", 110, 10, 0),
      e("2025-07-01", 84, 5, 0),
      e("2025-07-02", 110, 0, 4),
    ]);
    expect(book.days).toEqual([
      { date: "2025-07-01", receivedYen: 1520, usedYen: 0, remaining: { 84: 5, 110: 10 }, valueYen: 1520 },
      { date: "2025-07-02", receivedYen: 0, usedYen: 440, remaining: { 84: 5, 110: 6 }, valueYen: 1080 },
    ]);
  });

  it("refuses a use beyond stock and a wrong counted remainder", () => {
    expect(() => stampBook([e("2025-07-01", 110, 1, 2)])).toThrow(
      /110円切手の残数が足りません|INSUFFICIENT|using 2/,
    );
    try {
      stampBook([e("2025-07-01", 110, 3, 0, 2)]);
    } catch (error) {
      expect((error as LedgerError).code).toBe("BALANCE_MISMATCH");
    }
    expect.assertions(2);
  });

  it("keeps value = Σ face × remaining and never goes below zero (property)", () => {
    const move = fc.record({
      day: fc.integer({ min: 1, max: 28 }),
      denomination: fc.constantFrom(1, 84, 110, 500),
      received: fc.integer({ min: 0, max: 20 }),
      used: fc.integer({ min: 0, max: 20 }),
    });
    fc.assert(
      fc.property(fc.array(move, { maxLength: 40 }), (moves) => {
        const entries = moves
          .sort((a, b) => a.day - b.day)
          .map((m) => e(`2025-07-${String(m.day).padStart(2, "0")}`, m.denomination, m.received, m.used));
        let book: ReturnType<typeof stampBook>;
        try {
          book = stampBook(entries);
        } catch (error) {
          expect((error as LedgerError).code).toBe("INSUFFICIENT_STOCK");
          return;
        }
        for (const day of book.days) {
          const value = Object.entries(day.remaining).reduce((s, [face, n]) => s + Number(face) * n, 0);
          expect(day.valueYen).toBe(value);
          expect(Object.values(day.remaining).every((n) => n >= 0)).toBe(true);
        }
        const received = entries.reduce((s, x) => s + x.received * x.denomination, 0);
        const used = entries.reduce((s, x) => s + x.used * x.denomination, 0);
        expect(book.days.at(-1)?.valueYen ?? 0).toBe(received - used);
      }),
      { numRuns: 200 },
    );
  });
});

describe("stampEntrySchema", () => {
  it("needs a received or used count and a description", () => {
    const result = stampEntrySchema.safeParse({ date: "2025-07-01", denomination: "110", description: "" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message).sort()).toEqual(
      ["受入か払出の枚数を入力してください", "摘要を入力してください"].sort(),
    );
  });
});
