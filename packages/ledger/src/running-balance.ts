import { mismatch } from "./balance.js";
import { assertSafe } from "./internal/safe-int.js";
import { assertSameCurrency, currencyOf, type Money, money, toMinorUnits } from "./money.js";

/** One movement of a running balance: a day's receipts and payments, say. */
export interface Movement<TCode extends string = string> {
  /** ISO date (`2025-04-01`) or any label of the period. */
  readonly date?: string;
  readonly description?: string;
  readonly receipts?: Money<TCode>;
  readonly payments?: Money<TCode>;
  /** The closing balance recorded for this line; checked against the computed one. */
  readonly expectedClosing?: Money<TCode>;
}

/** One line of a running balance. */
export interface BalanceLine<TCode extends string = string> {
  readonly index: number;
  readonly date?: string;
  readonly description?: string;
  readonly opening: Money<TCode>;
  readonly receipts: Money<TCode>;
  readonly payments: Money<TCode>;
  /** opening + receipts − payments. */
  readonly closing: Money<TCode>;
  /** Receipts from the first line through this one (累計). */
  readonly cumulativeReceipts: Money<TCode>;
  /** Payments from the first line through this one. */
  readonly cumulativePayments: Money<TCode>;
}

/** A line whose recorded closing balance disagrees with the computed one. */
export interface BalanceMismatch<TCode extends string = string> {
  readonly index: number;
  readonly date?: string;
  readonly expected: Money<TCode>;
  readonly actual: Money<TCode>;
  /** actual − expected. */
  readonly difference: Money<TCode>;
}

/** The result of {@link runningBalance}. */
export interface RunningBalance<TCode extends string = string> {
  readonly lines: readonly BalanceLine<TCode>[];
  readonly opening: Money<TCode>;
  readonly closing: Money<TCode>;
  readonly totalReceipts: Money<TCode>;
  readonly totalPayments: Money<TCode>;
  /** Every line whose `expectedClosing` disagrees; empty when all assertions hold. */
  readonly mismatches: readonly BalanceMismatch<TCode>[];
}

/**
 * Runs a balance forward line by line (収入日計表: daily receipts with cumulative totals; a cash book):
 * opening + receipts − payments = closing on every line, exact integers inside.
 *
 * @param opening - the balance before the first line (`yen(0)` for a pure receipts report)
 * @param movements - the lines, in order
 * @returns lines with closing and cumulative totals, and the failed assertions
 * @throws {LedgerError} `CURRENCY_MISMATCH`, `OVERFLOW`
 * @example
 * const run = runningBalance(yen(0), [{ date: "2025-04-01", receipts: yen(1200) }, { date: "2025-04-02", receipts: yen(800) }]);
 * toMinorUnits(run.lines[1].cumulativeReceipts); // => 2000
 */
export function runningBalance<TCode extends string>(
  opening: Money<TCode>,
  movements: readonly Movement<TCode>[],
): RunningBalance<TCode> {
  const currency = currencyOf(opening);
  const units = (value: Money<TCode> | undefined): number => {
    if (value === undefined) return 0;
    assertSameCurrency(currency, currencyOf(value));
    return toMinorUnits(value);
  };
  let balance = units(opening);
  let inSum = 0;
  let outSum = 0;
  const lines: BalanceLine<TCode>[] = [];
  const mismatches: BalanceMismatch<TCode>[] = [];
  movements.forEach((m, index) => {
    const before = balance;
    const receipts = units(m.receipts);
    const payments = units(m.payments);
    balance = assertSafe(balance + receipts - payments, "balance");
    inSum = assertSafe(inSum + receipts, "receipts");
    outSum = assertSafe(outSum + payments, "payments");
    const where = { ...(m.date === undefined ? {} : { date: m.date }) };
    lines.push(
      Object.freeze({
        index,
        ...where,
        ...(m.description === undefined ? {} : { description: m.description }),
        opening: money(before, currency),
        receipts: money(receipts, currency),
        payments: money(payments, currency),
        closing: money(balance, currency),
        cumulativeReceipts: money(inSum, currency),
        cumulativePayments: money(outSum, currency),
      }),
    );
    if (m.expectedClosing !== undefined) {
      const recorded = units(m.expectedClosing);
      if (recorded !== balance) {
        mismatches.push(
          Object.freeze({
            index,
            ...where,
            expected: money(balance, currency),
            actual: money(recorded, currency),
            difference: money(assertSafe(recorded - balance, "difference"), currency),
          }),
        );
      }
    }
  });
  return Object.freeze({
    lines: Object.freeze(lines),
    opening,
    closing: money(balance, currency),
    totalReceipts: money(inSum, currency),
    totalPayments: money(outSum, currency),
    mismatches: Object.freeze(mismatches),
  });
}

/**
 * Like {@link runningBalance}, but throws at the first line whose recorded closing balance is wrong.
 *
 * @param opening - the balance before the first line
 * @param movements - the lines, in order
 * @returns the running balance, when every assertion holds
 * @throws {LedgerError} `BALANCE_MISMATCH` naming the line, with expected, actual and difference
 * @example
 * assertRunningBalance(yen(100), [{ receipts: yen(50), expectedClosing: yen(149) }]);
 * // throws LedgerError BALANCE_MISMATCH: line 1 … expected 150円, actual 149円, difference -1円
 */
export function assertRunningBalance<TCode extends string>(
  opening: Money<TCode>,
  movements: readonly Movement<TCode>[],
): RunningBalance<TCode> {
  const run = runningBalance(opening, movements);
  const first = run.mismatches[0];
  if (first !== undefined) {
    throw mismatch(
      `line ${first.index + 1}${first.date === undefined ? "" : ` (${first.date})`}`,
      toMinorUnits(first.expected),
      toMinorUnits(first.actual),
      currencyOf(opening).code,
    );
  }
  return run;
}
