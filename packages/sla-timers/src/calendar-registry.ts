import { SlaTimersError } from "./errors.js";

/**
 * The structural view of `@ward/calendar-jp`'s `Calendar` that this package needs for lookups
 * (any calendar from `createCalendar`, `wardCalendar`, … fits).
 */
export interface CalendarLike {
  readonly id: string;
  readonly version: string;
}

/**
 * Calendars by id: a plain object `{ [id]: Calendar }` or a lookup function.
 *
 * @example
 * const registry: CalendarRegistry<Calendar> = { "nerima-ward": wardCalendar({ id: "nerima-ward" }) };
 */
export type CalendarRegistry<C extends CalendarLike = CalendarLike> =
  | Readonly<Record<string, C>>
  | ((id: string) => C | undefined);

/**
 * Looks a calendar up by id.
 *
 * @param registry - an object of calendars by id, or a lookup function
 * @param id - the calendar id a policy or rule names
 * @returns the calendar
 * @throws SlaTimersError `UNKNOWN_CALENDAR` when nothing has that id
 * @example
 * resolveCalendar({ ward: calendar }, "ward") === calendar; // => true
 */
export function resolveCalendar<C extends CalendarLike>(registry: CalendarRegistry<C>, id: string): C {
  const found =
    typeof registry === "function" ? registry(id) : Object.hasOwn(registry, id) ? registry[id] : undefined;
  if (found === undefined) {
    const known =
      typeof registry === "function" ? "" : ` (known: ${Object.keys(registry).join(", ") || "none"})`;
    throw new SlaTimersError("UNKNOWN_CALENDAR", `unknown calendar "${id}"${known}`);
  }
  return found;
}
