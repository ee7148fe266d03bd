import { isoInstantMs, TOKYO } from "@ward/calendar-jp";
import { DateTime } from "luxon";
import { SlaTimersError } from "../errors.js";

/** An instant: luxon DateTime, JS Date, ISO date-time string with an offset, or epoch milliseconds. */
export type InstantLike = DateTime | Date | string | number;

const HAS_OFFSET = /(Z|[+-]\d{2}(:?\d{2})?)$/i;

// Epoch ms, or NaN. Strings: the fast ISO reader for the usual forms (`…T09:00:00+09:00`, `…Z`),
// luxon (about 15 µs a string) for the rest; a string must carry an offset so the host zone never matters.
function instantMs(input: InstantLike): number {
  if (typeof input === "number") return input;
  if (typeof input === "string") {
    const fast = isoInstantMs(input, "refuse");
    if (fast !== undefined) return fast;
    const text = input.trim();
    if (!HAS_OFFSET.test(text)) return Number.NaN;
    return DateTime.fromISO(text, { setZone: true }).toMillis();
  }
  if (input instanceof Date) return input.getTime();
  if (DateTime.isDateTime(input)) return input.isValid ? input.toMillis() : Number.NaN;
  return Number.NaN;
}

function invalidInstant(input: InstantLike, what: string): SlaTimersError {
  if (typeof input === "string" && !HAS_OFFSET.test(input.trim())) {
    return new SlaTimersError("INVALID_INSTANT", `${what} "${input}" needs an offset such as +09:00 or Z`);
  }
  return new SlaTimersError(
    "INVALID_INSTANT",
    `${what} ${JSON.stringify(String(input))} is not a valid instant`,
  );
}

// The last string given to epochMsOf: a batch passes the same `now` to every evaluation (a memo of a
// pure function; event times go through eventMsOf and never evict it).
let lastText: unknown = Symbol("none");
let lastMs = Number.NaN;

/** Epoch milliseconds of an instant; strings must carry an offset so the host zone never matters. */
export function epochMsOf(input: InstantLike, what = "instant"): number {
  if (input === lastText) return lastMs;
  const ms = instantMs(input);
  if (!Number.isFinite(ms)) throw invalidInstant(input, what);
  if (typeof input === "string") {
    lastText = input;
    lastMs = ms;
  }
  return ms;
}

/** {@link epochMsOf} of event #index's time; the label is built only for an error (hot path). */
export function eventMsOf(input: InstantLike, index: number): number {
  const ms = instantMs(input);
  if (!Number.isFinite(ms)) throw invalidInstant(input, `event #${index} time`);
  return ms;
}

/** The luxon DateTime in Asia/Tokyo of epoch milliseconds. */
export function tokyoDateTime(ms: number): DateTime {
  return DateTime.fromMillis(ms, { zone: TOKYO });
}
