import { createCalendar } from "@ward/calendar-jp";
import { describe, expect, it } from "vitest";
import { paymentAdviceRunDate, paymentAdviceRuns } from "./payment-advice.js";

describe("paymentAdviceRunDate", () => {
  it("is the last open day of the month on the ward calendar", () => {
    expect(paymentAdviceRunDate(2025, 7)).toBe("2025-07-31");
    expect(paymentAdviceRunDate(2025, 8)).toBe("2025-08-29"); // 8/30–31 weekend
    expect(paymentAdviceRunDate(2025, 12)).toBe("2025-12-26"); // ward closed 12/29–1/3
    expect(paymentAdviceRunDate(2025, 5)).toBe("2025-05-30");
  });

  it("follows ad-hoc closures of the calendar it is given", () => {
    const calendar = createCalendar({
      id: "ward-test",
      yearEnd: { from: "12-29", to: "01-03" },
      closures: [{ date: "2025-07-31", name: "システム停止" }],
    });
    expect(paymentAdviceRunDate(2025, 7, calendar)).toBe("2025-07-30");
  });
});

describe("paymentAdviceRuns", () => {
  it("lists the twelve runs of a fiscal year from April to March", () => {
    const runs = paymentAdviceRuns(2025);
    expect(runs).toHaveLength(12);
    expect(runs[0]).toEqual({ year: 2025, month: 4, runDate: "2025-04-30" });
    expect(runs[11]).toEqual({ year: 2026, month: 3, runDate: "2026-03-31" });
    expect(runs.map((r) => r.runDate)).toEqual([...runs.map((r) => r.runDate)].sort());
  });

  it("refuses a fiscal year that is not an integer", () => {
    expect(() => paymentAdviceRuns(2025.5)).toThrow();
  });
});
