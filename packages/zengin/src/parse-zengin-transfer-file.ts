import { ZenginFileError } from "./errors.js";
import { decodeRecord, expectField, optional, splitRecords, validMonthDay } from "./internal/records.js";
import { DATA_FIELDS, EDI_FIELD, END_FIELDS, HEADER_FIELDS, TRAILER_FIELDS } from "./zengin-layout.js";
import type { ZenginTransferRecord } from "./zengin-transfer-file.js";

/** A parsed 総合振込 header. */
export interface ParsedZenginHeader {
  readonly requesterCode: string;
  readonly requesterName: string;
  /** 振込指定日 as written: MMDD. */
  readonly transferMonthDay: string;
  /** 振込指定日 as ISO, when a year was given to the parser. */
  readonly transferDate?: string;
  readonly bankCode: string;
  readonly bankName?: string;
  readonly branchCode: string;
  readonly branchName?: string;
  readonly accountType: "1" | "2" | "9";
  readonly accountNumber: string;
}

/** A parsed 総合振込 file. */
export interface ParsedZenginTransferFile {
  readonly header: ParsedZenginHeader;
  readonly records: readonly ZenginTransferRecord[];
  /** 合計件数 of the trailer (checked against the records). */
  readonly totalCount: number;
  /** 合計金額 of the trailer in yen (checked against the records). */
  readonly totalAmount: number;
  /** How the records were separated. */
  readonly lineEnding: "crlf" | "none";
}

/** Options of {@link parseZenginTransferFile}. */
export interface ParseZenginTransferFileOptions {
  /** The year of the transfer date (the file only holds MMDD); adds `header.transferDate`. */
  readonly year?: number;
}

/**
 * Reads a Zengin 総合振込 file (種別 21) back: records of 120 bytes, back to back or CR+LF
 * separated; header, data records, trailer, end in that order; the trailer's count and total
 * checked against the data records.
 *
 * @param bytes - the file
 * @param options - `year` to resolve 振込指定日 (MMDD) to an ISO date
 * @returns the header, the transfers and the totals
 * @throws {ZenginFileError} `ZENGIN_TRUNCATED` (file ends inside a record, or before the trailer/end record),
 *   `ZENGIN_RECORD_LENGTH` (a CR+LF line that is not 120 bytes), `ZENGIN_RECORD_ORDER`,
 *   `ZENGIN_INVALID_FIELD`, `ZENGIN_ENCODING` (a full-width byte) and `ZENGIN_TRAILER_MISMATCH`,
 *   each naming the record number and field
 * @example
 * parseZenginTransferFile(bytes, { year: 2025 }).records[0]?.amount; // => 10000
 */
