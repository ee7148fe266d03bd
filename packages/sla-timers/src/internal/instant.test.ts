import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { epochMsOf } from "./instant.js";

const pad = (value: number): string => String(value).padStart(2, "0");

// ISO date-times with an offset in the forms the fast path reads (and some it leaves to luxon).
const isoWithOffset = fc
  .record({
    year: fc.integer({ min: 1900, max: 2150 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
    hour: fc.integer({ min: 0, max: 24 }),
    minute: fc.integer({ min: 0, max: 59 }),
    second: fc.integer({ min: 0, max: 59 }),
    fraction: fc.option(fc.stringMatching(/^[0-9]{1,6}$/), { nil: undefined }),
    seconds: fc.boolean(),
    offset: fc.constantFrom("Z", "+09:00", "+0900", "+09", "-05:00", "+05:45", "-00:00", "z"),
    date: fc.constantFrom("extended", "extended", "extended", "basic"),
  })
  .map((p) => {
    const date =
      p.date === "basic"
        ? `${p.year}${pad(p.month)}${pad(p.day)}`
        : `${p.year}-${pad(p.month)}-${pad(p.day)}`;
    let time = `${pad(p.hour)}:${pad(p.minute)}`;
    if (p.seconds) time += `:${pad(p.second)}${p.fraction === undefined ? "" : `.${p.fraction}`}`;
    return `${date}T${time}${p.offset}`;
  });

describe("epochMsOf", () => {
  it("gives luxon's instant for generated ISO date-times with an offset, fast path or not", () => {
    fc.assert(
      fc.property(isoWithOffset, (text) => {
        const luxon = DateTime.fromISO(text, { setZone: true });
        if (luxon.isValid) expect(epochMsOf(text)).toBe(luxon.toMillis());
        else expect(() => epochMsOf(text)).toThrow(expect.objectContaining({ code: "INVALID_INSTANT" }));
      }),
      { numRuns: 5000 },
    );
  });

  it.each([
    "2025-W27-2T09:00+09:00",
    "2025-182T09:00+09:00",
    "20250701T090000+0900",
    "2025-07-01t00:00z",
    " 2025-07-01T09:00+09:00 ",
  ])("falls back to luxon for the odd form %j", (text) => {
    expect(epochMsOf(text)).toBe(DateTime.fromISO(text.trim(), { setZone: true }).toMillis());
    expect(epochMsOf(text)).toBe(Date.parse("2025-07-01T00:00:00Z"));
  });

  it("remembers only a valid string: the same now in a batch, never an error", () => {
    expect(() => epochMsOf("")).toThrow(expect.objectContaining({ code: "INVALID_INSTANT" }));
    expect(epochMsOf("2025-07-01T09:00+09:00", "now")).toBe(Date.parse("2025-07-01T00:00:00Z"));
    expect(epochMsOf("2025-07-01T09:00+09:00", "now")).toBe(Date.parse("2025-07-01T00:00:00Z"));
    expect(() => epochMsOf("2025-07-01T09:00")).toThrow(/needs an offset/);
    expect(epochMsOf("2025-07-01T10:00+09:00", "now")).toBe(Date.parse("2025-07-01T01:00:00Z"));
  });

  it("still refuses a string without an offset, and an impossible one", () => {
    expect(() => epochMsOf("2025-07-01T09:00")).toThrow(/needs an offset/);
    expect(() => epochMsOf("2025-02-29T09:00+09:00")).toThrow(
      expect.objectContaining({ code: "INVALID_INSTANT" }),
    );
  });
});
