import type { Calendar, IsoDate } from "@ward/calendar-jp";
import { z } from "zod";
import type { BankMaster } from "./bank-master.js";
import type { CreditorAccount } from "./creditor-account.js";
import { ZenginFileError } from "./errors.js";
import {
  assertBankDay,
  assertRecordCount,
  digitText,
  fileBytes,
  invalidField,
  namesFromMaster,
} from "./internal/file-writer.js";
import { encodeRecord } from "./internal/records.js";
import { DATA_FIELDS, EDI_FIELD, END_FIELDS, HEADER_FIELDS, TRAILER_FIELDS } from "./zengin-layout.js";

/** The header of a 総合振込 file: who pays, from which account, on which day. */
export interface ZenginTransferHeader {
  /** 振込依頼人コード (委託者コード) assigned by the bank, up to 10 digits. */
  readonly requesterCode: string;
  /** 振込依頼人名 in Zengin kana, up to 40 bytes, e.g. `ﾈﾘﾏｸ`. */
  readonly requesterName: string;
  /** 振込指定日, ISO; must be a bank business day. */
  readonly transferDate: IsoDate;
  readonly bankCode: string;
  readonly bankName?: string;
  readonly branchCode: string;
  readonly branchName?: string;
  /** 1 普通, 2 当座, 9 その他. */
  readonly accountType: "1" | "2" | "9";
  readonly accountNumber: string;
}

/** One transfer (data record). */
export interface ZenginTransferRecord {
  readonly bankCode: string;
  readonly bankName?: string;
  readonly branchCode: string;
  readonly branchName?: string;
  /** 手形交換所番号; unused, "0000" by default. */
  readonly clearingHouseCode?: string;
  readonly accountType: "1" | "2" | "4" | "9";
  readonly accountNumber: string;
  /** 受取人名 in Zengin kana, up to 30 bytes. */
  readonly holderName: string;
  /** Yen, an integer from 1 to 9,999,999,999. */
  readonly amount: number;
  /** 新規コード: 0 その他, 1 第1回振込分, 2 変更分; "0" by default. */
  readonly newCode?: "0" | "1" | "2";
  /** 顧客コード1, up to 10 digits. */
  readonly customerCode1?: string;
  /** 顧客コード2, up to 10 digits. */
  readonly customerCode2?: string;
  /** EDI情報 (C20); when set, 識別表示 is "Y" and the customer codes must be absent. */
  readonly ediInfo?: string;
  /** 振込指定区分: 7 電信, 8 文書; blank when absent. */
  readonly transferCategory?: "7" | "8";
}

/** Options of {@link writeZenginTransferFile}. */
export interface WriteZenginTransferFileOptions {
  /** Records separated by CR+LF (122 bytes each, the default) or back to back ("none", 120 bytes). */
  readonly lineEnding?: "crlf" | "none";
  /** The calendar the transfer date must be open on; `bankCalendar()` (banks close 12/31–1/3) by default. */
  readonly calendar?: Calendar;
  /** Fills bank and branch names left out with the master's kana (cut to 15 bytes). */
  readonly master?: BankMaster;
}

const headerSchema = z.object({
  requesterCode: digitText(10),
  requesterName: z.string().min(1),
  transferDate: z.iso.date(),
  bankCode: z.string().regex(/^\d{4}$/),
  bankName: z.string().optional(),
  branchCode: z.string().regex(/^\d{3}$/),
  branchName: z.string().optional(),
  accountType: z.enum(["1", "2", "9"]),
  accountNumber: digitText(7),
});

const recordSchema = z.object({
  bankCode: z.string().regex(/^\d{4}$/),
  bankName: z.string().optional(),
  branchCode: z.string().regex(/^\d{3}$/),
  branchName: z.string().optional(),
  clearingHouseCode: z
    .string()
    .regex(/^\d{4}$/)
    .optional(),
  accountType: z.enum(["1", "2", "4", "9"]),
  accountNumber: digitText(7),
  holderName: z.string().min(1),
  amount: z.number().int().min(1).max(9_999_999_999),
  newCode: z.enum(["0", "1", "2"]).optional(),
  customerCode1: digitText(10).optional(),
  customerCode2: digitText(10).optional(),
  ediInfo: z.string().optional(),
  transferCategory: z.enum(["7", "8"]).optional(),
});

/**
 * Writes a Zengin 総合振込 file (種別 21) from confirmed payments: a header, one data record per
 * transfer, a trailer with the count and total, and an end record, each 120 bytes of Shift_JIS
 * (iconv-lite: ¥ is byte 0x5C, never a silent `?`). Numbers are right-aligned zero-filled, text
 * left-aligned space-filled (layout and source in `zengin-layout.ts`).
 *
 * @param header - the requester and the transfer date (a bank business day)
 * @param records - the transfers
 * @param options - `lineEnding` ("crlf"), `calendar` (bankCalendar()), `master`
 * @returns the file's bytes
 * @throws {ZenginFileError} `ZENGIN_INVALID_FIELD` naming the record number and field
 * @throws {ZenginError} `NOT_A_BANK_DAY` when the transfer date is a bank holiday
 * @example
 * const bytes = writeZenginTransferFile(
 *   { requesterCode: "1234567890", requesterName: "ﾈﾘﾏｸ", transferDate: "2025-07-25", bankCode: "0001", branchCode: "001", accountType: "1", accountNumber: "1234567" },
 *   [{ bankCode: "0005", branchCode: "001", accountType: "1", accountNumber: "7654321", holderName: "ｶ)ﾈﾘﾏ", amount: 10000 }],
 * );
 * bytes.length; // => 488 (4 records × 122)
 */
