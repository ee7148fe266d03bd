import type { IsoDate } from "@ward/calendar-jp";
import { type Actor, appendAudit, type Platform } from "@ward/platform";
import { transferRecordFromAccount, writeZenginTransferFile, type ZenginTransferHeader } from "@ward/zengin";
import { sql } from "kysely";
import {
  matchTransfers,
  paymentSlipDueDate,
  type ScheduledPaymentSlip,
  schedulePaymentSlips,
  type TransferMatch,
} from "../domain/index.js";
import { storedAccount } from "./creditor-accounts.js";
import { treasuryDb, yenFromDb } from "./db.js";

/** A 支出命令 to store. */
export interface PaymentOrderInput {
  readonly orderNumber: string;
  readonly payee: string;
  readonly paymentDate: IsoDate;
  readonly amount: number;
  readonly creditorAccountId?: number;
}

/**
 * Stores 支出命令 (payment orders) with one audit record, in one transaction.
 *
 * @example
 * await addPaymentOrders(platform, actor, [{ orderNumber: "S-1", payee: "練馬商事", paymentDate: "2025-07-25", amount: 12000 }]);
 */
export async function addPaymentOrders(
  platform: Platform,
  actor: Actor,
  orders: readonly PaymentOrderInput[],
): Promise<void> {
  await treasuryDb(platform)
    .transaction()
    .execute(async (trx) => {
      if (orders.length > 0) {
        await trx
          .insertInto("treasury_payment_orders")
          .values(
            orders.map((o) => ({
              order_number: o.orderNumber,
              payee: o.payee,
              payment_date: o.paymentDate,
              amount_yen: o.amount,
              creditor_account_id: o.creditorAccountId ?? null,
            })),
          )
          .execute();
      }
      await appendAudit(
        trx,
        actor,
        { action: "treasury.order.add", targetType: "payment_order", detail: { count: orders.length } },
        { clock: platform.clock },
      );
    });
}

/** A 払込票 to store; its due date is computed (2 open days before the desired date). */
export interface PaymentSlipInput {
  readonly slipNumber: string;
  readonly payee: string;
  readonly desiredDate: IsoDate;
  readonly amount: number;
}

/**
 * Stores 払込票 with their due dates (第5-2(5): 2 business days before the desired payment date).
 *
 * @example
 * await addPaymentSlips(platform, actor, [{ slipNumber: "H-1", payee: "東京電力", desiredDate: "2026-01-06", amount: 5000 }]);
 * // due 2025-12-26
 */
export async function addPaymentSlips(
  platform: Platform,
  actor: Actor,
  slips: readonly PaymentSlipInput[],
): Promise<void> {
  await treasuryDb(platform)
    .transaction()
    .execute(async (trx) => {
      if (slips.length > 0) {
        await trx
          .insertInto("treasury_payment_slips")
          .values(
            slips.map((s) => ({
              slip_number: s.slipNumber,
              payee: s.payee,
              desired_date: s.desiredDate,
              due_date: paymentSlipDueDate(s.desiredDate),
              amount_yen: s.amount,
              collected_at: null,
            })),
          )
          .execute();
      }
      await appendAudit(
        trx,
        actor,
        { action: "treasury.slip.add", targetType: "payment_slip", detail: { count: slips.length } },
        { clock: platform.clock },
      );
    });
}

/** A stored 払込票 as scheduled. */
export interface StoredSlip {
  readonly id: string;
  readonly payee: string;
  readonly desiredPaymentDate: IsoDate;
  readonly amount: number;
}

/**
 * The uncollected 払込票 due today (or overdue) or this week, each with status and urgent flag.
 *
 * @example
 * await slipsDue(platform, { today: "2025-12-26", scope: "week" });
 */
export async function slipsDue(
  platform: Pick<Platform, "db">,
  options: { readonly today: IsoDate; readonly scope: "today" | "week" },
): Promise<readonly ScheduledPaymentSlip<StoredSlip>[]> {
  const rows = await sql<{ slip_number: string; payee: string; desired_date: string; amount_yen: string }>`
    select slip_number, payee, desired_date::text as desired_date, amount_yen from treasury_payment_slips
    where collected_at is null order by desired_date, slip_number`.execute(treasuryDb(platform));
  return schedulePaymentSlips(
    rows.rows.map((r) => ({
      id: r.slip_number,
      payee: r.payee,
      desiredPaymentDate: r.desired_date as IsoDate,
      amount: yenFromDb(r.amount_yen),
    })),
    { today: options.today, scope: options.scope },
  );
}

