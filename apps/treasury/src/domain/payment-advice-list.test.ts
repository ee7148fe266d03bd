import type { IsoDate } from "@ward/calendar-jp";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type AdvicePaymentRow, groupPaymentAdvice, parseAdviceMonth } from "./payment-advice-list.js";

const account = {
  bankCode: "0001",
  bankName: "みずほ",
  branchCode: "001",
  branchName: "東京営業部",
  accountType: "1",
  accountTypeName: "普通",
  maskedNumber: "＊＊＊4567",
} as const;
const row = (creditorId: number, orderNumber: string, date: string, amount: number): AdvicePaymentRow => ({
  creditorId,
  creditorName: `債権者${creditorId}`,
  postalCode: "",
  address: "",
  account,
  date: date as IsoDate,
  orderNumber,
  amount,
});
const RUN = { year: 2025, month: 12, runDate: "2025-12-26" as IsoDate };

describe("parseAdviceMonth", () => {
  it("reads YYYY-MM and refuses anything else", () => {
    expect(parseAdviceMonth("2025-12")).toEqual({ year: 2025, month: 12 });
    expect(parseAdviceMonth(" 2026-01 ")).toEqual({ year: 2026, month: 1 });
    for (const bad of ["2025-13", "2025-00", "2025-1", "202512", "", "1800-01"])
      expect(parseAdviceMonth(bad)).toBeUndefined();
  });
});

describe("groupPaymentAdvice", () => {
  it("groups per creditor by registration number, payments by date then order number, with totals", () => {
    const list = groupPaymentAdvice(
      [
        row(7, "S-3", "2025-12-20", 30_000),
        row(2, "S-9", "2025-12-05", 1_000),
        row(7, "S-2", "2025-12-20", 20_000),
        row(7, "S-1", "2025-12-10", 10_000),
      ],
      { ...RUN, unregisteredCount: 3 },
    );
    expect(list.creditors.map((c) => c.creditorId)).toEqual([2, 7]);
    expect(list.creditors[1]?.payments.map((p) => p.orderNumber)).toEqual(["S-1", "S-2", "S-3"]);
    expect(list.creditors.map((c) => c.totalYen)).toEqual([1_000, 60_000]);
    expect(list).toMatchObject({
      paymentCount: 4,
      totalYen: 61_000,
      unregisteredCount: 3,
      runDate: "2025-12-26",
    });
  });

  it("gives an empty list with zero totals for a month without payments", () => {
    expect(groupPaymentAdvice([], RUN)).toEqual({
      ...RUN,
      creditors: [],
      paymentCount: 0,
      totalYen: 0,
      unregisteredCount: 0,
    });
  });

  it("keeps every payment once, sums to the grand total and ignores the rows' order (property)", () => {
    const rows = fc.array(
      fc.record({
        creditorId: fc.integer({ min: 1, max: 6 }),
        day: fc.integer({ min: 1, max: 31 }),
        amount: fc.integer({ min: 1, max: 10_000_000 }),
      }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(rows, (input) => {
        const all = input.map((r, i) =>
          row(
            r.creditorId,
            `S-${String(i).padStart(3, "0")}`,
            `2025-12-${String(r.day).padStart(2, "0")}`,
            r.amount,
          ),
        );
        const list = groupPaymentAdvice(all, RUN);
        const reversed = groupPaymentAdvice([...all].reverse(), RUN);
        expect(reversed).toEqual(list);
        expect(list.creditors.flatMap((c) => c.payments)).toHaveLength(all.length);
        expect(list.totalYen).toBe(all.reduce((s, r) => s + r.amount, 0));
        expect(list.creditors.reduce((s, c) => s + c.totalYen, 0)).toBe(list.totalYen);
        for (const c of list.creditors) expect(c.totalYen).toBe(c.payments.reduce((s, p) => s + p.amount, 0));
      }),
    );
  });
});
