import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { addOpenDays, subtractOpenDays } from "./add-open-days.js";
import { bankCalendar, wardCalendar } from "./calendar.js";
import { countOpenDays } from "./count-open-days.js";
import { createCalendar } from "./create-calendar.js";
import { TOKYO } from "./date-input.js";
import { CalendarError } from "./errors.js";
import { formatEpochDay, parseIsoDay } from "./internal/civil.js";
import { firstOpenDayOfMonth, lastOpenDayOfMonth, nthOpenDayOfMonth } from "./month-open-days.js";
import { closedReason, isOpenDay, nextOpenDay, previousOpenDay } from "./open-days.js";

const ward = wardCalendar();

describe("worked examples (ward closed 12/29–1/3)", () => {
  it.each([
    ["2025-02-15", "2025-02-17"],
    ["2025-09-15", "2025-09-16"],
    ["2026-11-15", "2026-11-16"],
  ])("the 15th of next month, else the next open day: %s → %s", (date, expected) => {
    expect(nextOpenDay(ward, date, { inclusive: true })).toBe(expected);
  });

  it("2 open days before 2026-01-05 is 2025-12-25, before 2026-05-07 is 2026-04-30", () => {
    expect(addOpenDays(ward, "2026-01-05", -2)).toBe("2025-12-25");
    expect(subtractOpenDays(ward, "2026-05-07", 2)).toBe("2026-04-30");
  });

  it("the last open day of 2025-12 is 12-26, of 2026-05 is 05-29", () => {
    expect(lastOpenDayOfMonth(ward, 2025, 12)).toBe("2025-12-26");
    expect(lastOpenDayOfMonth(ward, 2026, 5)).toBe("2026-05-29");
  });
});

