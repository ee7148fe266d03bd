import { USD } from "dinero.js/currencies";
import { describe, expect, it } from "vitest";
import { assertBalance, checkBalance } from "./balance.js";
import { LedgerError } from "./errors.js";
import { money, toMinorUnits, yen } from "./money.js";
import { assertRunningBalance, runningBalance } from "./running-balance.js";
import { stampLedger } from "./stamp-ledger.js";

describe("checkBalance / assertBalance", () => {
  it("balances opening + in − out = closing", () => {
    const check = checkBalance({
      opening: yen(1000),
      receipts: yen(500),
      payments: yen(200),
      closing: yen(1300),
    });
    expect(check.balanced).toBe(true);
    expect(toMinorUnits(check.difference)).toBe(0);
    expect(() =>
      assertBalance({ opening: yen(1000), receipts: yen(500), payments: yen(200), closing: yen(1300) }),
    ).not.toThrow();
  });
  it("reports expected, actual and difference when it does not", () => {
    const input = { opening: yen(1000), receipts: yen(500), payments: yen(200), closing: yen(1299) };
    const check = checkBalance(input);
    expect([
      check.balanced,
      toMinorUnits(check.expected),
      toMinorUnits(check.actual),
      toMinorUnits(check.difference),
    ]).toEqual([false, 1300, 1299, -1]);
    try {
      assertBalance(input, "金庫 2025-04-01");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(LedgerError);
      const e = error as LedgerError;
      expect(e.code).toBe("BALANCE_MISMATCH");
      expect(e.details).toMatchObject({ expected: 1300, actual: 1299, difference: -1 });
      expect(e.message).toContain("expected 1,300円, actual 1,299円, difference -1円");
      expect(e.messageJa).toContain("差額 -1円");
    }
  });
  it("refuses mixed currencies", () => {
    expect(() =>
      checkBalance({ opening: yen(1), receipts: money(1, USD) as never, payments: yen(0), closing: yen(2) }),
    ).toThrow(expect.objectContaining({ code: "CURRENCY_MISMATCH" }));
  });
});

describe("runningBalance", () => {
  const days = [
    { date: "2025-04-01", receipts: yen(120_000) },
    { date: "2025-04-02", receipts: yen(80_000), payments: yen(50_000) },
    { date: "2025-04-03", receipts: yen(5_000), expectedClosing: yen(155_000) },
  ];
  it("carries the balance and cumulative totals line by line (収入日計表)", () => {
    const run = runningBalance(yen(0), days);
    expect(
      run.lines.map((l) => [
        toMinorUnits(l.opening),
        toMinorUnits(l.closing),
        toMinorUnits(l.cumulativeReceipts),
      ]),
    ).toEqual([
      [0, 120_000, 120_000],
      [120_000, 150_000, 200_000],
      [150_000, 155_000, 205_000],
    ]);
    expect(toMinorUnits(run.closing)).toBe(155_000);
    expect(toMinorUnits(run.totalPayments)).toBe(50_000);
    expect(run.mismatches).toEqual([]);
    expect(run.lines[0]?.date).toBe("2025-04-01");
    expect(Object.isFrozen(run.lines)).toBe(true);
  });
  it("lists failed assertions and throws on the first in assert mode", () => {
    const bad = [
      ...days.slice(0, 2),
      { date: "2025-04-03", receipts: yen(5_000), expectedClosing: yen(154_000) },
    ];
    const run = runningBalance(yen(0), bad);
    expect(run.mismatches).toHaveLength(1);
    expect(run.mismatches[0]).toMatchObject({ index: 2, date: "2025-04-03" });
    expect(toMinorUnits(run.mismatches[0]?.difference as never)).toBe(-1000);
    expect(() => assertRunningBalance(yen(0), bad)).toThrow(
      /line 3 \(2025-04-03\) does not balance: expected 155,000円, actual 154,000円, difference -1,000円/,
    );
    expect(assertRunningBalance(yen(0), days).lines).toHaveLength(3);
  });
});

describe("stampLedger", () => {
  it("keeps counts per denomination with the value on hand (郵券受払簿)", () => {
    const ledger = stampLedger({
      opening: { 110: 10, 84: 4 },
      movements: [
        { date: "2025-04-30", denomination: 110, used: 3, description: "支払案内書送付" },
        { date: "2025-05-02", denomination: 110, received: 5, expectedRemaining: 12 },
        { date: "2025-05-02", denomination: 140, received: 2 },
      ],
    });
    expect(ledger.lines.map((l) => [l.denomination, l.opening, l.remaining])).toEqual([
      [110, 10, 7],
      [110, 7, 12],
      [140, 0, 2],
    ]);
    expect(
      ledger.balances.map((b) => [
        b.denomination,
        b.opening,
        b.received,
        b.used,
        b.remaining,
        toMinorUnits(b.value),
      ]),
    ).toEqual([
      [84, 4, 0, 0, 4, 336],
      [110, 10, 5, 3, 12, 1320],
      [140, 0, 2, 0, 2, 280],
    ]);
    expect(toMinorUnits(ledger.totalValue)).toBe(1936);
  });
  it("fails an assertion with expected, actual and difference", () => {
    expect(() =>
      stampLedger({
        opening: { 110: 10 },
        movements: [{ denomination: 110, used: 3, expectedRemaining: 8 }],
      }),
    ).toThrow(
      expect.objectContaining({
        code: "BALANCE_MISMATCH",
        details: expect.objectContaining({ expected: 7, actual: 8, difference: 1 }),
      }),
    );
  });
  it("refuses to use more stamps than are on hand, and malformed lines", () => {
    expect(() => stampLedger({ movements: [{ denomination: 84, used: 1 }] })).toThrow(
      expect.objectContaining({ code: "INSUFFICIENT_STOCK" }),
    );
    expect(() => stampLedger({ movements: [{ denomination: 84, received: -1 }] })).toThrow(
      expect.objectContaining({ code: "INVALID_ENTRY" }),
    );
    expect(() => stampLedger({ movements: [{ denomination: 0, received: 1 }] })).toThrow(
      expect.objectContaining({ code: "INVALID_ENTRY" }),
    );
  });
});
