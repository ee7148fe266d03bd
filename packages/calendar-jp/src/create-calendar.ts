import { z } from "zod";
import { buildCalendar, type Calendar, type CreateCalendarOptions } from "./calendar.js";
import { calendarPolicySchema } from "./calendar-policy.js";
import { CalendarError } from "./errors.js";

/**
 * Compiles a closed-day policy (JSON data, validated with {@link calendarPolicySchema}) into a calendar.
 * The day table (1900–2150, with prefix sums) is built here, in a few milliseconds.
 *
 * @param policy - the policy; unknown input is validated
 * @param options - `holidays`: a table with run-time changes to the holiday law
 * @returns the calendar
 * @throws {CalendarError} `INVALID_POLICY` when the policy does not validate
 * @example
 * const okinawa = createCalendar({ id: "okinawa", annualClosures: [{ date: "06-23", name: "慰霊の日" }] });
 * isOpenDay(okinawa, "2025-06-23"); // => false
 */
export function createCalendar(policy: unknown, options: CreateCalendarOptions = {}): Calendar {
  const parsed = calendarPolicySchema.safeParse(policy);
  if (!parsed.success) {
    throw new CalendarError("INVALID_POLICY", `invalid calendar policy: ${z.prettifyError(parsed.error)}`, {
      cause: parsed.error,
    });
  }
  return buildCalendar(parsed.data, options);
}
