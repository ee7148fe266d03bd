import { DateTime } from "luxon";

/** The one time zone of every time stamp the platform writes. */
export const PLATFORM_ZONE = "Asia/Tokyo";

/** A source of the current instant; injected so tests can move time. */
export type Clock = () => Date;

/** The system clock. */
export const systemClock: Clock = () => new Date();

/**
 * Formats an instant as ISO 8601 in Asia/Tokyo with milliseconds and an explicit `+09:00` offset.
 * Japan has no daylight saving, so these strings sort in time order.
 *
 * @param instant - the instant
 * @returns e.g. `"2025-07-01T09:00:00.000+09:00"`
 * @example
 * ```ts
 * toTokyoIso(new Date("2025-07-01T00:00:00Z")); // "2025-07-01T09:00:00.000+09:00"
 * ```
 */
export function toTokyoIso(instant: Date): string {
  const iso = DateTime.fromJSDate(instant, { zone: PLATFORM_ZONE }).toISO({ includeOffset: true });
  if (iso === null) throw new RangeError(`@ward/platform: invalid instant ${String(instant)}`);
  return iso;
}

/**
 * Formats an instant for Japanese screens: `2025/07/01 09:00:00`.
 *
 * @example
 * ```ts
 * formatTokyo(new Date("2025-07-01T00:00:00Z")); // "2025/07/01 09:00:00"
 * ```
 */
export function formatTokyo(instant: Date | string): string {
  const dt =
    typeof instant === "string"
      ? DateTime.fromISO(instant, { zone: PLATFORM_ZONE })
      : DateTime.fromJSDate(instant, { zone: PLATFORM_ZONE });
  return dt.toFormat("yyyy/LL/dd HH:mm:ss");
}
