import { JPY } from "dinero.js/currencies";
import { LedgerError } from "./errors.js";
import { isKanjiNumeral, parseKanjiNumeral } from "./internal/kanji-numerals.js";
import { assertDecimalCurrency, type Currency, type Money, money } from "./money.js";

/** Options of {@link parseAmount}. */
export interface ParseAmountOptions<TCode extends string = "JPY"> {
  /** The currency of the amount; JPY when omitted. */
  readonly currency?: Currency<TCode>;
}

/** The result of {@link safeParseAmount}. */
export type SafeParseAmountResult<TCode extends string> =
  | { readonly success: true; readonly data: Money<TCode> }
  | { readonly success: false; readonly error: LedgerError };

const NEGATIVE_SIGNS = new Set(["-", "−", "△", "▲"]);
// A thin space between digits is the SI thousands separator; NFKC would turn it into a plain space.
const THIN_GROUP = "\uE000";

// Thin spaces between digits become THIN_GROUP; other spaces go, except one between two digits,
// which is kept so that "12 34" can be refused as the keying error it is.
function compactSpaces(input: string): string {
  return input
    .replace(/(?<=[0-9０-９])[\u2009\u202F](?=[0-9０-９])/g, THIN_GROUP)
    .normalize("NFKC")
    .replace(/\s+/g, (space, offset: number, text: string) =>
      /\d/.test(text[offset - 1] ?? "") && /\d/.test(text[offset + space.length] ?? "") ? " " : "",
    );
}

function fail(
  code: "PARSE_EMPTY" | "PARSE_INVALID" | "PARSE_FRACTION" | "PARSE_GROUPING",
  input: string,
  en: string,
  ja: string,
): never {
  throw new LedgerError(code, `${en}: ${JSON.stringify(input)}`, {
    messageJa: `${ja}：「${input}」`,
    details: { input },
  });
}

/**
 * Parses an amount as people type it and banks send it: `1,234`, `¥1,234`, `￥1,234`, `１，２３４円`,
 * `1234円`, `¥1,234-`, negatives `-1,234`, `△1,234`, `▲1,234`, and kanji or 大字 such as
 * `金壱萬弐千参百四拾円也` or `金伍萬圓也`. Full-width characters are read as their ASCII forms (NFKC).
 *
 * @param input - the text
 * @param options - `currency` (JPY by default)
 * @returns the amount as a dinero.js value
 * @throws {LedgerError} `PARSE_EMPTY`, `PARSE_INVALID`, `PARSE_FRACTION` (`12.5` for JPY),
 *   `PARSE_GROUPING` (`1,23,4`, or a space
 *   between digits such as `12 34`; a thin space U+2009 grouping threes, `1 234 567`, is read), `OVERFLOW`; each with a Japanese `messageJa`
 * @example
 * toMinorUnits(parseAmount("△1,234")); // => -1234
 */
export function parseAmount<TCode extends string = "JPY">(
  input: string,
  options: ParseAmountOptions<TCode> = {},
): Money<TCode> {
  const currency = (options.currency ?? JPY) as Currency<TCode>;
  assertDecimalCurrency(currency);
  const isYen = currency.code === "JPY";
  let text = compactSpaces(input);
  if (text.length === 0) fail("PARSE_EMPTY", input, "empty amount", "金額が入力されていません");
  if (/\d \d/.test(text)) {
    fail("PARSE_GROUPING", input, "space inside the digits", "数字の間に空白があります");
  }

  if (isYen && text.startsWith("金")) text = text.slice(1);
  if (isYen && text.endsWith("也")) text = text.slice(0, -1);
  let negative = false;
  let marked = false;
  const takeSign = (): void => {
    const first = text[0];
    if (first !== undefined && NEGATIVE_SIGNS.has(first) && !negative) {
      negative = true;
      text = text.slice(1);
    }
  };
  takeSign();
  if (isYen && (text.startsWith("¥") || text.startsWith("\\"))) {
    text = text.slice(1);
    marked = true;
  } else if (text.startsWith(currency.code)) {
    text = text.slice(currency.code.length);
  }
  takeSign();
  if (isYen && (text.endsWith("円") || text.endsWith("圓"))) {
    text = text.slice(0, -1);
  } else if (isYen && marked && /\d[-―‐]$/.test(text)) {
    // "¥1,234-" is the receipt notation that closes an amount, not a sign.
    text = text.slice(0, -1);
  } else if (text.endsWith(currency.code)) {
    text = text.slice(0, -currency.code.length);
  }
  if (text.length === 0) fail("PARSE_EMPTY", input, "no digits in amount", "金額の数字がありません");

  let units: bigint;
  if (isKanjiNumeral(text)) {
    const value = parseKanjiNumeral(text);
    if (value === undefined)
      fail("PARSE_INVALID", input, "malformed kanji numeral", "漢数字の金額として読み取れません");
    units = value * 10n ** BigInt(currency.exponent);
  } else {
    const match = /^(\d[\d,\uE000]*)(?:\.(\d+))?$/.exec(text);
    if (match === null) {
      fail(
        "PARSE_INVALID",
        input,
        "not an amount",
        "金額として読み取れません（数字・カンマ・円記号のみ使えます）",
      );
    }
    const whole = match[1] as string;
    const fraction = match[2] ?? "";
    if (
      (whole.includes(",") && !/^\d{1,3}(,\d{3})*$/.test(whole)) ||
      (whole.includes(THIN_GROUP) && !/^\d{1,3}(\uE000\d{3})*$/.test(whole))
    ) {
      fail(
        "PARSE_GROUPING",
        input,
        "misplaced thousands separator",
        "桁区切りのカンマの位置が正しくありません",
      );
    }
    if (fraction.length > currency.exponent) {
      fail(
        "PARSE_FRACTION",
        input,
        currency.exponent === 0
          ? `${currency.code} has no minor unit, so no decimals are allowed`
          : `${currency.code} allows at most ${currency.exponent} decimals`,
        currency.exponent === 0
          ? "円未満の端数（小数点）は入力できません"
          : `小数点以下は${currency.exponent}桁までです`,
      );
    }
    units = BigInt(
      whole.replaceAll(",", "").replaceAll(THIN_GROUP, "") + fraction.padEnd(currency.exponent, "0"),
    );
  }
  return money(negative ? -units : units, currency);
}

/**
 * Like {@link parseAmount}, but returns `{ success, data | error }` instead of throwing a
 * {@link LedgerError} (other errors still throw).
 *
 * @param input - the text
 * @param options - `currency` (JPY by default)
 * @returns `{ success: true, data }` or `{ success: false, error }`
 * @example
 * safeParseAmount("1,23,4").success; // => false
 */
export function safeParseAmount<TCode extends string = "JPY">(
  input: string,
  options: ParseAmountOptions<TCode> = {},
): SafeParseAmountResult<TCode> {
  try {
    return { success: true, data: parseAmount(input, options) };
  } catch (error) {
    if (error instanceof LedgerError) return { success: false, error };
    throw error;
  }
}
