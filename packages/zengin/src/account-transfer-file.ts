import type { Calendar, IsoDate } from "@ward/calendar-jp";
import { z } from "zod";
import type { AccountTransferResultCode } from "./account-transfer-result.js";
import type { BankMaster } from "./bank-master.js";
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
import {
  ACCOUNT_TRANSFER_DATA_FIELDS,
  ACCOUNT_TRANSFER_HEADER_FIELDS,
  ACCOUNT_TRANSFER_TRAILER_FIELDS,
  END_FIELDS,
} from "./zengin-layout.js";

/** The header of a 預金口座振替 file: who collects, into which account, on which day. */
export interface AccountTransferHeader {
  /** 委託者コード assigned by the bank, up to 10 digits. */
  readonly requesterCode: string;
  /** 委託者名 in Zengin kana, up to 40 bytes. */
  readonly requesterName: string;
  /** 引落日, ISO; must be a bank business day. */
  readonly debitDate: IsoDate;
  readonly bankCode: string;
  readonly bankName?: string;
  readonly branchCode: string;
  readonly branchName?: string;
  /** 1 普通, 2 当座, 9 その他. */
  readonly accountType: "1" | "2" | "9";
  readonly accountNumber: string;
}

/** One debit (data record). */
export interface AccountTransferRecord {
  readonly bankCode: string;
  readonly bankName?: string;
  readonly branchCode: string;
  readonly branchName?: string;
  /** 1 普通, 2 当座, 3 納税準備, 9 その他. */
  readonly accountType: "1" | "2" | "3" | "9";
  readonly accountNumber: string;
  /** 預金者名 in Zengin kana, up to 30 bytes. */
  readonly holderName: string;
  /** Yen, an integer from 1 to 9,999,999,999. */
  readonly amount: number;
  /** 新規コード: 0 その他, 1 第1回引落分, 2 変更分; "0" by default. */
  readonly newCode?: "0" | "1" | "2";
  /** 顧客番号, up to 20 digits (the ward's payer number). */
  readonly customerNumber?: string;
  /** 振替結果コード; only in result files ("0" in a request). */
  readonly resultCode?: AccountTransferResultCode;
}

/** Options of {@link writeAccountTransferFile}. */
export interface WriteAccountTransferFileOptions {
  /**
   * `request` (the default) writes 振替結果コード "0" and zero 振替済/振替不能 totals, as a requester
   * sends it; `result` writes each record's result code and the totals, as a bank returns it.
   */
  readonly kind?: "request" | "result";
  /** Records separated by CR+LF (the default) or back to back ("none"). */
  readonly lineEnding?: "crlf" | "none";
  /** The calendar the debit date must be open on; `bankCalendar()` by default. */
  readonly calendar?: Calendar;
  /** Fills bank and branch names left out with the master's kana (cut to 15 bytes). */
  readonly master?: BankMaster;
}

const headerSchema = z.object({
  requesterCode: digitText(10),
  requesterName: z.string().min(1),
  debitDate: z.iso.date(),
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
  accountType: z.enum(["1", "2", "3", "9"]),
  accountNumber: digitText(7),
  holderName: z.string().min(1),
  amount: z.number().int().min(1).max(9_999_999_999),
  newCode: z.enum(["0", "1", "2"]).optional(),
  customerNumber: digitText(20).optional(),
  resultCode: z.enum(["0", "1", "2", "3", "4", "8", "9"]).optional(),
});

