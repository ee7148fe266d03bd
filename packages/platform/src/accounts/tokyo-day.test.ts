import { describe, expect, it } from "vitest";
import { startOfTokyoDay, tokyoDate } from "./tokyo-day.js";

describe("startOfTokyoDay", () => {
  it("puts a move dated 2027-04-01 at 00:00 JST, which is 15:00 UTC the day before", () => {
    expect(startOfTokyoDay("2027-04-01").toISOString()).toBe("2027-03-31T15:00:00.000Z");
    expect(tokyoDate(new Date("2027-03-31T14:59:59.999Z"))).toBe("2027-03-31");
    expect(tokyoDate(new Date("2027-03-31T15:00:00.000Z"))).toBe("2027-04-01");
  });
  it("refuses impossible dates with a Japanese message", () => {
    for (const bad of ["2027-02-30", "2027-4-1", "令和9年4月1日"]) {
      expect(() => startOfTokyoDay(bad)).toThrow(/VALIDATION_FAILED/);
    }
  });
});
