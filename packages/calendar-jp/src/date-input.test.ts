import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import {
  epochDayToParts,
  fromEpochDay,
  isIsoDate,
  MS_PER_DAY,
  TOKYO,
  TOKYO_OFFSET_MS,
  toEpochDay,
  toIsoDate,
} from "./date-input.js";
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

describe("epochDayToParts", () => {
  it("gives the year, month and day of an epoch day", () => {
    expect(epochDayToParts(20_270)).toEqual({ year: 2025, month: 7, day: 1 });
    expect(epochDayToParts(0)).toEqual({ year: 1970, month: 1, day: 1 });
    expect(epochDayToParts(-1)).toEqual({ year: 1969, month: 12, day: 31 });
    expect(epochDayToParts(toEpochDay("2024-02-29"))).toEqual({ year: 2024, month: 2, day: 29 });
  });

  it("inverts toEpochDay over years 1–9999", () => {
    fc.assert(
      fc.property(fc.integer({ min: -719_162, max: 2_932_896 }), (epochDay) => {
        const parts = epochDayToParts(epochDay);
        expect(toEpochDay(parts)).toBe(epochDay);
        expect(toIsoDate(parts)).toBe(fromEpochDay(epochDay));
      }),
    );
  });

  it("rejects epoch days that are not integers in years 1–9999", () => {
    expect(() => epochDayToParts(0.5)).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
    expect(() => epochDayToParts(-719_163)).toThrow(CalendarError);
    expect(() => epochDayToParts(2_932_897)).toThrow(CalendarError);
    expect(epochDayToParts(-719_162)).toEqual({ year: 1, month: 1, day: 1 });
    expect(epochDayToParts(2_932_896)).toEqual({ year: 9999, month: 12, day: 31 });
  });
});

describe("isIsoDate", () => {
  it("accepts existing YYYY-MM-DD dates, leap days included", () => {
    expect(isIsoDate("2025-07-01")).toBe(true);
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2000-02-29")).toBe(true);
    expect(isIsoDate("0001-01-01")).toBe(true);
    expect(isIsoDate("9999-12-31")).toBe(true);
  });

  it.each([
    "2025-02-29",
    "1900-02-29",
    "2025-04-31",
    "2025-13-01",
    "2025-1-01",
    "２０２５-01-01",
    "2025/07/01",
    "0000-01-01",
    "2025-07-01T09:00:00+09:00",
    " 2025-07-01",
    "",
  ])("rejects %j", (text) => {
    expect(isIsoDate(text)).toBe(false);
  });

  it("rejects values that are not strings", () => {
    expect(isIsoDate(20_270)).toBe(false);
    expect(isIsoDate({ year: 2025, month: 7, day: 1 })).toBe(false);
    expect(isIsoDate(new Date("2025-07-01T00:00:00+09:00"))).toBe(false);
    expect(isIsoDate(undefined)).toBe(false);
  });

  it("agrees with toEpochDay on every formatted epoch day", () => {
    fc.assert(
      fc.property(fc.integer({ min: -719_162, max: 2_932_896 }), (epochDay) => {
        expect(isIsoDate(fromEpochDay(epochDay))).toBe(true);
      }),
    );
  });
});

describe("MS_PER_DAY and TOKYO_OFFSET_MS", () => {
  it("turn epoch days into UTC midnights", () => {
    expect(toEpochDay("2025-07-01") * MS_PER_DAY).toBe(Date.UTC(2025, 6, 1));
  });

  it("give the Tokyo date of an instant from 1952 on, as the tz database does", () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1952, 0, 1), max: Date.UTC(2150, 11, 31) }), (epochMs) => {
        const epochDay = Math.floor((epochMs + TOKYO_OFFSET_MS) / MS_PER_DAY);
        expect(fromEpochDay(epochDay)).toBe(toIsoDate(new Date(epochMs)));
        expect(TOKYO_OFFSET_MS).toBe(DateTime.fromMillis(epochMs, { zone: TOKYO }).offset * 60_000);
      }),
    );
  });
});

describe("accepted forms and range (README: Dates)", () => {
  it("refuses unpadded dates such as 2025-7-1 rather than guess", () => {
    for (const text of ["2025-7-1", "2025-07-1", "2025-7-01", "25-07-01"]) {
      expect(() => toEpochDay(text)).toThrow(expect.objectContaining({ code: "INVALID_DATE" }));
    }
  });

  it("reads a date-time's Tokyo date: its own date without an offset, the instant's with one", () => {
    expect(toIsoDate("2025-07-01T23:59")).toBe("2025-07-01");
    expect(toIsoDate("2025-07-01T23:59-01:00")).toBe("2025-07-02");
    expect(toIsoDate("2025-07-01T0930")).toBe("2025-07-01");
    expect(() => toEpochDay("2025-07-01 09:30")).toThrow(expect.objectContaining({ code: "INVALID_DATE" }));
  });
});
