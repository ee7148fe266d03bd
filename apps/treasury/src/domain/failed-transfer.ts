import type { IsoDate } from "@ward/calendar-jp";
import type { CsvImport } from "./csv-import-error.js";
import {
  choiceCell,
  codeCell,
  dateCell,
  optionalTextCell,
  readCsvTable,
  textCell,
  yenCell,
} from "./internal/csv-table.js";

/** Where a 口座振替支払不能 case stands (第5-2(2)). */
export type FailedTransferStatus = "uncontacted" | "inquiring" | "replied" | "completed";

/** The statuses as clerks name them, in workflow order. */
export const FAILED_TRANSFER_STATUS_LABELS: Readonly<Record<FailedTransferStatus, string>> = {
  uncontacted: "未連絡",
  inquiring: "照会中",
  replied: "回答済",
  completed: "完了",
};

/** The department's answer on the 再送・変更・戻入依頼書. */
export type FailedTransferReply = "resend" | "change" | "refund";

/** The replies as the form names them. */
export const FAILED_TRANSFER_REPLY_LABELS: Readonly<Record<FailedTransferReply, string>> = {
  resend: "再送",
  change: "変更",
  refund: "戻入",
};

/**
 * The bank's reasons a transfer could not be paid (振込不能事由), by the code the ward's log uses; an
 * unknown code is refused so the log stays countable by reason.
 */
export const FAILED_TRANSFER_REASONS: Readonly<Record<string, string>> = {
  "01": "口座なし",
  "02": "名義相違",
  "03": "口座解約済",
  "04": "預金種目相違",
  "05": "口座番号相違",
  "06": "取扱不可（受取拒否等）",
  "99": "その他",
};

/** A 支払不能 notice as logged. */
export interface FailedTransferInput {
  readonly notifiedOn: IsoDate;
  readonly payee: string;
  readonly amount: number;
  readonly reasonCode: string;
  /** Free text; empty means the code's label. */
  readonly reasonText: string;
  readonly departmentCode: string;
}

/** Columns of a 支払不能 CSV file, in order. */
export const FAILED_TRANSFER_COLUMNS = [
  "通知日",
  "支払先",
  "金額",
  "不能事由コード",
  "不能事由",
  "所属コード",
] as const;

const REASONS = new Map(
  Object.keys(FAILED_TRANSFER_REASONS)
    .sort()
    .map((code) => [code, code]),
);

/**
 * Reads a 口座振替支払不能 CSV file (columns {@link FAILED_TRANSFER_COLUMNS}; 不能事由 may be empty), whole
 * or not at all.
 *
 * @param bytes - the file (UTF-8 or Shift_JIS)
 * @returns the notices with their lines, or every error
 * @example
 * parseFailedTransfersCsv(bytes); // => { ok: true, rows: [{ line: 2, notifiedOn: "2025-07-10", payee: "練馬商事", amount: 12000, reasonCode: "01", reasonText: "口座なし", departmentCode: "110100" }] }
 */
export function parseFailedTransfersCsv(bytes: Uint8Array): CsvImport<FailedTransferInput> {
  return readCsvTable(bytes, { columns: FAILED_TRANSFER_COLUMNS, noun: "支払不能" }, (row) => {
    const reasonCode = row.read("不能事由コード", choiceCell("不能事由コード", REASONS));
    const reasonText = row.read("不能事由", optionalTextCell("不能事由", 100));
    return {
      notifiedOn: row.read("通知日", dateCell("通知日")) as IsoDate,
      payee: row.read("支払先", textCell("支払先", 100)),
      amount: row.read("金額", yenCell),
      reasonCode,
      reasonText: reasonText || (FAILED_TRANSFER_REASONS[reasonCode] ?? ""),
      departmentCode: row.read("所属コード", codeCell(/^\d{1,8}$/, "所属コードは8桁以内の数字です")),
    };
  });
}

/** A change of a case: the department's reply and the new status. */
export interface FailedTransferUpdate {
  readonly status: FailedTransferStatus;
  readonly replyKind?: FailedTransferReply;
  readonly replyText?: string;
}

/**
 * Checks a status change: a 完了 case is closed; 回答済 and 完了 need the department's reply (再送・変更・戻入).
 *
 * @param current - the stored status and reply
 * @param update - the requested change
 * @returns undefined when allowed, else why not (Japanese)
 * @example
 * failedTransferUpdateProblem({ status: "inquiring" }, { status: "completed" }); // => "回答済・完了にするには担当課の回答（再送・変更・戻入）を入力してください"
 */
export function failedTransferUpdateProblem(
  current: { readonly status: FailedTransferStatus; readonly replyKind?: FailedTransferReply | undefined },
  update: FailedTransferUpdate,
): string | undefined {
  if (current.status === "completed") return "完了した記録は変更できません";
  const reply = update.replyKind ?? current.replyKind;
  if ((update.status === "replied" || update.status === "completed") && reply === undefined)
    return "回答済・完了にするには担当課の回答（再送・変更・戻入）を入力してください";
  return undefined;
}
