import { describe, expect, it } from "vitest";
import { bankCalendar, nationalCalendar, wardCalendar } from "./calendar.js";
import { calendarPolicySchema } from "./calendar-policy.js";
import { createCalendar } from "./create-calendar.js";
import { CalendarError } from "./errors.js";
import { createHolidayTable } from "./holiday-table.js";
import { closedReason, isOpenDay } from "./open-days.js";

describe("createCalendar", () => {
  it("fills the defaults: Sat, Sun, holidays, 12/29–1/3, 09:00–17:00", () => {
    const calendar = createCalendar({ id: "x" });
    expect(calendar.policy).toEqual({
      id: "x",
      closedWeekdays: [6, 7],
      nationalHolidays: true,
      yearEnd: { from: "12-29", to: "01-03" },
      annualClosures: [],
      closures: [],
      openings: [],
      hours: { open: "09:00", close: "17:00", breaks: [] },
    });
  });

  it("closes a §4条の2③ day every year, e.g. Okinawa's 慰霊の日", () => {
    const okinawa = createCalendar({ id: "okinawa", annualClosures: [{ date: "06-23", name: "慰霊の日" }] });
    expect(closedReason(okinawa, "2025-06-23")).toEqual({ kind: "annual", name: "慰霊の日" });
    expect(isOpenDay(okinawa, "2026-06-23")).toBe(false);
    expect(isOpenDay(wardCalendar(), "2025-06-23")).toBe(true);
  });

  it("supports a 12/30–1/4 ordinance and no year-end at all", () => {
    const late = wardCalendar({ yearEnd: { from: "12-30", to: "01-04" } });
    expect(isOpenDay(late, "2025-12-29")).toBe(true);
    expect(isOpenDay(late, "2027-01-04")).toBe(false);
    const none = createCalendar({ id: "always", yearEnd: null, closedWeekdays: [], nationalHolidays: false });
    expect(isOpenDay(none, "2026-01-01")).toBe(true);
  });

  it("lets openings (休日開庁) override every closure and closures close any day", () => {
    const calendar = wardCalendar({
      openings: [{ date: "2026-03-29", name: "休日開庁" }],
      closures: [{ date: "2026-03-30", name: "システム更新" }],
    });
    expect(isOpenDay(calendar, "2026-03-29")).toBe(true);
    expect(closedReason(calendar, "2026-03-30")).toEqual({ kind: "closure", name: "システム更新" });
  });

  it("serialises: the JSON policy rebuilds a calendar with the same version", () => {
    const calendar = wardCalendar({ id: "nerima", closures: [{ date: "2026-03-30", name: "x" }] });
    const rebuilt = createCalendar(JSON.parse(JSON.stringify(calendar.policy)));
    expect(rebuilt.version).toBe(calendar.version);
    expect(calendarPolicySchema.parse(calendar.policy)).toEqual(calendar.policy);
  });

  it("changes the version when the policy or the holiday table changes", () => {
    const base = createCalendar({ id: "a" });
    expect(createCalendar({ id: "a", closedWeekdays: [7, 6] }).version).toBe(base.version);
    expect(createCalendar({ id: "a", closedWeekdays: [7] }).version).not.toBe(base.version);
    const holidays = createHolidayTable({ add: [{ date: "2031-07-25", name: "x" }] });
    const changed = createCalendar({ id: "a" }, { holidays });
    expect(changed.version).not.toBe(base.version);
    expect(isOpenDay(changed, "2031-07-25")).toBe(false);
    expect(isOpenDay(base, "2031-07-25")).toBe(true);
  });

  it.each([
    [{}, /id/],
    [{ id: "x", closedWeekdays: [0] }, /closedWeekdays/],
    [{ id: "x", yearEnd: { from: "12-32", to: "01-03" } }, /yearEnd/],
    [{ id: "x", closures: [{ date: "2025-02-30", name: "x" }] }, /closures/],
    [{ id: "x", hours: { open: "17:00", close: "09:00" } }, /close must be after open/],
    [
      { id: "x", hours: { open: "09:00", close: "17:00", breaks: [{ from: "08:00", to: "10:00" }] } },
      /breaks/,
    ],
    [{ id: "x", extra: true }, /extra/],
    [{ id: "x", closures: [{ date: "1899-12-31", name: "x" }] }, /1900–2150/],
  ])("rejects the policy %j", (policy, message) => {
    expect(() => createCalendar(policy)).toThrow(CalendarError);
    expect(() => createCalendar(policy)).toThrow(message);
    try {
      createCalendar(policy);
    } catch (error) {
      expect((error as CalendarError).code).toBe("INVALID_POLICY");
    }
  });
});

describe("preset calendars", () => {
  it("national organs: 08:30–17:15, closed 12/29–1/3", () => {
    const national = nationalCalendar();
    expect(national.policy.hours).toEqual({ open: "08:30", close: "17:15", breaks: [] });
    expect(isOpenDay(national, "2025-12-29")).toBe(false);
    expect(nationalCalendar()).toBe(national);
  });

  it("banks: open on 12/29 and 12/30, closed 12/31–1/3, 09:00–15:00", () => {
    const bank = bankCalendar();
    expect(isOpenDay(bank, "2025-12-30")).toBe(true);
    expect(isOpenDay(wardCalendar(), "2025-12-30")).toBe(false);
    expect(closedReason(bank, "2025-12-31")).toEqual({ kind: "year-end", name: "年末年始" });
    expect(bank.policy.hours.close).toBe("15:00");
  });

  it("a ward with its own id, name and hours", () => {
    const meguro = wardCalendar({
      id: "meguro",
      name: "目黒区",
      hours: { open: "08:30", close: "17:15", breaks: [{ from: "12:00", to: "13:00" }] },
    });
    expect(meguro.id).toBe("meguro");
    expect(meguro.policy.name).toBe("目黒区");
    expect(wardCalendar()).toBe(wardCalendar());
  });

  it("policies are frozen", () => {
    expect(Object.isFrozen(wardCalendar().policy.closedWeekdays)).toBe(true);
  });
});
