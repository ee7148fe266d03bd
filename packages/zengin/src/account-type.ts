/** Zengin 預金種目 codes: 1 普通, 2 当座, 4 貯蓄, 9 その他. */
export type AccountTypeCode = "1" | "2" | "4" | "9";

/** The Japanese name of each {@link AccountTypeCode}. */
export const ACCOUNT_TYPE_NAMES: Readonly<Record<AccountTypeCode, string>> = {
  "1": "普通",
  "2": "当座",
  "4": "貯蓄",
  "9": "その他",
};

const ALIASES: ReadonlyMap<string, AccountTypeCode> = new Map([
  ["1", "1"],
  ["普通", "1"],
  ["普通預金", "1"],
  ["総合", "1"],
  ["総合口座", "1"],
  ["2", "2"],
  ["当座", "2"],
  ["当座預金", "2"],
  ["4", "4"],
  ["貯蓄", "4"],
  ["貯蓄預金", "4"],
  ["9", "9"],
  ["その他", "9"],
]);

/**
 * Reads an account type as clerks write it (普通, 当座預金, 1 …) into its Zengin code.
 *
 * @param input - the account type text
 * @returns the Zengin code, or undefined when it is not a known type
 * @example
 * parseAccountType("普通預金"); // => "1"
 * parseAccountType("定期"); // => undefined
 */
export function parseAccountType(input: string): AccountTypeCode | undefined {
  return ALIASES.get(input.normalize("NFKC").trim());
}

/**
 * The account type's Japanese name, for letters such as 登録完了のお知らせ.
 *
 * @param code - a Zengin account type code
 * @returns 普通, 当座, 貯蓄 or その他
 * @example
 * accountTypeName("2"); // => "当座"
 */
export function accountTypeName(code: AccountTypeCode): string {
  return ACCOUNT_TYPE_NAMES[code];
}
