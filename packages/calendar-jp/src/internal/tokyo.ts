import { DateTime } from "luxon";
import { MS_PER_DAY } from "./civil.js";

export const TOKYO_ZONE = "Asia/Tokyo";
/**
 * Asia/Tokyo's UTC offset in milliseconds (+09:00), fixed since 1952 (Japan has had no summer time since
 * 1951-09-09), so `Math.floor((epochMs + TOKYO_OFFSET_MS) / MS_PER_DAY)` is the Tokyo epoch day of an
 * instant from 1952 on. For earlier instants use `toEpochDay`, which asks the tz database.
 *
 * @example
 * Math.floor((Date.parse("2025-06-30T15:00:00Z") + TOKYO_OFFSET_MS) / MS_PER_DAY); // => 20270 ("2025-07-01")
 */
export const TOKYO_OFFSET_MS = 9 * 3_600_000;
// Japan has kept +09:00 without summer time since 1951-09-09; before 1952 ask the tz database.
const FIXED_OFFSET_FROM_MS = Date.UTC(1952, 0, 1) - TOKYO_OFFSET_MS;

/** Tokyo wall-clock milliseconds (the instant shifted by the Tokyo offset), so that floor(wall / day) is the epoch day. */
export function tokyoWallMs(epochMs: number): number {
  if (epochMs >= FIXED_OFFSET_FROM_MS) return epochMs + TOKYO_OFFSET_MS;
  const offsetMinutes = DateTime.fromMillis(epochMs, { zone: TOKYO_ZONE }).offset;
  return epochMs + offsetMinutes * 60_000;
}

export function tokyoEpochDayOfMs(epochMs: number): number {
  return Math.floor(tokyoWallMs(epochMs) / MS_PER_DAY);
}

/** The DateTime in Asia/Tokyo whose wall clock reads `wallMs`. */
export function dateTimeFromWallMs(wallMs: number): DateTime {
  if (wallMs - TOKYO_OFFSET_MS >= FIXED_OFFSET_FROM_MS) {
    return DateTime.fromMillis(wallMs - TOKYO_OFFSET_MS, { zone: TOKYO_ZONE });
  }
  const wall = DateTime.fromMillis(wallMs, { zone: "utc" });
  return DateTime.fromObject(
    {
      year: wall.year,
      month: wall.month,
      day: wall.day,
      hour: wall.hour,
      minute: wall.minute,
      second: wall.second,
      millisecond: wall.millisecond,
    },
    { zone: TOKYO_ZONE },
  );
}
