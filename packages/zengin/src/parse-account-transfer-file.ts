import type { AccountTransferRecord } from "./account-transfer-file.js";
import { type AccountTransferResultCode, isAccountTransferResultCode } from "./account-transfer-result.js";
import { ZenginFileError } from "./errors.js";
import { decodeRecord, expectField, optional, splitRecords, validMonthDay } from "./internal/records.js";
import {
  ACCOUNT_TRANSFER_DATA_FIELDS,
  ACCOUNT_TRANSFER_HEADER_FIELDS,
  ACCOUNT_TRANSFER_TRAILER_FIELDS,
  END_FIELDS,
} from "./zengin-layout.js";

/** A parsed 預金口座振替 header. */
export interface ParsedAccountTransferHeader {
  readonly requesterCode: string;
  readonly requesterName: string;
  /** 引落日 as written: MMDD. */
  readonly debitMonthDay: string;
  /** 引落日 as ISO, when a year was given to the parser. */
  readonly debitDate?: string;
  readonly bankCode: string;
  readonly bankName?: string;
  readonly branchCode: string;
  readonly branchName?: string;
  readonly accountType: "1" | "2" | "9";
  readonly accountNumber: string;
}

/** A parsed debit: the record with its 振替結果コード (always present once read). */
export interface ParsedAccountTransferRecord extends AccountTransferRecord {
  readonly resultCode: AccountTransferResultCode;
}

/** A parsed 預金口座振替 file (request or result). */
export interface ParsedAccountTransferFile {
  readonly header: ParsedAccountTransferHeader;
  readonly records: readonly ParsedAccountTransferRecord[];
  /** 合計件数 and 合計金額 (checked against the records). */
  readonly totalCount: number;
  readonly totalAmount: number;
  /** 振替済 and 振替不能 counts and amounts of the trailer (zero in a request; checked in a result). */
  readonly transferredCount: number;
  readonly transferredAmount: number;
  readonly failedCount: number;
  readonly failedAmount: number;
  /** `result` when the trailer reports transfers or any record has a non-zero result code. */
  readonly kind: "request" | "result";
  readonly lineEnding: "crlf" | "none";
}

/** Options of {@link parseAccountTransferFile}. */
export interface ParseAccountTransferFileOptions {
  /** The year of the debit date (the file only holds MMDD); adds `header.debitDate`. */
  readonly year?: number;
}

/**
 * Reads a Zengin 預金口座振替 file (種別 91), typically the result file a bank returns: records of
 * 120 bytes; header, data records, trailer, end; the trailer's totals checked against the records,
 * and in a result file the 振替済 and 振替不能 totals checked against the result codes.
 *
 * @param bytes - the file
 * @param options - `year` to resolve 引落日 (MMDD) to an ISO date
 * @returns the header, the debits with their result codes, and the totals
 * @throws {ZenginFileError} `ZENGIN_TRUNCATED`, `ZENGIN_RECORD_LENGTH`, `ZENGIN_RECORD_ORDER`,
 *   `ZENGIN_INVALID_FIELD`, `ZENGIN_ENCODING` or `ZENGIN_TRAILER_MISMATCH`, naming record and field
 * @example
 * const file = parseAccountTransferFile(bytes, { year: 2025 });
 * file.records.filter((r) => r.resultCode !== "0").length; // => debits that failed
 */