export function writeZenginTransferFile(
  header: ZenginTransferHeader,
  records: readonly ZenginTransferRecord[],
  options: WriteZenginTransferFileOptions = {},
): Uint8Array {
  const parsedHeader = headerSchema.safeParse(header);
  if (!parsedHeader.success) {
    throw invalidField(1, parsedHeader.error.issues[0] as z.core.$ZodIssue, HEADER_FIELDS, {
      transferDate: "振込指定日",
    });
  }
  const h = parsedHeader.data;
  assertBankDay(h.transferDate, options.calendar, {
    key: "transferDate",
    en: "transfer date",
    ja: "振込指定日",
  });
  assertRecordCount(records.length);
  const master = options.master;
  const lines: string[] = [
    encodeRecord(
      HEADER_FIELDS,
      {
        recordType: "1",
        kindCode: "21",
        codeType: "0",
        requesterCode: h.requesterCode,
        requesterName: h.requesterName,
        transferMonthDay: h.transferDate.slice(5, 7) + h.transferDate.slice(8, 10),
        bankCode: h.bankCode,
        branchCode: h.branchCode,
        ...namesFromMaster(master, h, h),
        accountType: h.accountType,
        accountNumber: h.accountNumber,
      },
      1,
    ),
  ];
  let total = 0;
  records.forEach((input, index) => {
    const recordNumber = index + 2;
    const parsed = recordSchema.safeParse(input);
    if (!parsed.success)
      throw invalidField(recordNumber, parsed.error.issues[0] as z.core.$ZodIssue, [
        ...DATA_FIELDS,
        EDI_FIELD,
      ]);
    const r = parsed.data;
    if (r.ediInfo !== undefined && (r.customerCode1 !== undefined || r.customerCode2 !== undefined)) {
      throw new ZenginFileError("ZENGIN_INVALID_FIELD", "ediInfo and customer codes are exclusive", {
        recordNumber,
        field: "EDI情報",
        messageJa: "EDI情報と顧客コードは同時に指定できません",
      });
    }
    total += r.amount;
    const common = {
      recordType: "2",
      bankCode: r.bankCode,
      branchCode: r.branchCode,
      ...namesFromMaster(master, r, r),
      clearingHouseCode: r.clearingHouseCode ?? "0000",
      accountType: r.accountType,
      accountNumber: r.accountNumber,
      holderName: r.holderName,
      amount: String(r.amount),
      newCode: r.newCode ?? "0",
      transferCategory: r.transferCategory ?? "",
      ediFlag: r.ediInfo === undefined ? "" : "Y",
    };
    if (r.ediInfo === undefined) {
      lines.push(
        encodeRecord(
          DATA_FIELDS,
          { ...common, customerCode1: r.customerCode1 ?? "", customerCode2: r.customerCode2 ?? "" },
          recordNumber,
        ),
      );
    } else {
      const fields = DATA_FIELDS.filter((field) => field.key !== "customerCode2").map((field) =>
        field.key === "customerCode1" ? EDI_FIELD : field,
      );
      lines.push(encodeRecord(fields, { ...common, ediInfo: r.ediInfo }, recordNumber));
    }
  });
  const trailerNumber = records.length + 2;
  lines.push(
    encodeRecord(
      TRAILER_FIELDS,
      { recordType: "8", totalCount: String(records.length), totalAmount: String(total) },
      trailerNumber,
    ),
  );
  lines.push(encodeRecord(END_FIELDS, { recordType: "9" }, trailerNumber + 1));
  return fileBytes(lines, options.lineEnding);
}

/**
 * Turns a validated creditor account and a confirmed payment into a transfer record.
 *
 * @param account - from {@link validateCreditorAccount}
 * @param amount - yen, an integer
 * @param extra - customer codes, EDI info, 新規コード, 振込指定区分
 * @returns the record for {@link writeZenginTransferFile}
 * @example
 * transferRecordFromAccount(account, 12000, { customerCode1: "123" }).amount; // => 12000
 */
export function transferRecordFromAccount(
  account: CreditorAccount,
  amount: number,
  extra: Pick<
    ZenginTransferRecord,
    "customerCode1" | "customerCode2" | "ediInfo" | "newCode" | "transferCategory"
  > = {},
): ZenginTransferRecord {
  return {
    bankCode: account.bankCode,
    ...(account.bankKana === undefined ? {} : { bankName: account.bankKana.slice(0, 15) }),
    branchCode: account.branchCode,
    ...(account.branchKana === undefined ? {} : { branchName: account.branchKana.slice(0, 15) }),
    accountType: account.accountType,
    accountNumber: account.accountNumber,
    holderName: account.holderName,
    amount,
    ...extra,
  };
}
