import { bankNames, expectTotal, readFrame } from "./internal/file-frame.js";
import { decodeRecord, expectField, optional } from "./internal/records.js";
import { DATA_FIELDS, EDI_FIELD, HEADER_FIELDS, TRAILER_FIELDS } from "./zengin-layout.js";
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
  const frame = readFrame(bytes, {
    headerFields: HEADER_FIELDS,
    trailerFields: TRAILER_FIELDS,
    kindCode: "21",
    kindName: "総合振込",
    dateKey: "transferMonthDay",
    dateName: "振込指定日",
    year: options.year,
  });
  const records: ZenginTransferRecord[] = [];
  let sum = 0;
  for (const { bytes: bytesOfRecord, recordNumber } of frame.data) {
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
    const transferCategory = optional(d.transferCategory) as "7" | "8" | undefined;
    records.push({
      bankCode: d.bankCode as string,
      ...bankNames(d),
      branchCode: d.branchCode as string,
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

  const t = frame.trailer;
  const totalCount = Number(t.totalCount);
  const totalAmount = Number(t.totalAmount);
  expectTotal(frame.trailerNumber, "合計件数", totalCount, records.length, "件");
  expectTotal(frame.trailerNumber, "合計金額", totalAmount, sum, "円");
  const h = frame.header;
  const header: ParsedZenginHeader = {
    requesterCode: h.requesterCode as string,
    requesterName: h.requesterName as string,
    transferMonthDay: frame.monthDay,
    ...(frame.isoDate === undefined ? {} : { transferDate: frame.isoDate }),
    bankCode: h.bankCode as string,
    branchCode: h.branchCode as string,
    ...bankNames(h),
    accountType: h.accountType as "1" | "2" | "9",
    accountNumber: h.accountNumber as string,
  };
  return { header, records, totalCount, totalAmount, lineEnding: frame.lineEnding };
}
