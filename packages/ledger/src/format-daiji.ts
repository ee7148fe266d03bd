import { LedgerError } from "./errors.js";
import { currencyOf, type Money, toMinorUnits } from "./money.js";

/** Options of {@link formatDaiji}. */
export interface FormatDaijiOptions {
  /** Put 金 before and 円也 after (default true); false gives the bare numeral `壱萬弐千参百四拾`. */
  readonly wrap?: boolean;
}

const DAIJI = ["零", "壱", "弐", "参", "四", "伍", "六", "七", "八", "九"] as const;
const SMALL = ["", "拾", "百", "千"] as const;
const BIG = ["", "萬", "億", "兆", "京"] as const;

/**
 * Writes a yen amount in 大字 for formal documents (receipts, 領収書, 支出命令書), the form that cannot be
 * altered by adding strokes: every unit carries its digit (壱拾, 壱百, 壱千).
 *
 * @param value - a non-negative JPY amount
 * @param options - `wrap` (金…円也, default true)
 * @returns e.g. `金壱萬弐千参百四拾円也`
 * @throws {LedgerError} `NOT_REPRESENTABLE` for a negative amount or a currency other than JPY
 * @example
 * formatDaiji(yen(12340)); // => "金壱萬弐千参百四拾円也"
 */
export function formatDaiji(value: Money, options: FormatDaijiOptions = {}): string {
  const { wrap = true } = options;
  const code = currencyOf(value).code;
  const units = toMinorUnits(value);
  if (code !== "JPY" || units < 0) {
    throw new LedgerError(
      "NOT_REPRESENTABLE",
      `大字 is written only for non-negative JPY amounts, got ${units} ${code}`,
      {
        messageJa: "大字で書けるのは0円以上の円の金額だけです",
        details: { units, currency: code },
      },
    );
  }
  let text = "";
  if (units === 0) {
    text = DAIJI[0];
  } else {
    const digits = units.toString();
    for (let group = Math.ceil(digits.length / 4) - 1; group >= 0; group--) {
      const end = digits.length - group * 4;
      const chunk = digits.slice(Math.max(0, end - 4), end).padStart(4, "0");
      let part = "";
      for (let i = 0; i < 4; i++) {
        const d = Number(chunk[i]);
        if (d !== 0) part += `${DAIJI[d]}${SMALL[3 - i]}`;
      }
      if (part !== "") text += `${part}${BIG[group]}`;
    }
  }
  return wrap ? `金${text}円也` : text;
}
