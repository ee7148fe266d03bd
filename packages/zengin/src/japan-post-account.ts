import type { FieldIssue } from "./errors.js";

/** Japan Post Bank's code in the Zengin master. */
export const JAPAN_POST_BANK_CODE = "9900";

/** A Japan Post Bank account as other banks address it. */
export interface JapanPostTransferAccount {
  readonly bankCode: "9900";
  /** 3-digit 店番 (the branch name is its kanji reading, e.g. 〇一八). */
  readonly branchCode: string;
  /** 1 普通 for 通常貯金 (記号 1xxxx), 2 当座 for 振替口座 (記号 0xxxx). */
  readonly accountType: "1" | "2";
  /** 7-digit account number. */
  readonly accountNumber: string;
}

/** The result of {@link convertJapanPostAccount}. */
export type JapanPostConversion =
  | {
      readonly ok: true;
      readonly account: JapanPostTransferAccount;
      readonly warnings: readonly FieldIssue[];
    }
  | { readonly ok: false; readonly errors: readonly FieldIssue[] };

/**
 * Converts a Japan Post Bank 記号・番号 into the bank 9900 branch and account number used by
 * transfers from other banks (ゆうちょ銀行「振込用の店名・預金種目・口座番号」):
 * - 通常貯金 (記号 1xxx0, 番号 up to 8 digits ending in 1): 店番 = 記号 2nd–3rd digits + "8",
 *   預金種目 普通, 口座番号 = 番号 without its last digit, zero-padded to 7;
 * - 振替口座 (記号 0xxxx, 番号 up to 7 digits): 店番 = 記号 2nd–3rd digits + "9", 預金種目 当座,
 *   口座番号 = 番号 zero-padded to 7.
 *
 * @param input - `symbol` (記号, 5 digits) and `number` (番号)
 * @returns the transfer account, or errors in Japanese
 * @example
 * convertJapanPostAccount({ symbol: "10180", number: "12345671" });
 * // => { ok: true, account: { bankCode: "9900", branchCode: "018", accountType: "1", accountNumber: "1234567" }, warnings: [] }
 */
export function convertJapanPostAccount(input: { symbol: string; number: string }): JapanPostConversion {
  const symbol = input.symbol.normalize("NFKC").replace(/[\s-]/g, "");
  const number = input.number.normalize("NFKC").replace(/[\s-]/g, "");
  const errors: FieldIssue[] = [];
  const warnings: FieldIssue[] = [];
  if (!/^[01]\d{4}$/.test(symbol)) {
    errors.push({
      severity: "error",
      code: "INVALID_SYMBOL",
      field: "記号",
      message: "記号は1または0で始まる5桁の数字で記入してください",
    });
  }
  const savings = symbol.startsWith("1");
  const maxDigits = savings ? 8 : 7;
  if (!/^\d+$/.test(number) || number.length > maxDigits) {
    errors.push({
      severity: "error",
      code: "INVALID_NUMBER",
      field: "番号",
      message: `番号は${maxDigits}桁以内の数字で記入してください`,
    });
  } else if (savings && number.length < 2) {
    errors.push({ severity: "error", code: "INVALID_NUMBER", field: "番号", message: "番号が短すぎます" });
  }
  if (errors.length > 0) return { ok: false, errors };
  if (savings && !number.endsWith("1")) {
    warnings.push({
      severity: "warning",
      code: "UNUSUAL_NUMBER",
      field: "番号",
      message: "通常貯金の番号は末尾が1です。通帳の記号・番号を確認してください",
    });
  }
  if (savings && !symbol.endsWith("0")) {
    warnings.push({
      severity: "warning",
      code: "UNUSUAL_SYMBOL",
      field: "記号",
      message: "通常貯金の記号は末尾が0です。通帳の記号・番号を確認してください",
    });
  }
  const branchCode = `${symbol.slice(1, 3)}${savings ? "8" : "9"}`;
  const accountNumber = (savings ? number.slice(0, -1) : number).padStart(7, "0");
  return {
    ok: true,
    account: { bankCode: JAPAN_POST_BANK_CODE, branchCode, accountType: savings ? "1" : "2", accountNumber },
    warnings,
  };
}