/**
 * Writes a Zengin 預金口座振替 file (種別 91): the request a ward sends to collect fees by direct
 * debit, or (with `kind: "result"`) a result file in the bank's form, for tests and simulations.
 * Each record is 120 bytes of Shift_JIS; the trailer holds the count and total (and, in results, the
 * transferred and failed counts and amounts).
 *
 * @param header - the requester and the debit date (a bank business day)
 * @param records - the debits
 * @param options - `kind` ("request"), `lineEnding` ("crlf"), `calendar`, `master`
 * @returns the file's bytes
 * @throws {ZenginFileError} `ZENGIN_INVALID_FIELD` naming the record number and field
 * @throws {ZenginError} `NOT_A_BANK_DAY` when the debit date is a bank holiday
 * @example
 * const bytes = writeAccountTransferFile(
 *   { requesterCode: "1234567890", requesterName: "ﾈﾘﾏｸ", debitDate: "2025-07-28", bankCode: "0001", branchCode: "001", accountType: "1", accountNumber: "1234567" },
 *   [{ bankCode: "0005", branchCode: "001", accountType: "1", accountNumber: "7654321", holderName: "ﾈﾘﾏ ﾀﾛｳ", amount: 8200, customerNumber: "100234" }],
 * );
 * bytes.length; // => 488 (4 records × 122)
 */
export function writeAccountTransferFile(
  header: AccountTransferHeader,
  records: readonly AccountTransferRecord[],
  options: WriteAccountTransferFileOptions = {},
): Uint8Array {
  const kind = options.kind ?? "request";
  const parsedHeader = headerSchema.safeParse(header);
  if (!parsedHeader.success) {
    throw invalidField(1, parsedHeader.error.issues[0] as z.core.$ZodIssue, ACCOUNT_TRANSFER_HEADER_FIELDS, {
      debitDate: "引落日",
    });
  }
  const h = parsedHeader.data;
  assertBankDay(h.debitDate, options.calendar, { key: "debitDate", en: "debit date", ja: "引落日" });
  assertRecordCount(records.length);
  const master = options.master;
  const lines: string[] = [
    encodeRecord(
      ACCOUNT_TRANSFER_HEADER_FIELDS,
      {
        recordType: "1",
        kindCode: "91",
        codeType: "0",
        requesterCode: h.requesterCode,
        requesterName: h.requesterName,
        debitMonthDay: h.debitDate.slice(5, 7) + h.debitDate.slice(8, 10),
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
  let transferredCount = 0;
  let transferredAmount = 0;
  records.forEach((input, index) => {
    const recordNumber = index + 2;
    const parsed = recordSchema.safeParse(input);
    if (!parsed.success) {
      throw invalidField(
        recordNumber,
        parsed.error.issues[0] as z.core.$ZodIssue,
        ACCOUNT_TRANSFER_DATA_FIELDS,
      );
    }
    const r = parsed.data;
    if (kind === "result" && r.resultCode === undefined) {
      throw new ZenginFileError("ZENGIN_INVALID_FIELD", "a result file needs every record's result code", {
        recordNumber,
        field: "振替結果コード",
        messageJa: "結果ファイルには振替結果コードが必要です",
      });
    }
    const resultCode = kind === "result" ? (r.resultCode as string) : "0";
    total += r.amount;
    if (resultCode === "0") {
      transferredCount += 1;
      transferredAmount += r.amount;
    }
    lines.push(
      encodeRecord(
        ACCOUNT_TRANSFER_DATA_FIELDS,
        {
          recordType: "2",
          bankCode: r.bankCode,
          branchCode: r.branchCode,
          ...namesFromMaster(master, r, r),
          accountType: r.accountType,
          accountNumber: r.accountNumber,
          holderName: r.holderName,
          amount: String(r.amount),
          newCode: r.newCode ?? "0",
          customerNumber: r.customerNumber ?? "",
          resultCode,
        },
        recordNumber,
      ),
    );
  });
  const trailerNumber = records.length + 2;
  const result = kind === "result";
  lines.push(
    encodeRecord(
      ACCOUNT_TRANSFER_TRAILER_FIELDS,
      {
        recordType: "8",
        totalCount: String(records.length),
        totalAmount: String(total),
        transferredCount: result ? String(transferredCount) : "",
        transferredAmount: result ? String(transferredAmount) : "",
        failedCount: result ? String(records.length - transferredCount) : "",
        failedAmount: result ? String(total - transferredAmount) : "",
      },
      trailerNumber,
    ),
  );
  lines.push(encodeRecord(END_FIELDS, { recordType: "9" }, trailerNumber + 1));
  return fileBytes(lines, options.lineEnding);
}