/** An e ビジネスサイト application to store. */
export interface TransferApplicationInput {
  readonly applicationNumber: string;
  readonly payee: string;
  readonly transferDate: IsoDate;
  readonly amount: number;
}

/**
 * Stores transfer applications (e ビジネスサイト申請).
 *
 * @example
 * await addTransferApplications(platform, actor, [{ applicationNumber: "E-1", payee: "練馬商事", transferDate: "2025-07-25", amount: 12000 }]);
 */
export async function addTransferApplications(
  platform: Platform,
  actor: Actor,
  applications: readonly TransferApplicationInput[],
): Promise<void> {
  await treasuryDb(platform)
    .transaction()
    .execute(async (trx) => {
      if (applications.length > 0) {
        await trx
          .insertInto("treasury_transfer_applications")
          .values(
            applications.map((a) => ({
              application_number: a.applicationNumber,
              payee: a.payee,
              transfer_date: a.transferDate,
              amount_yen: a.amount,
            })),
          )
          .execute();
      }
      await appendAudit(
        trx,
        actor,
        {
          action: "treasury.application.add",
          targetType: "transfer_application",
          detail: { count: applications.length },
        },
        { clock: platform.clock },
      );
    });
}

/**
 * Matches the stored applications against the stored payment orders of a date range (payee, date, amount).
 *
 * @example
 * (await matchStoredTransfers(platform, { from: "2025-07-01", to: "2025-07-31" })).filter((m) => m.status !== "matched");
 */
export async function matchStoredTransfers(
  platform: Pick<Platform, "db">,
  range: { readonly from: IsoDate; readonly to: IsoDate },
): Promise<readonly TransferMatch[]> {
  const db = treasuryDb(platform);
  const apps = await sql<{ id: string; payee: string; date: string; amount_yen: string }>`
    select application_number as id, payee, transfer_date::text as date, amount_yen from treasury_transfer_applications
    where transfer_date between ${range.from}::date and ${range.to}::date`.execute(db);
  const orders = await sql<{ id: string; payee: string; date: string; amount_yen: string }>`
    select order_number as id, payee, payment_date::text as date, amount_yen from treasury_payment_orders
    where payment_date between ${range.from}::date and ${range.to}::date`.execute(db);
  const item = (r: { id: string; payee: string; date: string; amount_yen: string }) => ({
    id: r.id,
    payee: r.payee,
    transferDate: r.date as IsoDate,
    amount: yenFromDb(r.amount_yen),
  });
  return matchTransfers(apps.rows.map(item), orders.rows.map(item));
}

/**
 * The Zengin 総合振込 file for the payment orders of a date that have a registered creditor account.
 *
 * @param platform - the running platform
 * @param header - the ward's requester code, name and account; `transferDate` is the date
 * @returns the file bytes and how many transfers and yen it holds
 * @throws ZenginFileError / TreasuryError when a field cannot be written or the date is not a bank day
 * @example
 * await zenginFileForDate(platform, { requesterCode: "1234567890", requesterName: "ﾈﾘﾏｸ", transferDate: "2025-07-25", bankCode: "0001", branchCode: "001", accountType: "1", accountNumber: "1234567" });
 */
export async function zenginFileForDate(
  platform: Pick<Platform, "db">,
  header: ZenginTransferHeader,
): Promise<{ readonly bytes: Uint8Array; readonly count: number; readonly totalYen: number }> {
  const rows = await treasuryDb(platform)
    .selectFrom("treasury_payment_orders as o")
    .innerJoin("treasury_creditor_accounts as c", "c.id", "o.creditor_account_id")
    .select([
      "o.amount_yen",
      "c.bank_code",
      "c.branch_code",
      "c.account_type",
      "c.account_number",
      "c.holder_name",
      "c.bank_name",
      "c.branch_name",
    ])
    .where(sql<boolean>`o.payment_date = ${header.transferDate}::date`)
    .orderBy("o.order_number")
    .execute();
  const records = rows.map((r) => transferRecordFromAccount(storedAccount(r), yenFromDb(r.amount_yen)));
  const bytes = writeZenginTransferFile(header, records);
  return { bytes, count: records.length, totalYen: records.reduce((s, r) => s + r.amount, 0) };
}
