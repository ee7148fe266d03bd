import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TreasuryError } from "./errors.js";
import { matchTransfers, type TransferItem } from "./match-transfers.js";

const item = (id: string, transferDate: string, amount: number, payee?: string): TransferItem =>
  payee === undefined ? { id, transferDate, amount } : { id, transferDate, amount, payee };

describe("matchTransfers", () => {
  it("matches equal date and amount one to one", () => {
    const result = matchTransfers([item("A1", "2025-07-25", 5000)], [item("P1", "2025-07-25", 5000)]);
    expect(result).toEqual([
      {
        status: "matched",
        application: item("A1", "2025-07-25", 5000),
        order: item("P1", "2025-07-25", 5000),
      },
    ]);
  });

  it("reports an amount difference on the same date, with the signed difference", () => {
    const [m] = matchTransfers([item("A1", "2025-07-25", 5000)], [item("P1", "2025-07-25", 5500)]);
    expect(m).toMatchObject({ status: "amount-differs", amountDifference: -500 });
  });

  it("reports a date difference for the same amount, in days", () => {
    const [m] = matchTransfers([item("A1", "2025-07-28", 5000)], [item("P1", "2025-07-25", 5000)]);
    expect(m).toMatchObject({ status: "date-differs", dayDifference: 3 });
  });

  it("reports items missing on either side", () => {
    const result = matchTransfers([item("A1", "2025-07-25", 1)], [item("P1", "2025-07-26", 2)]);
    expect(result.map((m) => m.status)).toEqual(["missing-order", "missing-application"]);
  });

  it("never pairs an item twice: two applications, one order", () => {
    const result = matchTransfers(
      [item("A2", "2025-07-25", 5000), item("A1", "2025-07-25", 5000)],
      [item("P1", "2025-07-25", 5000)],
    );
    expect(result).toEqual([
      expect.objectContaining({ status: "matched", application: expect.objectContaining({ id: "A1" }) }),
      expect.objectContaining({
        status: "missing-order",
        application: expect.objectContaining({ id: "A2" }),
      }),
    ]);
  });

  it("prefers an exact match over an amount difference", () => {
    const result = matchTransfers(
      [item("A1", "2025-07-25", 7000), item("A2", "2025-07-25", 5000)],
      [item("P1", "2025-07-25", 5000), item("P2", "2025-07-25", 7100)],
    );
    expect(
      result.map((m) => [
        m.status,
        "application" in m ? m.application.id : "",
        "order" in m ? m.order.id : "",
      ]),
    ).toEqual([
      ["amount-differs", "A1", "P2"],
      ["matched", "A2", "P1"],
    ]);
  });

  it("keeps payees apart when given", () => {
    const result = matchTransfers(
      [item("A1", "2025-07-25", 5000, "X")],
      [item("P1", "2025-07-25", 5000, "Y")],
    );
    expect(result.map((m) => m.status)).toEqual(["missing-order", "missing-application"]);
  });

  it("pairs same-day amount differences in ascending amount order", () => {
    const result = matchTransfers(
      [item("A1", "2025-07-25", 300), item("A2", "2025-07-25", 100)],
      [item("P1", "2025-07-25", 150), item("P2", "2025-07-25", 350)],
    );
    expect(
      result.map((m) => ("application" in m && "order" in m ? [m.application.id, m.order.id] : [])),
    ).toEqual([
      ["A1", "P2"],
      ["A2", "P1"],
    ]);
  });

  it("refuses duplicate ids and malformed items", () => {
    expect(() => matchTransfers([item("A1", "2025-07-25", 1), item("A1", "2025-07-26", 2)], [])).toThrow(
      TreasuryError,
    );
    expect(() => matchTransfers([], [item("P1", "2025-7-25", 1)])).toThrow(/orders #1/);
    expect(() => matchTransfers([item("A1", "2025-07-25", 1.5)], [])).toThrow(TreasuryError);
  });

  const arbItems = (prefix: string) =>
    fc.uniqueArray(
      fc.record({
        id: fc.integer({ min: 0, max: 999 }).map((n) => `${prefix}${n}`),
        transferDate: fc.constantFrom("2025-07-24", "2025-07-25", "2025-07-28"),
        amount: fc.constantFrom(1000, 2000, 5000),
        payee: fc.constantFrom("X", "Y"),
      }),
      { selector: (x) => x.id, maxLength: 12 },
    );

  it("uses every item exactly once and does not depend on input order (property)", () => {
    fc.assert(
      fc.property(arbItems("A"), arbItems("P"), (apps, orders) => {
        const result = matchTransfers(apps, orders);
        const usedApps = result.flatMap((m) => ("application" in m ? [m.application.id] : []));
        const usedOrders = result.flatMap((m) => ("order" in m ? [m.order.id] : []));
        expect([...usedApps].sort()).toEqual(apps.map((a) => a.id).sort());
        expect([...usedOrders].sort()).toEqual(orders.map((o) => o.id).sort());
        expect(matchTransfers([...apps].reverse(), [...orders].reverse())).toEqual(result);
        for (const m of result) {
          if (m.status === "matched")
            expect([m.application.amount, m.application.transferDate]).toEqual([
              m.order.amount,
              m.order.transferDate,
            ]);
        }
      }),
    );
  });
});
