import { describe, expect, it } from "vitest";
import { createHolidayTable, defaultHolidayTable } from "./holiday-table.js";
import { holidayOn, isHoliday } from "./holidays.js";

describe("createHolidayTable", () => {
  it("adds a 祝日 at run time, with its 振替休日, without changing the default table", () => {
    // 2033-07-24 is a Sunday: an added 祝日 there makes Monday a 振替休日.
    const table = createHolidayTable({
      add: [{ date: "2033-07-24", name: "臨時の祝日", nameEn: "Extra Day" }],
    });
    expect(holidayOn("2033-07-24", { holidays: table })).toMatchObject({
      name: "臨時の祝日",
      kind: "national",
    });
    expect(holidayOn("2033-07-25", { holidays: table })?.kind).toBe("substitute");
    expect(isHoliday("2033-07-24")).toBe(false);
    expect(isHoliday("2033-07-25")).toBe(false);
  });

  it("re-enacts the 2021 moves from the pre-2020 law as a late change would", () => {
    const table = createHolidayTable({
      remove: ["2021-07-22", "2021-07-23", "2021-08-08"],
      add: [
        { date: "2021-07-19", name: "海の日" },
        { date: "2021-08-11", name: "山の日" },
        { date: "2021-10-11", name: "スポーツの日" },
      ],
    });
    expect(isHoliday("2021-07-22", { holidays: table })).toBe(false);
    expect(isHoliday("2021-08-09", { holidays: table })).toBe(false);
    expect(isHoliday("2021-10-11", { holidays: table })).toBe(true);
  });

  it("removes a derived day too, and makes a sandwiched day a 国民の休日", () => {
    const table = createHolidayTable({ remove: ["2026-05-06"] });
    expect(isHoliday("2026-05-06", { holidays: table })).toBe(false);
    const sandwich = createHolidayTable({ add: [{ date: "2030-11-01", name: "臨時" }] });
    // 2030-11-01 (Fri) and 11-03 (Sun) are 祝日: Saturday 11-02 is now sandwiched.
    expect(holidayOn("2030-11-02", { holidays: sandwich })?.kind).toBe("citizens");
  });

  it("moves the provisional boundary and changes the version", () => {
    const table = createHolidayTable({ officialThrough: 2030 });
    expect(holidayOn("2030-01-01", { holidays: table })?.provisional).toBe(false);
    expect(table.version).not.toBe(defaultHolidayTable().version);
    expect(createHolidayTable({ officialThrough: 2030 }).version).toBe(table.version);
  });

  it("rejects malformed changes", () => {
    expect(() => createHolidayTable({ add: [{ date: "2025-02-30", name: "x" }] })).toThrow(
      expect.objectContaining({ code: "INVALID_HOLIDAYS" }),
    );
    expect(() => createHolidayTable({ remove: ["2200-01-01"] })).toThrow(/1948–2150/);
    expect(() => isHoliday("2025-01-01", { holidays: {} as never })).toThrow(/createHolidayTable/);
  });

  it("adds a non-祝日 kind after derivation", () => {
    const table = createHolidayTable({ add: [{ date: "2031-12-28", name: "休日", kind: "citizens" }] });
    expect(holidayOn("2031-12-28", { holidays: table })?.kind).toBe("citizens");
  });
});
