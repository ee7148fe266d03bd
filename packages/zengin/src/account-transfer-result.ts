/** 振替結果コード of a 預金口座振替 result file, as the Zengin format defines them. */
export type AccountTransferResultCode = "0" | "1" | "2" | "3" | "4" | "8" | "9";

/** The Japanese meaning of each {@link AccountTransferResultCode}. */
export const ACCOUNT_TRANSFER_RESULT_NAMES: Readonly<Record<AccountTransferResultCode, string>> = {
  "0": "振替済",
  "1": "資金不足",
  "2": "預金取引なし",
  "3": "預金者の都合による振替停止",
  "4": "預金口座振替依頼書なし",
  "8": "委託者の都合による振替停止",
  "9": "その他",
};

/**
 * The clerk-facing meaning of a 振替結果コード.
 *
 * @param code - the code from a result file
 * @returns its Japanese name
 * @example
 * accountTransferResultName("1"); // => "資金不足"
 */
export function accountTransferResultName(code: AccountTransferResultCode): string {
  return ACCOUNT_TRANSFER_RESULT_NAMES[code];
}

/**
 * True when the code is one the Zengin format defines.
 *
 * @param code - one character read from a file
 * @returns whether it is a {@link AccountTransferResultCode}
 * @example
 * isAccountTransferResultCode("2"); // => true
 * isAccountTransferResultCode("5"); // => false
 */
export function isAccountTransferResultCode(code: string): code is AccountTransferResultCode {
  return Object.hasOwn(ACCOUNT_TRANSFER_RESULT_NAMES, code);
}
