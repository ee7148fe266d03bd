/**
 * The Zengin 総合振込 (種別コード 21) record layouts: four record kinds of 120 bytes each.
 *
 * Source: 全銀協制定ファイルフォーマット【総合振込】 as banks republish it (e.g. the layout at
 * expydoc.com/doc/11700435 and the Web21 総合振込（全銀形式） file layout; Miyazaki Bank's
 * kfkdown-zengin-help for the 120-byte record with or without CR+LF). N = digits, right-aligned,
 * zero-filled; C = half-width characters (カナ, A–Z, 0–9, symbols), left-aligned, space-filled.
 *
 * | record | fields (width) |
 * | --- | --- |
 * | header 1 | データ区分 N1 "1", 種別コード N2 "21", コード区分 N1 "0" (JIS), 振込依頼人コード N10, 振込依頼人名 C40, 振込指定日 N4 (MMDD), 仕向銀行番号 N4, 仕向銀行名 C15, 仕向支店番号 N3, 仕向支店名 C15, 預金種目（依頼人） N1, 口座番号（依頼人） N7, ダミー C17 |
 * | data 2 | データ区分 N1 "2", 被仕向銀行番号 N4, 被仕向銀行名 C15, 被仕向支店番号 N3, 被仕向支店名 C15, 手形交換所番号 N4, 預金種目 N1, 口座番号 N7, 受取人名 C30, 振込金額 N10, 新規コード N1, 顧客コード1 N10, 顧客コード2 N10 (or EDI情報 C20 when 識別表示 is "Y"), 振込指定区分 N1 (7 電信, 8 文書), 識別表示 C1, ダミー C7 |
 * | trailer 8 | データ区分 N1 "8", 合計件数 N6, 合計金額 N12, ダミー C101 |
 * | end 9 | データ区分 N1 "9", ダミー C119 |
 */
export const ZENGIN_RECORD_LENGTH = 120;

/** One fixed-width field. */
export interface ZenginField {
  /** The field's name in the Zengin layout (used in error messages). */
  readonly name: string;
  /** The property it maps to. */
  readonly key: string;
  /** Width in bytes. */
  readonly width: number;
  /** N: digits right-aligned zero-filled; C: text left-aligned space-filled. */
  readonly kind: "N" | "C";
}

const f = (name: string, key: string, width: number, kind: "N" | "C"): ZenginField => ({
  name,
  key,
  width,
  kind,
});

/** Header record (データ区分 1). */
export const HEADER_FIELDS: readonly ZenginField[] = [
  f("データ区分", "recordType", 1, "N"),
  f("種別コード", "kindCode", 2, "N"),
  f("コード区分", "codeType", 1, "N"),
  f("振込依頼人コード", "requesterCode", 10, "N"),
  f("振込依頼人名", "requesterName", 40, "C"),
  f("振込指定日", "transferMonthDay", 4, "N"),
  f("仕向銀行番号", "bankCode", 4, "N"),
  f("仕向銀行名", "bankName", 15, "C"),
  f("仕向支店番号", "branchCode", 3, "N"),
  f("仕向支店名", "branchName", 15, "C"),
  f("預金種目（依頼人）", "accountType", 1, "N"),
  f("口座番号（依頼人）", "accountNumber", 7, "N"),
  f("ダミー", "dummy", 17, "C"),
];

/** Data record (データ区分 2). Fields 12–13 are EDI情報 C20 when 識別表示 is "Y". */
export const DATA_FIELDS: readonly ZenginField[] = [
  f("データ区分", "recordType", 1, "N"),
  f("被仕向銀行番号", "bankCode", 4, "N"),
  f("被仕向銀行名", "bankName", 15, "C"),
  f("被仕向支店番号", "branchCode", 3, "N"),
  f("被仕向支店名", "branchName", 15, "C"),
  f("手形交換所番号", "clearingHouseCode", 4, "N"),
  f("預金種目", "accountType", 1, "N"),
  f("口座番号", "accountNumber", 7, "N"),
  f("受取人名", "holderName", 30, "C"),
  f("振込金額", "amount", 10, "N"),
  f("新規コード", "newCode", 1, "N"),
  f("顧客コード1", "customerCode1", 10, "N"),
  f("顧客コード2", "customerCode2", 10, "N"),
  f("振込指定区分", "transferCategory", 1, "C"),
  f("識別表示", "ediFlag", 1, "C"),
  f("ダミー", "dummy", 7, "C"),
];

