import { TOKYO } from "@ward/calendar-jp";
import { DateTime } from "luxon";
import { SlaTimersError } from "../errors.js";

/** An instant: luxon DateTime, JS Date, ISO date-time string with an offset, or epoch milliseconds. */
export type InstantLike = DateTime | Date | string | number;

const HAS_OFFSET = /(Z|[+-]\d{2}(:?\d{2})?)$/i;

/** Epoch milliseconds of an instant; strings must carry an offset so the host zone never matters. */
export function epochMsOf(input: InstantLike, what = "instant"): number {
  let ms: number;
  if (typeof input === "number") ms = input;
  else if (input instanceof Date) ms = input.getTime();
  else if (typeof input === "string") {
    if (!HAS_OFFSET.test(input.trim())) {
      throw new SlaTimersError("INVALID_INSTANT", `${what} "${input}" needs an offset such as +09:00 or Z`);
    }
    ms = DateTime.fromISO(input.trim(), { setZone: true }).toMillis();
  } else if (DateTime.isDateTime(input)) ms = input.isValid ? input.toMillis() : Number.NaN;
  else ms = Number.NaN;
  if (!Number.isFinite(ms)) {
    throw new SlaTimersError(
      "INVALID_INSTANT",
      `${what} ${JSON.stringify(String(input))} is not a valid instant`,
    );
  }
  return ms;
}

/** The luxon DateTime in Asia/Tokyo of epoch milliseconds. */
export function tokyoDateTime(ms: number): DateTime {
  return DateTime.fromMillis(ms, { zone: TOKYO });
}