export function parseAccountTransferFile(
  bytes: Uint8Array,
  options: ParseAccountTransferFileOptions = {},
): ParsedAccountTransferFile {
  const { records: raw, lineEnding } = splitRecords(bytes);
  if (raw.length === 0) {
    throw new ZenginFileError("ZENGIN_TRUNCATED", "the file is empty", { messageJa: "ファイルが空です" });
  }
  const kindOf = (index: number): string => String.fromCharCode(raw[index]?.[0] ?? 0x20);
  if (kindOf(0) !== "1") {
    throw new ZenginFileError("ZENGIN_RECORD_ORDER", "the first record is not a header (1)", {
      recordNumber: 1,
      field: "データ区分",
      messageJa: "先頭がヘッダーレコード（データ区分1）ではありません",
    });
  }
  const h = decodeRecord(raw[0] as Uint8Array, ACCOUNT_TRANSFER_HEADER_FIELDS, 1);
  expectField(
    h.kindCode === "91",
    1,
    "種別コード",
    `kind code ${h.kindCode} is not 91`,
    `種別コードが91（口座振替）ではありません（${h.kindCode}）`,
  );
  expectField(
    h.codeType === "0",
    1,
    "コード区分",
    `code type ${h.codeType} is not 0`,
    `コード区分が0（JIS）ではありません（${h.codeType}）`,
  );
  const monthDay = h.debitMonthDay as string;
  expectField(
    validMonthDay(monthDay, options.year ?? 2024),
    1,
    "引落日",
    `debit date ${monthDay} is not a valid MMDD`,
    `引落日が月日（MMDD）として正しくありません（${monthDay}）`,
  );
  expectField(
    ["1", "2", "9"].includes(h.accountType as string),
    1,
    "預金種目（委託者）",
    `account type ${h.accountType} is not 1, 2 or 9`,
    `預金種目は1・2・9のいずれかです（${h.accountType}）`,
  );

  const records: ParsedAccountTransferRecord[] = [];
  let index = 1;
  let sum = 0;
  let transferredCount = 0;
  let transferredAmount = 0;
  for (; index < raw.length && kindOf(index) === "2"; index++) {
    const recordNumber = index + 1;
    const d = decodeRecord(raw[index] as Uint8Array, ACCOUNT_TRANSFER_DATA_FIELDS, recordNumber);
    expectField(
      ["1", "2", "3", "9"].includes(d.accountType as string),
      recordNumber,
      "預金種目",
      `account type ${d.accountType} is not 1, 2, 3 or 9`,
      `預金種目は1・2・3・9のいずれかです（${d.accountType}）`,
    );
    expectField(
      ["0", "1", "2"].includes(d.newCode as string),
      recordNumber,
      "新規コード",
      `new code ${d.newCode}`,
      `新規コードは0・1・2のいずれかです（${d.newCode}）`,
    );
    const resultCode = d.resultCode as string;
    if (!isAccountTransferResultCode(resultCode)) {
      throw new ZenginFileError("ZENGIN_INVALID_FIELD", `result code ${resultCode} is not defined`, {
        recordNumber,
        field: "振替結果コード",
        messageJa: `振替結果コードは0・1・2・3・4・8・9のいずれかです（${resultCode}）`,
      });
    }
    expectField(d.holderName !== "", recordNumber, "預金者名", "holder name is blank", "預金者名が空白です");
    const amount = Number(d.amount);
    expectField(amount > 0, recordNumber, "引落金額", "amount is zero", "引落金額が0円です");
    sum += amount;
    if (resultCode === "0") {
      transferredCount += 1;
      transferredAmount += amount;
    }
    const bankName = optional(d.bankName);
    const branchName = optional(d.branchName);
    const customerNumber = /^0+$/.test(d.customerNumber as string) ? undefined : d.customerNumber;
    records.push({
      bankCode: d.bankCode as string,
      ...(bankName === undefined ? {} : { bankName }),
      branchCode: d.branchCode as string,
      ...(branchName === undefined ? {} : { branchName }),
      accountType: d.accountType as AccountTransferRecord["accountType"],
      accountNumber: d.accountNumber as string,
      holderName: d.holderName as string,
      amount,
      newCode: d.newCode as "0" | "1" | "2",
      ...(customerNumber === undefined ? {} : { customerNumber }),
      resultCode,
    });
  }

  const trailerNumber = index + 1;
  if (index >= raw.length) {
    throw new ZenginFileError("ZENGIN_TRUNCATED", "the file ends before the trailer record (8)", {
      recordNumber: trailerNumber,
      field: "データ区分",
      messageJa: "トレーラレコード（データ区分8）がありません。ファイルが途中で切れています",
    });
  }
  if (kindOf(index) !== "8") {
    throw new ZenginFileError(
      "ZENGIN_RECORD_ORDER",
      `record ${trailerNumber} is of kind ${kindOf(index)}, expected 2 or 8`,
      {
        recordNumber: trailerNumber,
        field: "データ区分",
        messageJa: `データレコード（2）またはトレーラレコード（8）が必要な位置にデータ区分「${kindOf(index)}」があります`,
      },
    );
  }
  const t = decodeRecord(raw[index] as Uint8Array, ACCOUNT_TRANSFER_TRAILER_FIELDS, trailerNumber);
  const totals = {
    totalCount: Number(t.totalCount),
    totalAmount: Number(t.totalAmount),
    transferredCount: Number(t.transferredCount),
    transferredAmount: Number(t.transferredAmount),
    failedCount: Number(t.failedCount),
    failedAmount: Number(t.failedAmount),
  };
  const mismatch = (field: string, key: string, written: number, actual: number, unit: string): void => {
    if (written === actual) return;
    throw new ZenginFileError(
      "ZENGIN_TRAILER_MISMATCH",
      `trailer ${key} ${written} but the records give ${actual}`,
      {
        recordNumber: trailerNumber,
        field,
        messageJa: `${field}${written.toLocaleString("ja-JP")}${unit}がデータレコードから求めた${actual.toLocaleString("ja-JP")}${unit}と一致しません`,
        details: { trailer: written, actual },
      },
    );
  };
  mismatch("合計件数", "count", totals.totalCount, records.length, "件");
  mismatch("合計金額", "amount", totals.totalAmount, sum, "円");
  const isResult =
    totals.transferredCount + totals.failedCount > 0 || records.some((record) => record.resultCode !== "0");
  if (isResult) {
    mismatch("振替済件数", "transferred count", totals.transferredCount, transferredCount, "件");
    mismatch("振替済金額", "transferred amount", totals.transferredAmount, transferredAmount, "円");
    mismatch("振替不能件数", "failed count", totals.failedCount, records.length - transferredCount, "件");
    mismatch("振替不能金額", "failed amount", totals.failedAmount, sum - transferredAmount, "円");
  }
  index++;
  if (index >= raw.length) {
    throw new ZenginFileError("ZENGIN_TRUNCATED", "the file ends before the end record (9)", {
      recordNumber: index + 1,
      field: "データ区分",
      messageJa: "エンドレコード（データ区分9）がありません。ファイルが途中で切れています",
    });
  }
  if (kindOf(index) !== "9") {
    throw new ZenginFileError(
      "ZENGIN_RECORD_ORDER",
      `record ${index + 1} is of kind ${kindOf(index)}, expected 9`,
      {
        recordNumber: index + 1,
        field: "データ区分",
        messageJa: `エンドレコード（データ区分9）が必要な位置にデータ区分「${kindOf(index)}」があります（複数の依頼を含むファイルには対応していません）`,
      },
    );
  }
  decodeRecord(raw[index] as Uint8Array, END_FIELDS, index + 1);
  if (index + 1 < raw.length) {
    throw new ZenginFileError("ZENGIN_RECORD_ORDER", "records after the end record", {
      recordNumber: index + 2,
      field: "データ区分",
      messageJa: "エンドレコードの後にレコードがあります",
    });
  }
  const bankName = optional(h.bankName);
  const branchName = optional(h.branchName);
  return {
    header: {
      requesterCode: h.requesterCode as string,
      requesterName: h.requesterName as string,
      debitMonthDay: monthDay,
      ...(options.year === undefined
        ? {}
        : {
            debitDate: `${String(options.year).padStart(4, "0")}-${monthDay.slice(0, 2)}-${monthDay.slice(2)}`,
          }),
      bankCode: h.bankCode as string,
      ...(bankName === undefined ? {} : { bankName }),
      branchCode: h.branchCode as string,
      ...(branchName === undefined ? {} : { branchName }),
      accountType: h.accountType as "1" | "2" | "9",
      accountNumber: h.accountNumber as string,
    },
    records,
    ...totals,
    kind: isResult ? "result" : "request",
    lineEnding,
  };
}
