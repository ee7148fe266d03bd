import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { TOKYO, toIsoDate } from "./date-input.js";
import { isoInstantMs } from "./iso-instant.js";

const pad = (value: number, width = 2): string => String(value).padStart(width, "0");

// Every form the fast path reads, as luxon's fromISO reads it: time colons optional, 1–9 fraction digits
// after "." or ",", and Z, ±HH, ±HHmm or ±HH:mm (or nothing: Tokyo wall time).
const isoDateTime = fc
  .record({
    year: fc.integer({ min: 1952, max: 2150 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
    hour: fc.integer({ min: 0, max: 24 }),
    minute: fc.integer({ min: 0, max: 59 }),
    second: fc.integer({ min: 0, max: 59 }),
    fraction: fc.option(fc.stringMatching(/^[0-9]{1,9}$/), { nil: undefined }),
    comma: fc.boolean(),
    precision: fc.constantFrom("hour", "minute", "second"),
    colons: fc.boolean(),
    offset: fc.constantFrom(
      "",
      "Z",
      "+09:00",
      "+0900",
      "+09",
      "-05:00",
      "+05:30",
      "-00:00",
      "+14:00",
      "-11:30",
    ),
  })
  .map((p) => {
    const sep = p.colons ? ":" : "";
    let time = pad(p.hour);
    if (p.precision !== "hour") time += `${sep}${pad(p.minute)}`;
    if (p.precision === "second") {
      time += `${sep}${pad(p.second)}`;
      if (p.fraction !== undefined) time += `${p.comma ? "," : "."}${p.fraction}`;
    }
    return `${p.year}-${pad(p.month)}-${pad(p.day)}T${time}${p.offset}`;
  });

describe("isoInstantMs", () => {
  it("gives luxon's instant, or nothing where luxon finds none, for generated ISO date-times", () => {
    fc.assert(
      fc.property(isoDateTime, (text) => {
        const luxon = DateTime.fromISO(text, { zone: TOKYO });
        expect(isoInstantMs(text)).toBe(luxon.isValid ? luxon.toMillis() : undefined);
      }),
      { numRuns: 5000 },
    );
  });

  it("reads Tokyo wall time when there is no offset", () => {
    expect(isoInstantMs("2025-07-01T09:00")).toBe(Date.parse("2025-07-01T00:00:00Z"));
    expect(isoInstantMs("2025-07-01T09:00:00.5+09:00")).toBe(Date.parse("2025-07-01T00:00:00.500Z"));
    expect(isoInstantMs("2025-12-31T24:00:00Z")).toBe(Date.parse("2026-01-01T00:00:00Z"));
    expect(isoInstantMs("2025-07-01T09:00", "refuse")).toBeUndefined();
    expect(isoInstantMs("2025-07-01T09:00Z", "refuse")).toBe(Date.parse("2025-07-01T09:00:00Z"));
  });

  it.each([
    "2025-W27-2T09:00", // week date
    "2025-182T09:00", // ordinal date
    "20250701T090000+0900", // basic date
    "2025-07-01 09:00+09:00", // space instead of T
    "2025-07-01t09:00z",
    "+002025-07-01T09:00Z",
    "2025-07-01T09:00+09:00[Asia/Tokyo]",
    "2025-07-01T09:00:60Z",
    "2025-07-01T24:01Z",
    "2025-02-29T09:00Z",
    "2025-07-01",
    "1950-05-07T00:30", // no offset in Japan's summer-time years: luxon's tz database decides
  ])("leaves %j to a full parser", (text) => {
    expect(isoInstantMs(text)).toBeUndefined();
  });

  it("reads a date-time with an offset in Japan's summer-time years, and dates it by the tz database", () => {
    expect(isoInstantMs("1950-07-01T00:30+10:00")).toBe(Date.parse("1950-06-30T14:30:00Z"));
    // 00:30 JDT (+10:00) on 07-01; a fixed +09:00 would say 23:30 on 06-30.
    expect(toIsoDate("1950-06-30T14:30:00Z")).toBe("1950-07-01");
    expect(toIsoDate("1950-06-30T14:30:00Z")).toBe(
      DateTime.fromISO("1950-06-30T14:30:00Z").setZone(TOKYO).toISODate(),
    );
  });
});
