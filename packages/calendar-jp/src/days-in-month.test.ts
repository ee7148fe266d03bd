import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromEpochDay, toEpochDay } from "./date-input.js";
import { daysInMonth } from "./days-in-month.js";
import { CalendarError } from "./errors.js";

describe("daysInMonth", () => {
  it("gives 28 or 29 for February by the Gregorian leap-year rule", () => {
    expect(daysInMonth(2025, 2)).toBe(28);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2100, 2)).toBe(28);
  });

  it("gives 30 for April, June, September and November and 31 for the other months", () => {
    const lengths = Array.from({ length: 12 }, (_, index) => daysInMonth(2025, index + 1));
    expect(lengths).toEqual([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
  });

  it("is the distance between the firsts of consecutive months", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9998 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
        const next = month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
        const length = toEpochDay({ ...next, day: 1 }) - toEpochDay({ year, month, day: 1 });
        expect(daysInMonth(year, month)).toBe(length);
        expect(fromEpochDay(toEpochDay({ year, month, day: length }) + 1).endsWith("-01")).toBe(true);
      }),
    );
  });

  it.each([
    [2025, 0],
    [2025, 13],
    [2025, 1.5],
    [0, 1],
    [10_000, 1],
    [2025.5, 1],
    [Number.NaN, 1],
  ])("rejects year %d month %d", (year, month) => {
    expect(() => daysInMonth(year, month)).toThrow(CalendarError);
    expect(() => daysInMonth(year, month)).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
  });
});
