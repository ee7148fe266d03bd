import type { IsoDate } from "@ward/calendar-jp";
import type { CsvImport } from "./csv-import-error.js";
import { codeCell, dateCell, readCsvTable, textCell, yenCell } from "./internal/csv-table.js";

/** Columns of a 支出命令 (payment order) CSV file, in order. */
export const PAYMENT_ORDER_COLUMNS = ["支出命令番号", "支払先", "支払日", "金額", "債権者登録番号"] as const;
/** Columns of an e ビジネスサイト transfer-application CSV file, in order. */
export const TRANSFER_APPLICATION_COLUMNS = ["申請番号", "支払先", "振込指定日", "金額"] as const;

/** A 支出命令 read from CSV. */
export interface PaymentOrderRow {
  readonly orderNumber: string;
  readonly payee: string;
  readonly paymentDate: IsoDate;
  readonly amount: number;
  readonly creditorAccountId?: number;
}

/** A transfer application read from CSV. */
export interface TransferApplicationRow {
  readonly applicationNumber: string;
  readonly payee: string;
  readonly transferDate: IsoDate;
  readonly amount: number;
}

const NUMBER = /^[0-9A-Za-z-]{1,20}$/;

/**
 * Reads a 支出命令 CSV file (UTF-8 or Shift_JIS; columns {@link PAYMENT_ORDER_COLUMNS}; 債権者登録番号 may be
 * empty): every row or every error (line, column, Japanese message), never part of the file.
 *
 * @param bytes - the file
 * @returns the orders with their lines, or the errors
 * @example
 * parsePaymentOrdersCsv(bytes); // => { ok: true, rows: [{ line: 2, orderNumber: "S-1", payee: "練馬商事", paymentDate: "2025-07-25", amount: 12000 }] }
 */
export function parsePaymentOrdersCsv(bytes: Uint8Array): CsvImport<PaymentOrderRow> {
  return readCsvTable(
    bytes,
    { columns: PAYMENT_ORDER_COLUMNS, uniqueColumn: "支出命令番号", noun: "支出命令" },
    (row) => {
      const creditor = row.read(
        "債権者登録番号",
        codeCell(/^(\d{1,9})?$/, "債権者登録番号は数字です（口座登録がなければ空欄）"),
      );
      return {
        orderNumber: row.read(
          "支出命令番号",
          codeCell(NUMBER, "支出命令番号は英数字・ハイフンの20文字以内です"),
        ),
        payee: row.read("支払先", textCell("支払先", 100)),
        paymentDate: row.read("支払日", dateCell("支払日")) as IsoDate,
        amount: row.read("金額", yenCell),
        ...(creditor ? { creditorAccountId: Number(creditor) } : {}),
      };
    },
  );
}

/**
 * Reads an e ビジネスサイト transfer-application CSV file (columns {@link TRANSFER_APPLICATION_COLUMNS}),
 * whole or not at all.
 *
 * @param bytes - the file
 * @returns the applications with their lines, or the errors
 * @example
 * parseTransferApplicationsCsv(bytes); // => { ok: false, errors: [{ line: 3, column: "振込指定日", value: "2025-02-30", message: "振込指定日が日付（YYYY-MM-DD）として正しくありません" }] }
 */
export function parseTransferApplicationsCsv(bytes: Uint8Array): CsvImport<TransferApplicationRow> {
  return readCsvTable(
    bytes,
    { columns: TRANSFER_APPLICATION_COLUMNS, uniqueColumn: "申請番号", noun: "申請" },
    (row) => ({
      applicationNumber: row.read("申請番号", codeCell(NUMBER, "申請番号は英数字・ハイフンの20文字以内です")),
      payee: row.read("支払先", textCell("支払先", 100)),
      transferDate: row.read("振込指定日", dateCell("振込指定日")) as IsoDate,
      amount: row.read("金額", yenCell),
    }),
  );
}
