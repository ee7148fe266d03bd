import { type Dinero, type DineroCurrency, dinero, toSnapshot } from "dinero.js";
import * as currencies from "dinero.js/currencies";
import { LedgerError } from "./errors.js";
import { assertSafe, bigToSafe } from "./internal/safe-int.js";

/** An ISO 4217 currency as dinero.js describes it (number calculator). */
export type Currency<TCode extends string = string> = DineroCurrency<number, TCode>;

/** A money value at the API: a dinero.js 2 object. `Money<"JPY">` cannot be mixed with USD at compile time. */
export type Money<TCode extends string = string> = Dinero<number, TCode>;

const registry: ReadonlyMap<string, Currency> = new Map(
  Object.values(currencies as Record<string, Currency>).map((c) => [c.code, c]),
);

/**
 * Looks up an ISO 4217 currency by code.
 *
 * @param code - e.g. `"JPY"`
 * @returns the dinero.js currency
 * @throws {LedgerError} `UNKNOWN_CURRENCY` for a code dinero.js does not ship
 * @example
 * currencyFromCode("JPY"); // => { code: "JPY", base: 10, exponent: 0 }
 */
export function currencyFromCode(code: string): Currency {
  const currency = registry.get(code);
  if (currency === undefined) {
    throw new LedgerError("UNKNOWN_CURRENCY", `unknown currency code ${JSON.stringify(code)}`, {
      details: { code },
    });
  }
  return currency;
}

/** Throws unless the currency has a plain decimal base (every ISO 4217 currency does). */
export function assertDecimalCurrency(currency: Currency): void {
  if (currency.base !== 10 || !Number.isInteger(currency.exponent) || currency.exponent < 0) {
    throw new LedgerError("UNKNOWN_CURRENCY", `currency ${currency.code} is not a decimal currency`, {
      details: { code: currency.code },
    });
  }
}

/**
 * Creates a money value from an integer of minor units (yen for JPY, cents for USD).
 * Unlike a bare `dinero()`, it refuses amounts the number calculator would silently round.
 *
 * @param units - an integer of minor units; a bigint or a decimal integer string is accepted too
 * @param currency - a dinero.js currency, e.g. `JPY` from `dinero.js/currencies`
 * @returns a dinero.js value with scale = the currency's exponent
 * @throws {LedgerError} `NOT_AN_INTEGER` or `OVERFLOW`
 * @example
 * money(1234, JPY); // => dinero ¥1,234
 */
export function money<TCode extends string>(
  units: number | bigint | string,
  currency: Currency<TCode>,
): Money<TCode> {
  assertDecimalCurrency(currency);
  let amount: number;
  if (typeof units === "number") amount = assertSafe(units, "amount");
  else if (typeof units === "bigint") amount = bigToSafe(units, "amount");
  else if (/^-?\d+$/.test(units)) amount = bigToSafe(BigInt(units), "amount");
  else throw new LedgerError("NOT_AN_INTEGER", `amount ${JSON.stringify(units)} is not an integer string`);
  // Normalise -0 so JSON and equality never see it.
  return dinero({ amount: amount === 0 ? 0 : amount, currency, scale: currency.exponent });
}

/**
 * Creates a yen value (JPY, exponent 0).
 *
 * @param units - whole yen
 * @returns a `Money<"JPY">`
 * @throws {LedgerError} `NOT_AN_INTEGER` or `OVERFLOW`
 * @example
 * toMinorUnits(yen(1234)); // => 1234
 */
export function yen(units: number | bigint | string): Money<"JPY"> {
  return money(units, currencies.JPY);
}

/**
 * The amount of a money value as an integer of minor units at the currency's exponent,
 * whatever scale dinero.js holds it at.
 *
 * @param value - a dinero.js value
 * @returns minor units (yen for JPY)
 * @throws {LedgerError} `SUBUNIT_AMOUNT` when the value has a fraction of a minor unit (¥0.5); `OVERFLOW`
 * @example
 * toMinorUnits(dinero({ amount: 100, currency: JPY, scale: 2 })); // => 1
 */
export function toMinorUnits(value: Money): number {
  const { amount, scale, currency } = toSnapshot(value);
  assertDecimalCurrency(currency);
  assertSafe(amount, "amount");
  const shift = scale - currency.exponent;
  if (shift === 0) return amount === 0 ? 0 : amount;
  if (shift < 0) return assertSafe(amount * 10 ** -shift, "amount");
  const factor = 10 ** shift;
  if (amount % factor !== 0) {
    throw new LedgerError(
      "SUBUNIT_AMOUNT",
      `${amount}e-${scale} ${currency.code} has a fraction of a minor unit; round it first`,
      { messageJa: "最小単位未満の端数があります", details: { amount, scale, currency: currency.code } },
    );
  }
  const units = amount / factor;
  return units === 0 ? 0 : units;
}

/**
 * The currency of a money value.
 *
 * @param value - a dinero.js value
 * @returns its currency
 * @example
 * currencyOf(yen(1)).code; // => "JPY"
 */
export function currencyOf<TCode extends string>(value: Money<TCode>): Currency<TCode> {
  return toSnapshot(value).currency;
}

/** Throws CURRENCY_MISMATCH unless both currencies are the same. */
export function assertSameCurrency(expected: Currency, actual: Currency): void {
  if (expected.code !== actual.code || expected.exponent !== actual.exponent) {
    throw new LedgerError("CURRENCY_MISMATCH", `expected ${expected.code}, got ${actual.code}`, {
      messageJa: "通貨が一致しません",
      details: { expected: expected.code, actual: actual.code },
    });
  }
}

/**
 * Adds money values exactly, on integers, refusing to overflow (dinero's number calculator would
 * silently lose yen past `Number.MAX_SAFE_INTEGER`).
 *
 * @param values - money values of one currency
 * @param currency - the currency, required so that an empty list has a typed zero
 * @returns the sum
 * @throws {LedgerError} `CURRENCY_MISMATCH`, `OVERFLOW`
 * @example
 * toMinorUnits(sumMoney([yen(1), yen(2)], JPY)); // => 3
 */
export function sumMoney<TCode extends string>(
  values: Iterable<Money<NoInfer<TCode>>>,
  currency: Currency<TCode>,
): Money<TCode> {
  let total = 0;
  for (const value of values) {
    assertSameCurrency(currency, currencyOf(value));
    total = assertSafe(total + toMinorUnits(value), "sum");
  }
  return money(total, currency);
}
