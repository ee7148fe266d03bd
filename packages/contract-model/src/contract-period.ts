import type { IsoDate } from "@ward/calendar-jp";
import type { ContractDate } from "./contract-date.js";
import type { Contract } from "./contract-schema.js";
import { addDays } from "./internal/dates.js";

/** A contract's period with the anchors known so far. */
export interface ResolvedPeriod {
  /** First day, or undefined while its event date is unknown. */
  readonly start?: IsoDate;
  readonly end?: IsoDate;
  /** Events whose dates are still needed (e.g. `contract-confirmed`). */
  readonly missing: readonly string[];
}

function resolveDate(
  date: ContractDate,
  anchors: Readonly<Record<string, IsoDate | readonly IsoDate[]>>,
): IsoDate | string[] {
  if (date.kind === "date") return date.date;
  const value = anchors[date.event];
  const first = typeof value === "string" ? value : value?.[0];
  return first === undefined ? [date.event] : addDays(first, date.days);
}

/**
 * Resolves the contract period: fixed dates as they are, relative ones (`契約確定日の翌日`) from the anchor dates
 * given.
 *
 * @param contract - a built contract
 * @param anchors - event dates, e.g. `{ "contract-confirmed": "2026-05-20" }`
 * @returns `{ start?, end?, missing }`
 * @example
 * resolvePeriod(nerimaAiService2026, { "contract-confirmed": "2026-05-20" }); // => { start: "2026-05-21", end: "2027-03-31", missing: [] }
 * resolvePeriod(nerimaAiService2026).missing; // => ["contract-confirmed"]
 */
export function resolvePeriod(
  contract: Pick<Contract, "period">,
  anchors: Readonly<Record<string, IsoDate | readonly IsoDate[]>> = {},
): ResolvedPeriod {
  const start = resolveDate(contract.period.start, anchors);
  const end = resolveDate(contract.period.end, anchors);
  const missing = [...(Array.isArray(start) ? start : []), ...(Array.isArray(end) ? end : [])];
  return {
    ...(typeof start === "string" ? { start } : {}),
    ...(typeof end === "string" ? { end } : {}),
    missing: [...new Set(missing)],
  };
}
