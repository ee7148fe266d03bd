import { z } from "zod";
import { isIsoDate } from "./date-input.js";
import { hoursOrderIssue, isMonthDay, isTimeOfDay } from "./internal/policy-check.js";

const monthDay = z
  .string()
  .regex(/^\d{2}-\d{2}$/, "expected MM-DD")
  .refine(isMonthDay, "not a day of the year");

const isoDate = z.string().refine(isIsoDate, "expected a YYYY-MM-DD date");

const time = z.string().refine(isTimeOfDay, "expected HH:mm (00:00–24:00)");

const hoursSchema = z
  .object({
    open: time,
    close: time,
    breaks: z.array(z.object({ from: time, to: time }).strict()).optional(),
  })
  .strict()
  .superRefine((hours, ctx) => {
    const issue = hoursOrderIssue(hours);
    if (issue !== undefined) ctx.addIssue({ code: "custom", ...issue });
  });

const dated = z.object({ date: isoDate, name: z.string().min(1) }).strict();

/**
 * Zod schema of a closed-day policy: plain JSON data that `createCalendar` compiles. Embed it in your own
 * schemas to carry a calendar in configuration.
 *
 * @example
 * calendarPolicySchema.parse({ id: "okinawa-pref", annualClosures: [{ date: "06-23", name: "慰霊の日" }] });
 */
export const calendarPolicySchema = z
  .object({
    /** Stable identifier, e.g. `nerima-ward`. */
    id: z.string().min(1),
    /** Display name, e.g. `練馬区の休日`. */
    name: z.string().optional(),
    /** ISO weekdays closed every week, 1 = Monday … 7 = Sunday. Default `[6, 7]`. */
    closedWeekdays: z.array(z.number().int().min(1).max(7)).optional(),
    /** Whether national holidays are closed days. Default `true`. */
    nationalHolidays: z.boolean().optional(),
    /** Year-end closure as `MM-DD` bounds (may wrap the new year). Omitted: `12-29`–`01-03`; `null`: none. */
    yearEnd: z.object({ from: monthDay, to: monthDay }).strict().nullable().optional(),
    /** Days closed every year (地方自治法§4条の2③), e.g. `{ date: "06-23", name: "慰霊の日" }`. */
    annualClosures: z.array(z.object({ date: monthDay, name: z.string().min(1) }).strict()).optional(),
    /** Ad-hoc closed dates. */
    closures: z.array(dated).optional(),
    /** Ad-hoc open dates (休日開庁); they override every closure. */
    openings: z.array(dated).optional(),
    /** Business hours in Asia/Tokyo. Default 09:00–17:00. */
    hours: hoursSchema.optional(),
  })
  .strict();

/** A closed-day policy (JSON data). See {@link calendarPolicySchema}. */
export type CalendarPolicy = z.output<typeof calendarPolicySchema>;

/** Business hours of a calendar, `HH:mm` in Asia/Tokyo. */
export type BusinessHours = NonNullable<CalendarPolicy["hours"]>;

/** A policy with every default filled in and every list sorted: what `calendar.policy` holds. */
export interface NormalizedCalendarPolicy {
  id: string;
  name?: string;
  closedWeekdays: number[];
  nationalHolidays: boolean;
  yearEnd: { from: string; to: string } | null;
  annualClosures: { date: string; name: string }[];
  closures: { date: string; name: string }[];
  openings: { date: string; name: string }[];
  hours: { open: string; close: string; breaks: { from: string; to: string }[] };
}
