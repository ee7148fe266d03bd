import { type Calendar, createCalendar } from "@ward/calendar-jp";
import type { Contract } from "./contract-schema.js";

const cache = new WeakMap<object, Calendar>();

/**
 * The contract's working calendar (closed days and hours), compiled with `@ward/calendar-jp` once per
 * contract object.
 *
 * @param contract - a built contract
 * @returns the calendar (its id is the policy's id)
 * @example
 * isOpenDay(contractCalendar(meguroNursery2026), "2026-05-06"); // => false (振替休日)
 */
export function contractCalendar(contract: Pick<Contract, "calendar">): Calendar {
  const key = contract.calendar;
  let calendar = cache.get(key);
  if (calendar === undefined) {
    calendar = createCalendar(contract.calendar.policy);
    cache.set(key, calendar);
  }
  return calendar;
}
