import type { AccountTransferRecord } from "./account-transfer-file.js";
import { type AccountTransferResultCode, isAccountTransferResultCode } from "./account-transfer-result.js";
import { ZenginFileError } from "./errors.js";
import { bankNames, expectTotal, readFrame } from "./internal/file-frame.js";
import { decodeRecord, expectField } from "./internal/records.js";
import {
  ACCOUNT_TRANSFER_DATA_FIELDS,
  ACCOUNT_TRANSFER_HEADER_FIELDS,
  ACCOUNT_TRANSFER_TRAILER_FIELDS,
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
  const frame = readFrame(bytes, {
    headerFields: ACCOUNT_TRANSFER_HEADER_FIELDS,
    trailerFields: ACCOUNT_TRANSFER_TRAILER_FIELDS,
    kindCode: "91",
    kindName: "口座振替",
    dateKey: "debitMonthDay",
    dateName: "引落日",
    year: options.year,
  });
  const records: ParsedAccountTransferRecord[] = [];
  let sum = 0;
  let transferredCount = 0;
  let transferredAmount = 0;
  for (const { bytes: recordBytes, recordNumber } of frame.data) {
    const d = decodeRecord(recordBytes, ACCOUNT_TRANSFER_DATA_FIELDS, recordNumber);
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
    const customerNumber = /^0+$/.test(d.customerNumber as string) ? undefined : d.customerNumber;
    records.push({
      bankCode: d.bankCode as string,
      ...bankNames(d),
      branchCode: d.branchCode as string,
      accountType: d.accountType as AccountTransferRecord["accountType"],
      accountNumber: d.accountNumber as string,
      holderName: d.holderName as string,
      amount,
      newCode: d.newCode as "0" | "1" | "2",
      ...(customerNumber === undefined ? {} : { customerNumber }),
      resultCode,
    });
  }

  const t = frame.trailer;
  const totals = {
    totalCount: Number(t.totalCount),
    totalAmount: Number(t.totalAmount),
    transferredCount: Number(t.transferredCount),
    transferredAmount: Number(t.transferredAmount),
    failedCount: Number(t.failedCount),
    failedAmount: Number(t.failedAmount),
  };
  const at = frame.trailerNumber;
  expectTotal(at, "合計件数", totals.totalCount, records.length, "件");
  expectTotal(at, "合計金額", totals.totalAmount, sum, "円");
  const isResult =
    totals.transferredCount + totals.failedCount > 0 || records.some((record) => record.resultCode !== "0");
  if (isResult) {
    expectTotal(at, "振替済件数", totals.transferredCount, transferredCount, "件");
    expectTotal(at, "振替済金額", totals.transferredAmount, transferredAmount, "円");
    expectTotal(at, "振替不能件数", totals.failedCount, records.length - transferredCount, "件");
    expectTotal(at, "振替不能金額", totals.failedAmount, sum - transferredAmount, "円");
  }
  const h = frame.header;
  return {
    header: {
      requesterCode: h.requesterCode as string,
      requesterName: h.requesterName as string,
      debitMonthDay: frame.monthDay,
      ...(frame.isoDate === undefined ? {} : { debitDate: frame.isoDate }),
      bankCode: h.bankCode as string,
      branchCode: h.branchCode as string,
      ...bankNames(h),
      accountType: h.accountType as "1" | "2" | "9",
      accountNumber: h.accountNumber as string,
    },
    records,
    ...totals,
    kind: isResult ? "result" : "request",
    lineEnding: frame.lineEnding,
  };
}