/** The EDI variant of data-record positions 91–110 (顧客コード1+2 replaced by EDI情報). */
export const EDI_FIELD: ZenginField = f("EDI情報", "ediInfo", 20, "C");

/** Trailer record (データ区分 8). */
export const TRAILER_FIELDS: readonly ZenginField[] = [
  f("データ区分", "recordType", 1, "N"),
  f("合計件数", "totalCount", 6, "N"),
  f("合計金額", "totalAmount", 12, "N"),
  f("ダミー", "dummy", 101, "C"),
];

/** End record (データ区分 9). */
export const END_FIELDS: readonly ZenginField[] = [
  f("データ区分", "recordType", 1, "N"),
  f("ダミー", "dummy", 119, "C"),
];

/**
 * The Zengin 預金口座振替 (種別コード 91) record layouts, request (依頼) and result (結果) share them:
 *
 * | record | fields (width) |
 * | --- | --- |
 * | header 1 | データ区分 N1 "1", 種別コード N2 "91", コード区分 N1 "0", 委託者コード N10, 委託者名 C40, 引落日 N4 (MMDD), 取引銀行番号 N4, 取引銀行名 C15, 取引支店番号 N3, 取引支店名 C15, 預金種目（委託者） N1, 口座番号（委託者） N7, ダミー C17 |
 * | data 2 | データ区分 N1 "2", 引落銀行番号 N4, 引落銀行名 C15, 引落支店番号 N3, 引落支店名 C15, ダミー C4, 預金種目 N1, 口座番号 N7, 預金者名 C30, 引落金額 N10, 新規コード N1, 顧客番号 N20, 振替結果コード N1 ("0" in a request), ダミー C8 |
 * | trailer 8 | データ区分 N1 "8", 合計件数 N6, 合計金額 N12, 振替済件数 N6, 振替済金額 N12, 振替不能件数 N6, 振替不能金額 N12, ダミー C65 |
 * | end 9 | データ区分 N1 "9", ダミー C119 |
 */
export const ACCOUNT_TRANSFER_HEADER_FIELDS: readonly ZenginField[] = [
  f("データ区分", "recordType", 1, "N"),
  f("種別コード", "kindCode", 2, "N"),
  f("コード区分", "codeType", 1, "N"),
  f("委託者コード", "requesterCode", 10, "N"),
  f("委託者名", "requesterName", 40, "C"),
  f("引落日", "debitMonthDay", 4, "N"),
  f("取引銀行番号", "bankCode", 4, "N"),
  f("取引銀行名", "bankName", 15, "C"),
  f("取引支店番号", "branchCode", 3, "N"),
  f("取引支店名", "branchName", 15, "C"),
  f("預金種目（委託者）", "accountType", 1, "N"),
  f("口座番号（委託者）", "accountNumber", 7, "N"),
  f("ダミー", "dummy", 17, "C"),
];

/** 預金口座振替 data record (データ区分 2). */
export const ACCOUNT_TRANSFER_DATA_FIELDS: readonly ZenginField[] = [
  f("データ区分", "recordType", 1, "N"),
  f("引落銀行番号", "bankCode", 4, "N"),
  f("引落銀行名", "bankName", 15, "C"),
  f("引落支店番号", "branchCode", 3, "N"),
  f("引落支店名", "branchName", 15, "C"),
  f("ダミー", "dummy1", 4, "C"),
  f("預金種目", "accountType", 1, "N"),
  f("口座番号", "accountNumber", 7, "N"),
  f("預金者名", "holderName", 30, "C"),
  f("引落金額", "amount", 10, "N"),
  f("新規コード", "newCode", 1, "N"),
  f("顧客番号", "customerNumber", 20, "N"),
  f("振替結果コード", "resultCode", 1, "N"),
  f("ダミー", "dummy2", 8, "C"),
];

/** 預金口座振替 trailer record (データ区分 8). */
export const ACCOUNT_TRANSFER_TRAILER_FIELDS: readonly ZenginField[] = [
  f("データ区分", "recordType", 1, "N"),
  f("合計件数", "totalCount", 6, "N"),
  f("合計金額", "totalAmount", 12, "N"),
  f("振替済件数", "transferredCount", 6, "N"),
  f("振替済金額", "transferredAmount", 12, "N"),
  f("振替不能件数", "failedCount", 6, "N"),
  f("振替不能金額", "failedAmount", 12, "N"),
  f("ダミー", "dummy", 65, "C"),
];
