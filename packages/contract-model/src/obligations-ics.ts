import { type ICalendarEntry, toICalendar } from "@ward/sla-timers";
import type { ContractObligation } from "./obligations.js";

/** Options of {@link obligationsToICalendar}. */
export interface ObligationsICalendarOptions {
  /** Calendar name (`X-WR-CALNAME`). */
  readonly name?: string;
  /** `DTSTAMP`; pass it for reproducible output. */
  readonly now?: string | number | Date;
}

/**
 * Dated obligations as an RFC 5545 iCalendar stream, through `@ward/sla-timers`' `toICalendar`: all-day
 * events (a work window on its first day, its span in the description), timed ones at their `time` in Asia/Tokyo; stable UIDs from the
 * obligation ids. Undated, unresolved and policy entries are left out.
 *
 * @param items - obligations
 * @param options - `name`, `now`
 * @returns the `.ics` text
 * @example
 * obligationsToICalendar(list, { name: "保育所運営費等事務業務委託", now: "2026-04-01T00:00:00Z" });
 * // => "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n…"
 */
export function obligationsToICalendar(
  items: readonly ContractObligation[],
  options: ObligationsICalendarOptions = {},
): string {
  const entries: ICalendarEntry[] = items.flatMap((o): ICalendarEntry[] => {
    if (o.status !== "dated" || o.date === null) return [];
    const span = o.window === undefined ? undefined : `期間: ${o.window.start}～${o.window.end}`;
    const description = [o.dueText, o.ruleText, span, `根拠: ${o.source.section}`].filter(Boolean).join("\n");
    const base = {
      uid: `${o.contractId}.${o.id.replace(/[^A-Za-z0-9.-]/g, "-")}@contract-model.ward`,
      summary: o.title,
      description,
      categories: [o.category],
    };
    if (o.time !== undefined) return [{ ...base, start: `${o.date}T${o.time}:00+09:00` }];
    return [{ ...base, date: o.date }];
  });
  return toICalendar(entries, {
    prodId: "-//ward//contract-model//JA",
    ...(options.name === undefined ? {} : { name: options.name }),
    ...(options.now === undefined ? {} : { now: options.now }),
  });
}
