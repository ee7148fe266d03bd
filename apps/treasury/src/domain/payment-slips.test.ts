import { describe, expect, it } from "vitest";
import { paymentSlipDueDate, schedulePaymentSlips } from "./payment-slips.js";

describe("paymentSlipDueDate", () => {
  it("is two open days before the desired payment date", () => {
    expect(paymentSlipDueDate("2025-07-10")).toBe("2025-07-08");
    expect(paymentSlipDueDate("2025-07-14")).toBe("2025-07-10"); // Mon → Thu (weekend skipped)
    expect(paymentSlipDueDate("2025-07-22")).toBe("2025-07-17"); // 7/21 海の日: Fri 7/18, Thu 7/17
  });

  it("skips the ward's year-end closure", () => {
    expect(paymentSlipDueDate("2026-01-06")).toBe("2025-12-26");
  });

  it("counts back from a desired date on a closed day", () => {
    expect(paymentSlipDueDate("2025-07-20")).toBe("2025-07-17"); // Sunday
  });

  it("refuses a malformed date", () => {
    expect(() => paymentSlipDueDate("2025-13-01")).toThrow();
  });
});

describe("schedulePaymentSlips", () => {
  const slips = [
    { id: "late", desiredPaymentDate: "2025-07-09", amount: 100 },
    { id: "today", desiredPaymentDate: "2025-07-10", amount: 200 },
    { id: "friday", desiredPaymentDate: "2025-07-15", amount: 300 },
    { id: "next-week", desiredPaymentDate: "2025-07-17", amount: 400 },
  ];

  it("gives every slip its due date and urgency, sorted by due date", () => {
    expect(
      schedulePaymentSlips(slips, { today: "2025-07-08" }).map((s) => [
        s.slip.id,
        s.dueDate,
        s.status,
        s.urgent,
      ]),
    ).toEqual([
      ["late", "2025-07-07", "overdue", true],
      ["today", "2025-07-08", "due-today", true],
      ["friday", "2025-07-11", "upcoming", false],
      ["next-week", "2025-07-15", "upcoming", false],
    ]);
  });

  it("selects the slips due today, including overdue ones", () => {
    expect(
      schedulePaymentSlips(slips, { today: "2025-07-08", scope: "today" }).map((s) => s.slip.id),
    ).toEqual(["late", "today"]);
  });

  it("selects the slips due by Sunday of this week", () => {
    expect(schedulePaymentSlips(slips, { today: "2025-07-08", scope: "week" }).map((s) => s.slip.id)).toEqual(
      ["late", "today", "friday"],
    );
    // On a Sunday the week is that same day's week.
    expect(schedulePaymentSlips(slips, { today: "2025-07-13", scope: "week" }).map((s) => s.slip.id)).toEqual(
      ["late", "today", "friday"],
    );
    expect(
      schedulePaymentSlips(slips, { today: "2025-07-14", scope: "week" }).map((s) => s.slip.id),
    ).toHaveLength(4);
  });

  it("orders slips with the same due date by desired date, then id", () => {
    const same = [
      { id: "b", desiredPaymentDate: "2025-07-12", amount: 1 },
      { id: "a", desiredPaymentDate: "2025-07-13", amount: 1 },
      { id: "c", desiredPaymentDate: "2025-07-12", amount: 1 },
    ];
    expect(schedulePaymentSlips(same, { today: "2025-07-01" }).map((s) => s.slip.id)).toEqual([
      "b",
      "c",
      "a",
    ]);
  });

  it("refuses bad slips and options", () => {
    expect(() =>
      schedulePaymentSlips([{ id: "x", desiredPaymentDate: "2025/07/10", amount: 1 }], {
        today: "2025-07-08",
      }),
    ).toThrow();
    expect(() =>
      schedulePaymentSlips([{ id: "x", desiredPaymentDate: "2025-07-10", amount: 1.5 }], {
        today: "2025-07-08",
      }),
    ).toThrow();
    expect(() => schedulePaymentSlips([], { today: "yesterday" })).toThrow();
  });
});
