import { currencyOf, type Money, toMinorUnits } from "./money.js";

/** Options of {@link formatAmount}. */
export interface FormatAmountOptions {
  /** `"yen"`: `1,234円` (other currencies: `1,234.50 USD`); `"symbol"`: `¥1,234` (`USD 1,234.50`); `"plain"`: `1,234`. Default `"yen"`. */
  readonly style?: "yen" | "symbol" | "plain";
  /** How a negative amount is marked: `"minus"` `-1,234`, `"triangle"` `△1,234` (accounting), `"black-triangle"` `▲1,234`. Default `"minus"`. */
  readonly negative?: "minus" | "triangle" | "black-triangle";
  /** Thousands separators; default true. */
  readonly grouping?: boolean;
}

const SIGNS = { minus: "-", triangle: "△", "black-triangle": "▲" } as const;

/**
 * Formats an amount the way Japanese ledgers print it. Never goes through a float.
 *
 * @param value - the amount
 * @param options - style, negative mark, grouping
 * @returns the text, which {@link parseAmount} reads back to the same amount
 * @throws {LedgerError} `SUBUNIT_AMOUNT` for a fraction of a minor unit
 * @example
 * formatAmount(yen(1234)); // => "1,234円"
 * formatAmount(yen(1234), { style: "symbol" }); // => "¥1,234"
 * formatAmount(yen(-1234), { style: "plain", negative: "triangle" }); // => "△1,234"
 */
export function formatAmount(value: Money, options: FormatAmountOptions = {}): string {
  const { style = "yen", negative = "minus", grouping = true } = options;
  const currency = currencyOf(value);
  const units = toMinorUnits(value);
  const digits = Math.abs(units)
    .toString()
    .padStart(currency.exponent + 1, "0");
  const cut = digits.length - currency.exponent;
  const whole = grouping ? digits.slice(0, cut).replace(/\B(?=(\d{3})+$)/g, ",") : digits.slice(0, cut);
  const number = currency.exponent > 0 ? `${whole}.${digits.slice(cut)}` : whole;
  const sign = units < 0 ? SIGNS[negative] : "";
  const isYen = currency.code === "JPY";
  if (style === "plain") return `${sign}${number}`;
  if (style === "symbol") return isYen ? `${sign}¥${number}` : `${sign}${currency.code} ${number}`;
  return isYen ? `${sign}${number}円` : `${sign}${number} ${currency.code}`;
}
