import type { ReceiptChannel } from "../domain/index.js";

/** 収納区分 as the 済通集計表 prints it (第5-1(1)ア: 銀行・ゆうちょ銀行・派出所). */
export const CHANNEL_REPORT_LABELS: Readonly<Record<ReceiptChannel, string>> = {
  bank: "銀行",
  "japan-post": "ゆうちょ銀行",
  counter: "派出所",
};

/** 会計 names by 会計コード (the accounts the ward's notices carry). */
export const ACCOUNT_LABELS: Readonly<Record<string, string>> = {
  "01": "一般会計",
  "02": "国民健康保険事業会計",
  "03": "介護保険会計",
  "04": "後期高齢者医療会計",
};

/**
 * 款 names (歳入区分) by 会計コード and 款コード. Codes not listed print as the code itself: the
 * accounting system's master is the source of truth, this table only makes the common ones readable.
 */
export const REVENUE_CATEGORY_LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  "01": {
    "01": "特別区税",
    "12": "分担金及び負担金",
    "13": "使用料及び手数料",
    "16": "財産収入",
    "19": "諸収入",
    "20": "特別区債",
  },
  "02": { "01": "国民健康保険料", "07": "繰入金" },
  "03": { "01": "保険料", "08": "諸収入" },
  "04": { "01": "後期高齢者医療保険料" },
};

/**
 * The label of a 会計コード, or the code.
 *
 * @example
 * accountLabel("01"); // => "一般会計"
 */
export function accountLabel(code: string): string {
  return ACCOUNT_LABELS[code] ?? code;
}

/**
 * The label of a 款 within a 会計, or the code.
 *
 * @example
 * revenueCategoryLabel("01", "13"); // => "使用料及び手数料"
 */
export function revenueCategoryLabel(accountCode: string, categoryCode: string): string {
  return REVENUE_CATEGORY_LABELS[accountCode]?.[categoryCode] ?? categoryCode;
}
