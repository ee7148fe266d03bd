import { describe, expect, it } from "vitest";
import { bankCalendar, wardCalendar } from "./calendar.js";
import { CalendarError } from "./errors.js";
import { periodBefore, periodEnd } from "./legal-period.js";

const ward = wardCalendar();

describe("periodEnd (民法 140–143)", () => {
  it("does not count the first day (140) and ends at the end of the last day (141)", () => {
    expect(periodEnd({ start: "2026-04-03", amount: 30, unit: "day" })).toBe("2026-05-03");
    expect(periodEnd({ start: "2026-04-03", amount: 1, unit: "day" })).toBe("2026-04-04");
  });

  it("counts the first day when the period starts at 00:00 (140 proviso)", () => {
    expect(periodEnd({ start: "2026-04-03", amount: 30, unit: "day", startsAtMidnight: true })).toBe(
      "2026-05-02",
    );
    expect(periodEnd({ start: "2026-04-01", amount: 1, unit: "month", startsAtMidnight: true })).toBe(
      "2026-04-30",
    );
  });

  it("moves a last day on a closed day to the next open day (行政機関の休日に関する法律§2)", () => {
    expect(periodEnd({ start: "2026-04-03", amount: 30, unit: "day", calendar: ward })).toBe("2026-05-07");
    expect(periodEnd({ start: "2026-11-30", amount: 30, unit: "day", calendar: ward })).toBe("2027-01-04");
    expect(periodEnd({ start: "2026-11-30", amount: 30, unit: "day", calendar: bankCalendar() })).toBe(
      "2026-12-30",
    );
  });

  it("runs weeks, months and years by the calendar to the day before the 応当日 (143)", () => {
    expect(periodEnd({ start: "2026-04-03", amount: 2, unit: "week" })).toBe("2026-04-17");
    expect(periodEnd({ start: "2026-04-03", amount: 1, unit: "month" })).toBe("2026-05-03");
    expect(periodEnd({ start: "2025-10-31", amount: 3, unit: "month" })).toBe("2026-01-31");
    expect(periodEnd({ start: "2026-04-03", amount: 1, unit: "year" })).toBe("2027-04-03");
  });

  it("ends at the month's end when the last month has no 応当日 (143② proviso)", () => {
    expect(periodEnd({ start: "2025-01-30", amount: 1, unit: "month" })).toBe("2025-02-28");
    expect(periodEnd({ start: "2024-01-30", amount: 1, unit: "month" })).toBe("2024-02-29");
    expect(periodEnd({ start: "2024-02-28", amount: 1, unit: "year" })).toBe("2025-02-28");
    expect(periodEnd({ start: "2025-01-27", amount: 1, unit: "month" })).toBe("2025-02-27");
  });

  it("rejects amounts that are not positive integers and unknown units", () => {
    expect(() => periodEnd({ start: "2026-04-03", amount: 0, unit: "day" })).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT" }),
    );
    expect(() => periodEnd({ start: "2026-04-03", amount: 1.5, unit: "day" })).toThrow(CalendarError);
    expect(() => periodEnd({ start: "2026-04-03", amount: 1, unit: "hour" as never })).toThrow(/unit/);
    expect(() => periodEnd({ start: "2026-02-30", amount: 1, unit: "day" })).toThrow(
      expect.objectContaining({ code: "INVALID_DATE" }),
    );
  });
});

describe("periodBefore (N日前までに)", () => {
  it("is reference − N − 1 days", () => {
    expect(periodBefore({ reference: "2025-04-01", amount: 10 })).toBe("2025-03-21");
    expect(periodBefore({ reference: "2025-04-01", amount: 1, unit: "week" })).toBe("2025-03-24");
  });

  it("moves a closed result earlier by default, or later, or keeps it", () => {
    // 2026-05-07 − 4 − 1 = 2026-05-02 (Saturday).
    const options = { reference: "2026-05-07", amount: 4, calendar: ward };
    expect(periodBefore(options)).toBe("2026-05-01");
    expect(periodBefore({ ...options, closedDay: "later" })).toBe("2026-05-07");
    expect(periodBefore({ ...options, closedDay: "keep" })).toBe("2026-05-02");
    expect(periodBefore({ reference: "2026-05-07", amount: 4 })).toBe("2026-05-02");
  });

  it("counts months and years back from the day before the reference, clamped to the month's end", () => {
    expect(periodBefore({ reference: "2026-04-01", amount: 1, unit: "month" })).toBe("2026-02-28");
    expect(periodBefore({ reference: "2026-05-15", amount: 1, unit: "month" })).toBe("2026-04-14");
    expect(periodBefore({ reference: "2026-05-15", amount: 1, unit: "year" })).toBe("2025-05-14");
  });

  it("rejects bad amounts", () => {
    expect(() => periodBefore({ reference: "2026-05-07", amount: -1 })).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT" }),
    );
  });
});
