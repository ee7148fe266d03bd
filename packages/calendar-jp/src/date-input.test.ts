import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { fromEpochDay, TOKYO, toEpochDay, toIsoDate } from "./date-input.js";
import { CalendarError } from "./errors.js";

describe("date inputs", () => {
  it("reads ISO dates, parts, DateTimes and Dates to the same day", () => {
    expect(toEpochDay("2025-07-01")).toBe(20_270);
    expect(toEpochDay({ year: 2025, month: 7, day: 1 })).toBe(20_270);
    expect(toEpochDay(DateTime.fromISO("2025-07-01", { zone: TOKYO }))).toBe(20_270);
    expect(toEpochDay(new Date("2025-06-30T15:00:00Z"))).toBe(20_270);
  });

  it("reads a JS Date in Tokyo, whatever the host zone", () => {
    expect(toIsoDate(new Date("2024-12-31T15:00:00Z"))).toBe("2025-01-01");
    expect(toIsoDate(new Date("2024-12-31T14:59:59.999Z"))).toBe("2024-12-31");
  });

  it("reads a DateTime in another zone as the Tokyo date of that instant", () => {
    const newYork = DateTime.fromISO("2024-12-31T10:00:00", { zone: "America/New_York" });
    expect(toIsoDate(newYork)).toBe("2025-01-01");
    expect(toIsoDate(DateTime.fromISO("2025-01-01T00:00:00", { zone: "utc" }))).toBe("2025-01-01");
  });

  it("reads date-time strings with an offset as instants, without one as Tokyo wall time", () => {
    expect(toIsoDate("2024-12-31T15:00:00Z")).toBe("2025-01-01");
    expect(toIsoDate("2025-01-01T00:30:00")).toBe("2025-01-01");
  });

  it("uses the tz database for Japan's summer time of 1948–1951", () => {
    // 1949-05-01 00:30 JDT (+10:00) is 1949-04-30T14:30Z.
    expect(toIsoDate(new Date("1949-04-30T14:30:00Z"))).toBe("1949-05-01");
    expect(toIsoDate(new Date("1949-04-30T13:30:00Z"))).toBe("1949-04-30");
  });

  it.each([
    "2025-02-29",
    "2025-13-01",
    "2025-00-10",
    "2025-1-01",
    "２０２５-01-01",
    "2025/07/01",
    "",
    "2025-07-01T25:00:00+09:00",
    "0000-01-01",
  ])("rejects %j", (text) => {
    expect(() => toEpochDay(text)).toThrow(expect.objectContaining({ code: "INVALID_DATE" }));
  });

  it("rejects invalid objects, Dates and DateTimes", () => {
    expect(() => toEpochDay({ year: 2025, month: 2, day: 29 })).toThrow(CalendarError);
    expect(() => toEpochDay({ year: 2025.5, month: 2, day: 1 })).toThrow(CalendarError);
    expect(() => toEpochDay(new Date(Number.NaN))).toThrow(/Invalid Date/);
    expect(() => toEpochDay(DateTime.invalid("test"))).toThrow(CalendarError);
    expect(() => toEpochDay(null as never)).toThrow(CalendarError);
  });

  it("accepts leap days", () => {
    expect(toIsoDate("2024-02-29")).toBe("2024-02-29");
    expect(toIsoDate("2000-02-29")).toBe("2000-02-29");
    expect(() => toIsoDate("1900-02-29")).toThrow(CalendarError);
  });

  it("round-trips epoch days and agrees with Date.UTC", () => {
    fc.assert(
      fc.property(fc.integer({ min: -719_162, max: 2_932_896 }), (epochDay) => {
        const iso = fromEpochDay(epochDay);
        expect(toEpochDay(iso)).toBe(epochDay);
        if (epochDay > -700_000) expect(new Date(epochDay * 86_400_000).toISOString().slice(0, 10)).toBe(iso);
      }),
    );
  });

  it("rejects epoch days that are not integers in years 1–9999", () => {
    expect(() => fromEpochDay(1.5)).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
    expect(() => fromEpochDay(3_000_000)).toThrow(CalendarError);
  });
});
