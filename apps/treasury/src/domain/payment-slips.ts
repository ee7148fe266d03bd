import {
  addOpenDays,
  type Calendar,
  fromEpochDay,
  type IsoDate,
  toEpochDay,
  wardCalendar,
} from "@ward/calendar-jp";
import { z } from "zod";

/** A payment slip (払込票) waiting to be collected. */
export interface PaymentSlip {
  readonly id: string;
  /** 支払希望日. */
  readonly desiredPaymentDate: IsoDate;
  /** Yen. */
  readonly amount: number;
}

/** A slip with its due date and urgency. */
export interface ScheduledPaymentSlip<T extends PaymentSlip = PaymentSlip> {
  readonly slip: T;
  /** The last day to collect it: 2 open days before the desired payment date. */
  readonly dueDate: IsoDate;
  /** overdue: due before today; due-today; upcoming: due after today. */
  readonly status: "overdue" | "due-today" | "upcoming";
  /** Due today or already past (急を要する払込票): hand it to the staff right after collecting. */
  readonly urgent: boolean;
}

/** Options of {@link schedulePaymentSlips}. */
export interface SchedulePaymentSlipsOptions {
  /** Today (ISO, Asia/Tokyo). */
  readonly today: IsoDate;
  /** Which slips: all of them (default), those due today or past ("today"), or due by the end of this ISO week (Sunday). */
  readonly scope?: "all" | "today" | "week";
  /** The ward calendar; `wardCalendar()` by default. */
  readonly calendar?: Calendar;
}

const slipSchema = z.object({
  id: z.string().min(1),
  desiredPaymentDate: z.iso.date(),
  amount: z.number().int(),
});
const optionsSchema = z.object({ today: z.iso.date(), scope: z.enum(["all", "today", "week"]).optional() });

/**
 * The due date of a payment slip (仕様書 第5-2-(5): 支払希望日の2営業日前までに集計): the second
 * open day before the desired payment date on the ward calendar.
 *
 * @param desiredPaymentDate - 支払希望日 (ISO)
 * @param calendar - the ward calendar; `wardCalendar()` by default
 * @returns the due date
 * @example
 * paymentSlipDueDate("2026-01-06"); // => "2025-12-26" (12/29–1/3 and the weekend closed)
 */
export function paymentSlipDueDate(
  desiredPaymentDate: IsoDate,
  calendar: Calendar = wardCalendar(),
): IsoDate {
  return addOpenDays(calendar, z.iso.date().parse(desiredPaymentDate), -2);
}

/**
 * Gives each payment slip its due date and urgency and selects the clerk's list: all, due today
 * (including overdue), or due this week (ISO week of today, Monday–Sunday, including overdue).
 * Sorted by due date, then desired date, then id.
 *
 * @param slips - the slips
 * @param options - `today`, `scope` ("all"), `calendar`
 * @returns the scheduled slips
 * @example
 * schedulePaymentSlips([{ id: "1", desiredPaymentDate: "2025-07-10", amount: 5000 }], { today: "2025-07-08", scope: "today" });
 * // => [{ slip: …, dueDate: "2025-07-08", status: "due-today", urgent: true }]
 */
export function schedulePaymentSlips<T extends PaymentSlip>(
  slips: readonly T[],
  options: SchedulePaymentSlipsOptions,
): ScheduledPaymentSlip<T>[] {
  const opts = optionsSchema.parse(options);
  const calendar = options.calendar ?? wardCalendar();
  const today = opts.today;
  const todayDay = toEpochDay(today);
  // 1970-01-01 was a Thursday: (epochDay + 3) % 7 is 0 on Mondays.
  const sunday = fromEpochDay(todayDay + (6 - ((((todayDay + 3) % 7) + 7) % 7)));
  const scope = opts.scope ?? "all";
  const out: ScheduledPaymentSlip<T>[] = [];
  for (const slip of slips) {
    slipSchema.parse(slip);
    const dueDate = paymentSlipDueDate(slip.desiredPaymentDate, calendar);
    if (scope === "today" && dueDate > today) continue;
    if (scope === "week" && dueDate > sunday) continue;
    const status = dueDate < today ? "overdue" : dueDate === today ? "due-today" : "upcoming";
    out.push({ slip, dueDate, status, urgent: status !== "upcoming" });
  }
  return out.sort(
    (a, b) =>
      a.dueDate.localeCompare(b.dueDate) ||
      a.slip.desiredPaymentDate.localeCompare(b.slip.desiredPaymentDate) ||
      (a.slip.id < b.slip.id ? -1 : a.slip.id > b.slip.id ? 1 : 0),
  );
}