describe("open and closed days", () => {
  it("gives the reason a day is closed", () => {
    expect(closedReason(ward, "2025-07-05")).toEqual({ kind: "weekday", name: "土曜日" });
    expect(closedReason(ward, "2025-07-06")).toEqual({ kind: "weekday", name: "日曜日" });
    expect(closedReason(ward, "2025-07-21")).toEqual({ kind: "holiday", name: "海の日" });
    expect(closedReason(ward, "2026-01-01")).toEqual({ kind: "holiday", name: "元日" });
    expect(closedReason(ward, "2026-01-02")).toEqual({ kind: "year-end", name: "年末年始" });
    expect(closedReason(ward, "2025-07-01")).toBeUndefined();
  });

  it("reads Dates and DateTimes in Tokyo", () => {
    expect(isOpenDay(ward, new Date("2025-12-28T15:00:00Z"))).toBe(false); // 2025-12-29 00:00 JST
    expect(isOpenDay(ward, new Date("2025-12-28T14:59:59Z"))).toBe(false); // Sunday 12-28
    expect(isOpenDay(ward, DateTime.fromObject({ year: 2025, month: 12, day: 26 }, { zone: TOKYO }))).toBe(
      true,
    );
    expect(isOpenDay(ward, { year: 2025, month: 12, day: 26 })).toBe(true);
  });

  it("finds next and previous open days, exclusive by default", () => {
    expect(nextOpenDay(ward, "2025-12-26")).toBe("2026-01-05");
    expect(nextOpenDay(ward, "2025-12-26", { inclusive: true })).toBe("2025-12-26");
    expect(previousOpenDay(ward, "2026-01-05")).toBe("2025-12-26");
    expect(previousOpenDay(ward, "2026-01-05", { inclusive: true })).toBe("2026-01-05");
    expect(previousOpenDay(ward, "2026-01-03", { inclusive: true })).toBe("2025-12-26");
  });

  it("adds and counts across the year end and Golden Week", () => {
    expect(addOpenDays(ward, "2025-12-26", 1)).toBe("2026-01-05");
    expect(addOpenDays(ward, "2025-12-27", 0)).toBe("2026-01-05");
    expect(addOpenDays(ward, "2025-12-26", 0)).toBe("2025-12-26");
    expect(addOpenDays(ward, "2026-04-30", 2)).toBe("2026-05-07");
    expect(countOpenDays(ward, "2025-12-26", "2026-01-05")).toBe(1);
    expect(countOpenDays(ward, "2026-01-05", "2025-12-26")).toBe(-1);
    expect(countOpenDays(ward, "2025-07-01", "2025-07-01")).toBe(0);
    // FY2025 has 242 open days: 365 − 104 weekend days − 14 weekday holidays − 5 year-end weekdays;
    // the count excludes its first day, 2025-04-01.
    expect(countOpenDays(ward, "2025-04-01", "2026-03-31")).toBe(241);
    expect(countOpenDays(ward, "2025-03-31", "2026-03-31")).toBe(242);
  });

  it("differs between the ward and the bank at the year end", () => {
    const bank = bankCalendar();
    expect(addOpenDays(bank, "2025-12-26", 1)).toBe("2025-12-29");
    expect(addOpenDays(ward, "2025-12-26", 1)).toBe("2026-01-05");
  });

  it("finds the first and n-th open days of a month, from either end", () => {
    expect(firstOpenDayOfMonth(ward, 2026, 1)).toBe("2026-01-05");
    expect(nthOpenDayOfMonth(ward, 2026, 1, 3)).toBe("2026-01-07");
    expect(nthOpenDayOfMonth(ward, 2025, 12, -2)).toBe("2025-12-25");
    expect(() => nthOpenDayOfMonth(ward, 2026, 1, 30)).toThrow(
      expect.objectContaining({ code: "NO_OPEN_DAY" }),
    );
    expect(() => nthOpenDayOfMonth(ward, 2026, 1, -30)).toThrow(CalendarError);
    expect(() => nthOpenDayOfMonth(ward, 2026, 1, 0)).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT" }),
    );
    expect(() => firstOpenDayOfMonth(ward, 2026, 13)).toThrow(
      expect.objectContaining({ code: "INVALID_DATE" }),
    );
  });

  it("fails clearly when a calendar has no open day or a date is out of range", () => {
    const closed = createCalendar({ id: "closed", closedWeekdays: [1, 2, 3, 4, 5, 6, 7] });
    expect(() => nextOpenDay(closed, "2025-01-01")).toThrow(
      expect.objectContaining({ code: "OUT_OF_RANGE" }),
    );
    expect(() => lastOpenDayOfMonth(closed, 2025, 1)).toThrow(
      expect.objectContaining({ code: "NO_OPEN_DAY" }),
    );
    expect(() => isOpenDay(ward, "2151-01-01")).toThrow(expect.objectContaining({ code: "OUT_OF_RANGE" }));
    expect(() => addOpenDays(ward, "2150-12-30", 5)).toThrow(
      expect.objectContaining({ code: "OUT_OF_RANGE" }),
    );
    expect(() => addOpenDays(ward, "2025-01-01", 1.5)).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT" }),
    );
    expect(() => isOpenDay({ id: "fake" } as never, "2025-01-01")).toThrow(/createCalendar/);
  });

  it("works before 1948 with weekdays and year-end only", () => {
    expect(isOpenDay(ward, "1930-01-06")).toBe(true);
    expect(closedReason(ward, "1930-01-02")?.kind).toBe("year-end");
  });
});

describe("properties", () => {
  const day = fc
    .integer({ min: parseIsoDay("1950-01-01"), max: parseIsoDay("2140-12-31") })
    .map(formatEpochDay);

  it("agrees with a day-by-day walk", () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -40, max: 40 }), (date, n) => {
        let cursor = parseIsoDay(date);
        let left = Math.abs(n);
        if (n === 0) {
          while (!isOpenDay(ward, formatEpochDay(cursor))) cursor++;
        }
        while (left > 0) {
          cursor += n > 0 ? 1 : -1;
          if (isOpenDay(ward, formatEpochDay(cursor))) left--;
        }
        expect(addOpenDays(ward, date, n)).toBe(formatEpochDay(cursor));
      }),
    );
  });

  it("count and add round-trip", () => {
    fc.assert(
      fc.property(day, day, (a, b) => {
        const n = countOpenDays(ward, a, b);
        expect(countOpenDays(ward, b, a) + n).toBe(0);
        // With n = 0 and a closed, addOpenDays rolls forward instead: the identity needs n > 0 or an open a.
        if (b > a && (n > 0 || isOpenDay(ward, a))) {
          expect(addOpenDays(ward, a, n)).toBe(previousOpenDay(ward, b, { inclusive: true }));
        }
      }),
    );
  });

  it("adding then subtracting n open days from an open day returns to it", () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 300 }), (date, n) => {
        const open = nextOpenDay(ward, date, { inclusive: true });
        expect(addOpenDays(ward, addOpenDays(ward, open, n), -n)).toBe(open);
        expect(countOpenDays(ward, open, addOpenDays(ward, open, n))).toBe(n);
      }),
    );
  });
});
