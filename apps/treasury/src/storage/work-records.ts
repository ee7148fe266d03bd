import type { IsoDate } from "@ward/calendar-jp";
import type { Actor, Platform } from "@ward/platform";
import { sql } from "kysely";
import { type WorkRecordInput, workRecordSchema } from "../domain/index.js";
import { treasuryDb, yenFromDb } from "./db.js";
import { insertRecorded } from "./internal/insert-recorded.js";

/** A stored work record. */
export interface WorkRecord extends WorkRecordInput {
  readonly id: number;
}

/** The result of {@link addWorkRecord}. */
export type WorkRecordResult =
  | { readonly ok: true; readonly record: WorkRecord }
  | { readonly ok: false; readonly issues: readonly { readonly path: string; readonly message: string }[] };

/**
 * Validates and stores one 業務日報 line (the contract's work item, count, staff, notes), audited.
 *
 * @example
 * await addWorkRecord(platform, actor, { date: "2025-07-10", workItemId: "internal-mail", count: 3, staff: "山田" });
 */
export async function addWorkRecord(
  platform: Platform,
  actor: Actor,
  input: Readonly<Record<string, unknown>>,
): Promise<WorkRecordResult> {
  const parsed = workRecordSchema.safeParse(input);
  if (!parsed.success)
    return {
      ok: false,
      issues: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    };
  const r = parsed.data;
  const id = await treasuryDb(platform)
    .transaction()
    .execute((trx) =>
      insertRecorded(platform, trx, actor, {
        table: "treasury_work_records",
        values: { work_date: r.date, work_item: r.workItemId, count: r.count, staff: r.staff, note: r.note },
        action: "treasury.work.record",
        targetType: "work_record",
        detail: { ...r },
      }),
    );
  return { ok: true, record: { id, ...r } };
}

/** Counts taken from what the app stored in a period (for the 業務日報 and 完了報告書). */
export interface StoredActivity {
  readonly notices: { readonly count: number; readonly yen: number };
  readonly paymentOrders: number;
  readonly transferApplications: number;
  /** 払込票 whose collection deadline falls in the period. */
  readonly slipsDue: number;
  readonly failedTransfersNotified: number;
  /** Cases still open (not 完了) among those notified in the period. */
  readonly failedTransfersOpen: number;
  readonly creditorRegistrations: number;
  readonly stampsReceived: number;
  readonly stampsUsed: number;
}

/** Everything a work report of a period is made of. */
export interface WorkReportData {
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly records: readonly WorkRecord[];
  readonly activity: StoredActivity;
  /** Per day with records or activity: the day's activity (monthly report). */
  readonly days: readonly { readonly date: IsoDate; readonly activity: StoredActivity }[];
}

type Range = { readonly from: IsoDate; readonly to: IsoDate };

/**
 * Loads the work records and the counts derived from stored notices, orders, applications, slips, failed
 * transfers, creditor registrations and stamp entries of a period (dates inclusive, Asia/Tokyo).
 *
 * @example
 * const data = await loadWorkReportData(platform, { from: "2025-07-01", to: "2025-07-31" });
 * data.activity.notices.count; // => 10234
 */
export async function loadWorkReportData(
  platform: Pick<Platform, "db">,
  range: Range,
): Promise<WorkReportData> {
  const db = treasuryDb(platform);
  const rows = await db
    .selectFrom("treasury_work_records")
    .select(["id", sql<string>`work_date::text`.as("date"), "work_item", "count", "staff", "note"])
    .where(sql<boolean>`work_date between ${range.from}::date and ${range.to}::date`)
    .orderBy("work_date")
    .orderBy("id")
    .execute();
  const records = rows.map((r) => ({
    id: r.id,
    date: r.date,
    workItemId: r.work_item,
    count: r.count,
    staff: r.staff,
    note: r.note,
  }));
  // One grouped query per source: day → figures.
  const perDay = await sql<{ day: string; metric: string; n: string; yen: string }>`
    select cash_date::text as day, 'notices' as metric, count(*)::text as n, coalesce(sum(amount_yen), 0)::text as yen
      from treasury_notices where cash_date between ${range.from}::date and ${range.to}::date group by cash_date
    union all select payment_date::text, 'paymentOrders', count(*)::text, '0' from treasury_payment_orders
      where payment_date between ${range.from}::date and ${range.to}::date group by payment_date
    union all select transfer_date::text, 'transferApplications', count(*)::text, '0' from treasury_transfer_applications
      where transfer_date between ${range.from}::date and ${range.to}::date group by transfer_date
    union all select due_date::text, 'slipsDue', count(*)::text, '0' from treasury_payment_slips
      where due_date between ${range.from}::date and ${range.to}::date group by due_date
    union all select notified_on::text, 'failedTransfersNotified', count(*)::text, '0' from treasury_failed_transfers
      where notified_on between ${range.from}::date and ${range.to}::date group by notified_on
    union all select notified_on::text, 'failedTransfersOpen', count(*)::text, '0' from treasury_failed_transfers
      where notified_on between ${range.from}::date and ${range.to}::date and status <> 'completed' group by notified_on
    union all select (registered_at at time zone 'Asia/Tokyo')::date::text, 'creditorRegistrations', count(*)::text, '0'
      from treasury_creditor_accounts
      where (registered_at at time zone 'Asia/Tokyo')::date between ${range.from}::date and ${range.to}::date
      group by 1
    union all select entry_date::text, 'stampsReceived', sum(received)::text, '0' from treasury_stamp_entries
      where entry_date between ${range.from}::date and ${range.to}::date group by entry_date
    union all select entry_date::text, 'stampsUsed', sum(used)::text, '0' from treasury_stamp_entries
      where entry_date between ${range.from}::date and ${range.to}::date group by entry_date`.execute(db);
  const days = new Map<string, Record<string, { n: number; yen: number }>>();
  for (const r of perDay.rows) {
    const day = days.get(r.day) ?? {};
    day[r.metric] = { n: Number(r.n), yen: yenFromDb(r.yen) };
    days.set(r.day, day);
  }
  for (const r of records) if (!days.has(r.date)) days.set(r.date, {});
  const activityOf = (m: Record<string, { n: number; yen: number }>): StoredActivity => ({
    notices: { count: m.notices?.n ?? 0, yen: m.notices?.yen ?? 0 },
    paymentOrders: m.paymentOrders?.n ?? 0,
    transferApplications: m.transferApplications?.n ?? 0,
    slipsDue: m.slipsDue?.n ?? 0,
    failedTransfersNotified: m.failedTransfersNotified?.n ?? 0,
    failedTransfersOpen: m.failedTransfersOpen?.n ?? 0,
    creditorRegistrations: m.creditorRegistrations?.n ?? 0,
    stampsReceived: m.stampsReceived?.n ?? 0,
    stampsUsed: m.stampsUsed?.n ?? 0,
  });
  const total: Record<string, { n: number; yen: number }> = {};
  for (const m of days.values())
    for (const [k, v] of Object.entries(m)) {
      const t = total[k] ?? { n: 0, yen: 0 };
      total[k] = { n: t.n + v.n, yen: t.yen + v.yen };
    }
  return {
    ...range,
    records,
    activity: activityOf(total),
    days: [...days.keys()]
      .sort()
      .map((date) => ({ date: date as IsoDate, activity: activityOf(days.get(date) ?? {}) })),
  };
}
