import { DateTime } from "luxon";
import { FIXED_OFFSET_FROM_MS, TOKYO_OFFSET_MS, TOKYO_ZONE } from "./tokyo.js";

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
