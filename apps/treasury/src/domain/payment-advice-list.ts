import type { IsoDate } from "@ward/calendar-jp";
import type { AccountTypeCode } from "@ward/zengin";
import { z } from "zod";

/** The month of a payment-advice run. */
export interface AdviceMonth {
  readonly year: number;
  /** 1–12. */
  readonly month: number;
}

/** Validates an {@link AdviceMonth} (the years the ward calendar covers). */
export const adviceMonthSchema = z.object({
  year: z.number().int().min(1949).max(2149),
  month: z.number().int().min(1).max(12),
});

/**
 * Reads `YYYY-MM` (as in `?month=2025-12` or `--month 2025-12`).
 *
 * @param text - the month as typed
 * @returns the month, or undefined when the text is not a month
 * @example
 * parseAdviceMonth("2025-12"); // => { year: 2025, month: 12 }
 * parseAdviceMonth("2025-13"); // => undefined
 */
export function parseAdviceMonth(text: string): AdviceMonth | undefined {
  const m = /^(\d{4})-(\d{2})$/.exec(text.trim());
  const parsed = adviceMonthSchema.safeParse({ year: Number(m?.[1]), month: Number(m?.[2]) });
  return m && parsed.success ? parsed.data : undefined;
}

/** The registered account a creditor is paid into, as a letter shows it (number masked). */
export interface AdviceAccount {
  readonly bankCode: string;
  /** Bank name from the Zengin master, else the stored kana, else empty. */
  readonly bankName: string;
  readonly branchCode: string;
  readonly branchName: string;
  readonly accountType: AccountTypeCode;
  /** 普通, 当座 … */
  readonly accountTypeName: string;
  /** e.g. `＊＊＊4567`. */
  readonly maskedNumber: string;
}

/** One payment of a creditor (one 支出命令 paid by transfer). */
export interface AdvicePayment {
  /** The transfer date. */
  readonly date: IsoDate;
  readonly orderNumber: string;
  /** Integer yen. */
  readonly amount: number;
}

/** One stored payment order joined with its creditor: the input of {@link groupPaymentAdvice}. */
export interface AdvicePaymentRow extends AdvicePayment {
  readonly creditorId: number;
  readonly creditorName: string;
  readonly postalCode: string;
  readonly address: string;
  readonly account: AdviceAccount;
}

/** One creditor's 支払案内書: who, where to, which account, the payments and their total. */
export interface PaymentAdviceCreditor {
  /** The 債権者登録番号. */
  readonly creditorId: number;
  readonly creditorName: string;
  /** Empty when not stored. */
  readonly postalCode: string;
  /** Empty when not stored. */
  readonly address: string;
  readonly account: AdviceAccount;
  /** By date, then order number. */
  readonly payments: readonly AdvicePayment[];
  /** Integer yen. */
  readonly totalYen: number;
}

/** The month's list of 支払案内書 (第5-2-(4)). */
export interface PaymentAdviceList extends AdviceMonth {
  /** The last open day of the month on the ward calendar. */
  readonly runDate: IsoDate;
  /** By 債権者登録番号. */
  readonly creditors: readonly PaymentAdviceCreditor[];
  readonly paymentCount: number;
  /** Integer yen. */
  readonly totalYen: number;
  /** Payment orders of the month with no registered creditor account (no letter can go out for them). */
  readonly unregisteredCount: number;
}

const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Groups a month's paid orders per creditor: payments by date then order number, creditors by
 * registration number, totals in integer yen. The result does not depend on the rows' order.
 *
 * @param rows - the month's payment orders joined with their creditors
 * @param run - the month, its run date and how many orders have no registered creditor
 * @returns the list
 * @example
 * groupPaymentAdvice(rows, { year: 2025, month: 12, runDate: "2025-12-26", unregisteredCount: 0 }).totalYen; // => 162000
 */
export function groupPaymentAdvice(
  rows: readonly AdvicePaymentRow[],
  run: AdviceMonth & { readonly runDate: IsoDate; readonly unregisteredCount?: number },
): PaymentAdviceList {
  const groups = new Map<number, { first: AdvicePaymentRow; payments: AdvicePayment[] }>();
  for (const row of rows) {
    const group = groups.get(row.creditorId) ?? { first: row, payments: [] };
    group.payments.push({ date: row.date, orderNumber: row.orderNumber, amount: row.amount });
    groups.set(row.creditorId, group);
  }
  const creditors = [...groups.values()]
    .sort((a, b) => a.first.creditorId - b.first.creditorId)
    .map(({ first, payments }): PaymentAdviceCreditor => {
      const sorted = payments.sort((a, b) => byCode(a.date, b.date) || byCode(a.orderNumber, b.orderNumber));
      return {
        creditorId: first.creditorId,
        creditorName: first.creditorName,
        postalCode: first.postalCode,
        address: first.address,
        account: first.account,
        payments: sorted,
        totalYen: sorted.reduce((sum, p) => sum + p.amount, 0),
      };
    });
  return {
    year: run.year,
    month: run.month,
    runDate: run.runDate,
    creditors,
    paymentCount: rows.length,
    totalYen: creditors.reduce((sum, c) => sum + c.totalYen, 0),
    unregisteredCount: run.unregisteredCount ?? 0,
  };
}
