import { LedgerError } from "./errors.js";
import { bigToSafe } from "./internal/safe-int.js";
import { currencyOf, type Money, money, toMinorUnits } from "./money.js";

/**
 * How the units left over after flooring each share are handed out, one at a time:
 * - `"largest-ratio"`: to the largest ratios first (dinero.js `allocate`): ¥10 by [50, 25, 25] → [6, 2, 2];
 * - `"largest-remainder"`: to the largest fractional remainders first (Hamilton's method): → [5, 3, 2].
 * Ties go to the earlier share in both rules.
 */
export type AllocationRule = "largest-ratio" | "largest-remainder";

/** Options of {@link allocateAmount}. */
export interface AllocateOptions {
  /** The remainder rule; default `"largest-ratio"` (what dinero.js does). */
  readonly rule?: AllocationRule;
}

/**
 * Splits an amount by ratios without losing a unit: the shares always add up to the amount.
 * Exact for any size (bigint inside), deterministic on ties.
 *
 * @param amount - the amount to split (may be negative: shares are then negative)
 * @param ratios - non-negative integers, at least one positive
 * @param options - `rule` for the remainder
 * @returns one share per ratio, in the same order
 * @throws {LedgerError} `INVALID_RATIOS` for an empty list, a negative or non-integer ratio, or all zeros
 * @example
 * allocateAmount(yen(10), [50, 25, 25]).map(toMinorUnits); // => [6, 2, 2]
 * allocateAmount(yen(10), [50, 25, 25], { rule: "largest-remainder" }).map(toMinorUnits); // => [5, 3, 2]
 */
export function allocateAmount<TCode extends string>(
  amount: Money<TCode>,
  ratios: readonly number[],
  options: AllocateOptions = {},
): Money<TCode>[] {
  const { rule = "largest-ratio" } = options;
  if (
    ratios.length === 0 ||
    ratios.some((r) => !Number.isSafeInteger(r) || r < 0) ||
    ratios.every((r) => r === 0)
  ) {
    throw new LedgerError(
      "INVALID_RATIOS",
      `ratios must be non-negative integers, not all zero: ${JSON.stringify(ratios)}`,
      {
        messageJa: "按分比率は0以上の整数で、少なくとも1つは正の数にしてください",
        details: { ratios },
      },
    );
  }
  const currency = currencyOf(amount);
  const units = BigInt(toMinorUnits(amount));
  const negative = units < 0n;
  const value = negative ? -units : units;
  const weights = ratios.map(BigInt);
  const sum = weights.reduce((a, b) => a + b, 0n);
  const shares = weights.map((w) => (value * w) / sum);
  let remainder = value - shares.reduce((a, b) => a + b, 0n);
  const order = weights
    .map((w, index) => ({ index, w, rest: (value * w) % sum }))
    .filter(({ w }) => w > 0n)
    .sort((a, b) => {
      const key = rule === "largest-ratio" ? b.w - a.w : b.rest - a.rest;
      return key > 0n ? 1 : key < 0n ? -1 : a.index - b.index;
    });
  for (let i = 0; remainder > 0n; i = (i + 1) % order.length, remainder--) {
    const index = (order[i] as { index: number }).index;
    shares[index] = (shares[index] as bigint) + 1n;
  }
  return shares.map((s) => money(bigToSafe(negative ? -s : s, "share"), currency));
}
