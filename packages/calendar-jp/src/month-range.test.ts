import { describe, expect, it } from "vitest";
import { CalendarError } from "./errors.js";
import { monthRange } from "./month-range.js";

describe("monthRange", () => {
  it("gives the first and last day of a YYYY-MM month, leap Februaries included", () => {
    expect(monthRange("2027-02")).toEqual({ from: "2027-02-01", to: "2027-02-28" });
    expect(monthRange("2028-02")).toEqual({ from: "2028-02-01", to: "2028-02-29" });
    expect(monthRange(2026, 12)).toEqual({ from: "2026-12-01", to: "2026-12-31" });
  });

  it("refuses anything but YYYY-MM with a code and a Japanese message", () => {
    for (const bad of ["2026-5", "2026-13", "2026/05", "", "2026-05-01"]) {
      const error = (() => {
        try {
          monthRange(bad);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(CalendarError);
      expect((error as CalendarError).code).toBe("INVALID_ARGUMENT");
      expect((error as CalendarError).messageJa).toContain("月の指定");
      expect((error as CalendarError).details).toEqual({ input: bad });
    }
    expect(() => monthRange(2026, 0)).toThrow(CalendarError);
  });
});
