import { type Calendar, type IsoDate, monthRange } from "@ward/calendar-jp";
import type { Platform } from "@ward/platform";
import { type AccountTypeCode, accountTypeName, type BankMaster, zenginBankMaster } from "@ward/zengin";
import { sql } from "kysely";
import { maskAccountNumber } from "../domain/mask-account-number.js";
import { paymentAdviceRunDate } from "../domain/payment-advice.js";
import {
  type AdviceMonth,
  adviceMonthSchema,
  groupPaymentAdvice,
  type PaymentAdviceList,
} from "../domain/payment-advice-list.js";
import { treasuryDb, yenFromDb } from "./db.js";

/** Options of {@link paymentAdviceList}. */
export interface PaymentAdviceListOptions extends AdviceMonth {
  /** Bank and branch names; default the bundled Zengin master. */
  readonly master?: BankMaster;
  /** The ward calendar for the run date; default `wardCalendar()`. */
  readonly calendar?: Calendar;
}

/**
 * The month's 支払案内書 list (第5-2-(4)): every creditor with payment orders transferred in the
 * month, with name, address, registered account (number masked), each payment and totals, by
 * 債権者登録番号; orders with no registered creditor are only counted.
 *
 * @param platform - the running platform
 * @param options - year and month; bank master and calendar for tests
 * @returns the list with the run date (last open day of the month)
 * @throws ZodError when the month is out of range
 * @example
 * const list = await paymentAdviceList(platform, { year: 2025, month: 12 });
 * list.runDate; // => "2025-12-26"
 */
export async function paymentAdviceList(
  platform: Pick<Platform, "db">,
  options: PaymentAdviceListOptions,
): Promise<PaymentAdviceList> {
  const { year, month } = adviceMonthSchema.parse({ year: options.year, month: options.month });
  const { from, to } = monthRange(year, month);
  const rows = await treasuryDb(platform)
    .selectFrom("treasury_payment_orders as o")
    .leftJoin("treasury_creditor_accounts as c", "c.id", "o.creditor_account_id")
    .select([
      "o.order_number",
      sql<string>`o.payment_date::text`.as("payment_date"),
      "o.amount_yen",
      "c.id",
      "c.creditor_name",
      "c.postal_code",
      "c.address",
      "c.bank_code",
      "c.branch_code",
      "c.account_type",
      "c.account_number",
      "c.bank_name",
      "c.branch_name",
    ])
    .where(sql<boolean>`o.payment_date between ${from}::date and ${to}::date`)
    .orderBy("o.order_number")
    .execute();
  const master = options.master ?? zenginBankMaster();
  const paid = rows.flatMap((r) => {
    if (r.id === null) return [];
    const bankCode = r.bank_code ?? "";
    const branchCode = r.branch_code ?? "";
    const type = (r.account_type ?? "1") as AccountTypeCode;
    return [
      {
        creditorId: r.id,
        creditorName: r.creditor_name ?? "",
        postalCode: r.postal_code ?? "",
        address: r.address ?? "",
        account: {
          bankCode,
          bankName: master.bank(bankCode)?.name ?? r.bank_name ?? "",
          branchCode,
          branchName: master.branch(bankCode, branchCode)?.name ?? r.branch_name ?? "",
          accountType: type,
          accountTypeName: accountTypeName(type),
          maskedNumber: maskAccountNumber(r.account_number ?? ""),
        },
        date: r.payment_date as IsoDate,
        orderNumber: r.order_number,
        amount: yenFromDb(r.amount_yen),
      },
    ];
  });
  return groupPaymentAdvice(paid, {
    year,
    month,
    runDate: paymentAdviceRunDate(year, month, ...(options.calendar ? [options.calendar] : [])),
    unregisteredCount: rows.length - paid.length,
  });
}