export function parseZenginTransferFile(
  bytes: Uint8Array,
  options: ParseZenginTransferFileOptions = {},
): ParsedZenginTransferFile {
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
  const h = decodeRecord(raw[0] as Uint8Array, HEADER_FIELDS, 1);
  expectField(
    h.kindCode === "21",
    1,
    "種別コード",
    `kind code ${h.kindCode} is not 21`,
    `種別コードが21（総合振込）ではありません（${h.kindCode}）`,
  );
  expectField(
    h.codeType === "0",
    1,
    "コード区分",
    `code type ${h.codeType} is not 0`,
    `コード区分が0（JIS）ではありません（${h.codeType}）`,
  );
  const monthDay = h.transferMonthDay as string;
  expectField(
    validMonthDay(monthDay, options.year ?? 2024),
    1,
    "振込指定日",
    `transfer date ${monthDay} is not a valid MMDD`,
    `振込指定日が月日（MMDD）として正しくありません（${monthDay}）`,
  );
  expectField(
    ["1", "2", "9"].includes(h.accountType as string),
    1,
    "預金種目（依頼人）",
    `account type ${h.accountType} is not 1, 2 or 9`,
    `預金種目は1・2・9のいずれかです（${h.accountType}）`,
  );

  const records: ZenginTransferRecord[] = [];
  let index = 1;
  let sum = 0;
  for (; index < raw.length && kindOf(index) === "2"; index++) {
    const recordNumber = index + 1;
    const bytesOfRecord = raw[index] as Uint8Array;
    const edi = String.fromCharCode(bytesOfRecord[112] ?? 0x20) === "Y";
    const layout = edi
      ? DATA_FIELDS.filter((field) => field.key !== "customerCode2").map((field) =>
          field.key === "customerCode1" ? EDI_FIELD : field,
        )
      : DATA_FIELDS;
    const d = decodeRecord(bytesOfRecord, layout, recordNumber);
    expectField(
      ["1", "2", "4", "9"].includes(d.accountType as string),
      recordNumber,
      "預金種目",
      `account type ${d.accountType} is not 1, 2, 4 or 9`,
      `預金種目は1・2・4・9のいずれかです（${d.accountType}）`,
    );
    expectField(
      ["0", "1", "2"].includes(d.newCode as string),
      recordNumber,
      "新規コード",
      `new code ${d.newCode}`,
      `新規コードは0・1・2のいずれかです（${d.newCode}）`,
    );
    expectField(
      ["", "7", "8"].includes(d.transferCategory as string),
      recordNumber,
      "振込指定区分",
      `transfer category ${d.transferCategory}`,
      `振込指定区分は7・8または空白です（${d.transferCategory}）`,
    );
    expectField(
      d.ediFlag === "" || d.ediFlag === "Y",
      recordNumber,
      "識別表示",
      `EDI flag ${d.ediFlag}`,
      `識別表示はYまたは空白です（${d.ediFlag}）`,
    );
    expectField(d.holderName !== "", recordNumber, "受取人名", "holder name is blank", "受取人名が空白です");
    const amount = Number(d.amount);
    expectField(amount > 0, recordNumber, "振込金額", "amount is zero", "振込金額が0円です");
    sum += amount;
    const customerCode1 =
      d.customerCode1 === undefined || /^0+$/.test(d.customerCode1) ? undefined : d.customerCode1;
    const customerCode2 =
      d.customerCode2 === undefined || /^0+$/.test(d.customerCode2) ? undefined : d.customerCode2;
    const bankName = optional(d.bankName);
    const branchName = optional(d.branchName);
    const transferCategory = optional(d.transferCategory) as "7" | "8" | undefined;
    records.push({
      bankCode: d.bankCode as string,
      ...(bankName === undefined ? {} : { bankName }),
      branchCode: d.branchCode as string,
      ...(branchName === undefined ? {} : { branchName }),
      clearingHouseCode: d.clearingHouseCode as string,
      accountType: d.accountType as ZenginTransferRecord["accountType"],
      accountNumber: d.accountNumber as string,
      holderName: d.holderName as string,
      amount,
      newCode: d.newCode as "0" | "1" | "2",
      ...(customerCode1 === undefined ? {} : { customerCode1 }),
      ...(customerCode2 === undefined ? {} : { customerCode2 }),
      ...(edi ? { ediInfo: d.ediInfo as string } : {}),
      ...(transferCategory === undefined ? {} : { transferCategory }),
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
  const t = decodeRecord(raw[index] as Uint8Array, TRAILER_FIELDS, trailerNumber);
  const totalCount = Number(t.totalCount);
  const totalAmount = Number(t.totalAmount);
  if (totalCount !== records.length) {
    throw new ZenginFileError(
      "ZENGIN_TRAILER_MISMATCH",
      `trailer count ${totalCount} but ${records.length} data records`,
      {
        recordNumber: trailerNumber,
        field: "合計件数",
        messageJa: `合計件数${totalCount}件がデータレコード${records.length}件と一致しません`,
        details: { trailer: totalCount, actual: records.length },
      },
    );
  }
  if (totalAmount !== sum) {
    throw new ZenginFileError(
      "ZENGIN_TRAILER_MISMATCH",
      `trailer amount ${totalAmount} but data records sum to ${sum}`,
      {
        recordNumber: trailerNumber,
        field: "合計金額",
        messageJa: `合計金額${totalAmount}円がデータレコードの合計${sum}円と一致しません`,
        details: { trailer: totalAmount, actual: sum },
      },
    );
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
  const header: ParsedZenginHeader = {
    requesterCode: h.requesterCode as string,
    requesterName: h.requesterName as string,
    transferMonthDay: monthDay,
    ...(options.year === undefined
      ? {}
      : {
          transferDate: `${String(options.year).padStart(4, "0")}-${monthDay.slice(0, 2)}-${monthDay.slice(2)}`,
        }),
    bankCode: h.bankCode as string,
    ...(bankName === undefined ? {} : { bankName }),
    branchCode: h.branchCode as string,
    ...(branchName === undefined ? {} : { branchName }),
    accountType: h.accountType as "1" | "2" | "9",
    accountNumber: h.accountNumber as string,
  };
  return { header, records, totalCount, totalAmount, lineEnding };
}
