import { bankCalendar, type Calendar, closedReason } from "@ward/calendar-jp";
import iconv from "iconv-lite";
import { z } from "zod";
import type { BankMaster } from "../bank-master.js";
import { ZenginError, ZenginFileError } from "../errors.js";
import { ZENGIN_RECORD_LENGTH, type ZenginField } from "../zengin-layout.js";

/** A field of digits, 1 to `max` long. */
export const digitText = (max: number) => z.string().regex(new RegExp(`^\\d{1,${max}}$`));

/** The first zod issue of a record as a `ZENGIN_INVALID_FIELD` naming the Zengin field. */
export function invalidField(
  recordNumber: number,
  issue: z.core.$ZodIssue,
  layout: readonly ZenginField[],
  names: Readonly<Record<string, string>> = {},
): ZenginFileError {
  const key = String(issue.path[0] ?? "");
  const field = layout.find((candidate) => candidate.key === key);
  return new ZenginFileError("ZENGIN_INVALID_FIELD", `${key}: ${issue.message}`, {
    recordNumber,
    field: field?.name ?? names[key] ?? key,
    messageJa: "値が正しくありません（桁数・文字種・範囲を確認してください）",
  });
}

/** Throws `NOT_A_BANK_DAY` unless the date is open on the calendar (`bankCalendar()` by default). */
export function assertBankDay(
  date: string,
  calendar: Calendar | undefined,
  label: { readonly key: string; readonly en: string; readonly ja: string },
): void {
  const reason = closedReason(calendar ?? bankCalendar(), date);
  if (reason === undefined) return;
  throw new ZenginError("NOT_A_BANK_DAY", `${label.en} ${date} is a bank holiday (${reason.name})`, {
    messageJa: `${label.ja}${date}は金融機関の休業日です（${reason.name}）`,
    details: { [label.key]: date, reason },
  });
}

/** Bank and branch names as given, else the master's kana cut to the 15-byte field. */
export function namesFromMaster(
  master: BankMaster | undefined,
  codes: { readonly bankCode: string; readonly branchCode: string },
  given: { readonly bankName?: string | undefined; readonly branchName?: string | undefined },
): { bankName: string; branchName: string } {
  return {
    bankName: given.bankName ?? master?.bank(codes.bankCode)?.kana.slice(0, 15) ?? "",
    branchName: given.branchName ?? master?.branch(codes.bankCode, codes.branchCode)?.kana.slice(0, 15) ?? "",
  };
}

/** Throws when a file would exceed the 6-digit 合計件数. */
export function assertRecordCount(count: number): void {
  if (count <= 999_999) return;
  throw new ZenginFileError("ZENGIN_INVALID_FIELD", "more than 999,999 records", {
    recordNumber: count + 2,
    field: "合計件数",
    messageJa: "件数が999,999件を超えています",
  });
}

/** Joins encoded records into the file's Shift_JIS bytes (¥ is 0x5C, never a silent `?`). */
export function fileBytes(lines: readonly string[], lineEnding: "crlf" | "none" | undefined): Uint8Array {
  for (const line of lines) {
    // Guard: every record is exactly 120 single-byte characters before encoding.
    if (line.length !== ZENGIN_RECORD_LENGTH)
      throw new Error(`@ward/zengin: internal record length ${line.length}`);
  }
  const separator = (lineEnding ?? "crlf") === "crlf" ? "\r\n" : "";
  return new Uint8Array(iconv.encode(lines.join(separator) + separator, "Shift_JIS"));
}
