import { LedgerError } from "./errors.js";
import { assertSafe } from "./internal/safe-int.js";
import { showUnits } from "./internal/show-units.js";
import { assertSameCurrency, currencyOf, type Money, money, toMinorUnits } from "./money.js";

/** The parts of a balance check: opening + receipts − payments should equal closing. */
export interface BalanceInput<TCode extends string = string> {
  readonly opening: Money<TCode>;
  readonly receipts: Money<TCode>;
  readonly payments: Money<TCode>;
  /** The closing balance as recorded (counted cash, the ledger's figure). */
  readonly closing: Money<TCode>;
}

/** The result of {@link checkBalance}. */
export interface BalanceCheck<TCode extends string = string> {
  /** True when opening + receipts − payments = closing. */
  readonly balanced: boolean;
  /** opening + receipts − payments. */
  readonly expected: Money<TCode>;
  /** The recorded closing balance. */
  readonly actual: Money<TCode>;
  /** actual − expected (positive: more than expected). */
  readonly difference: Money<TCode>;
}

/**
 * Checks opening + receipts − payments = closing, exactly.
 *
 * @param input - opening, receipts, payments and the recorded closing balance
 * @returns whether it balances, with expected, actual and difference
 * @throws {LedgerError} `CURRENCY_MISMATCH`, `OVERFLOW`
 * @example
 * checkBalance({ opening: yen(1000), receipts: yen(500), payments: yen(200), closing: yen(1300) }).balanced; // => true
 */
export function checkBalance<TCode extends string>(input: BalanceInput<TCode>): BalanceCheck<TCode> {
  const currency = currencyOf(input.opening);
  for (const part of [input.receipts, input.payments, input.closing])
    assertSameCurrency(currency, currencyOf(part));
  const expected = assertSafe(
    toMinorUnits(input.opening) + toMinorUnits(input.receipts) - toMinorUnits(input.payments),
    "balance",
  );
  const actual = toMinorUnits(input.closing);
  return {
    balanced: expected === actual,
    expected: money(expected, currency),
    actual: input.closing,
    difference: money(assertSafe(actual - expected, "difference"), currency),
  };
}

/**
 * Like {@link checkBalance}, but throws when it does not balance.
 *
 * @param input - opening, receipts, payments and the recorded closing balance
 * @param label - what is being checked, for the message (e.g. `"収入日計 2025-04-01"`)
 * @throws {LedgerError} `BALANCE_MISMATCH` with `details.expected`, `details.actual`, `details.difference` (minor units)
 * @example
 * assertBalance({ opening: yen(1000), receipts: yen(500), payments: yen(200), closing: yen(1299) });
 * // throws LedgerError BALANCE_MISMATCH: expected 1,300円, actual 1,299円, difference -1円
 */
export function assertBalance<TCode extends string>(input: BalanceInput<TCode>, label = "balance"): void {
  const check = checkBalance(input);
  if (!check.balanced)
    throw mismatch(
      label,
      toMinorUnits(check.expected),
      toMinorUnits(check.actual),
      currencyOf(input.opening).code,
    );
}

/** Builds the BALANCE_MISMATCH error (shared with the running balance and the stamp ledger). */
export function mismatch(label: string, expected: number, actual: number, unit: string): LedgerError {
  const difference = actual - expected;
  const show = (n: number): string => showUnits(n, unit);
  return new LedgerError(
    "BALANCE_MISMATCH",
    `${label} does not balance: expected ${show(expected)}, actual ${show(actual)}, difference ${show(difference)}`,
    {
      messageJa: `${label} が合いません：計算上 ${show(expected)}、実際 ${show(actual)}、差額 ${show(difference)}`,
      details: { label, expected, actual, difference },
    },
  );
}
