import { DateTime } from "luxon";
import type { InstantInput } from "../date-input.js";
import { CalendarError } from "../errors.js";
import { isoInstantMs } from "../iso-instant.js";
import { TOKYO_ZONE, tokyoWallMs } from "./tokyo.js";

function invalid(input: unknown): CalendarError {
  return new CalendarError(
    "INVALID_INSTANT",
    `not a valid instant: ${String(input)} (日時が正しくありません)`,
  );
}

/** Epoch milliseconds of an instant; strings without an offset are Tokyo wall time. */
export function epochMsOf(input: InstantInput): number {
  if (typeof input === "string") {
    const fast = isoInstantMs(input);
    if (fast !== undefined) return fast;
    const parsed = DateTime.fromISO(input, { zone: TOKYO_ZONE });
    if (!parsed.isValid) throw invalid(input);
    return parsed.toMillis();
  }
  if (DateTime.isDateTime(input)) {
    if (!input.isValid) throw invalid(input);
    return input.toMillis();
  }
  if (input instanceof Date && !Number.isNaN(input.getTime())) return input.getTime();
  throw invalid(input);
}

export function wallMsOf(input: InstantInput): number {
  return tokyoWallMs(epochMsOf(input));
}
