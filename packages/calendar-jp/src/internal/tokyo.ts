import { daysFromCivil, MS_PER_DAY } from "./civil.js";

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
export const FIXED_OFFSET_FROM_MS = Date.UTC(1952, 0, 1) - TOKYO_OFFSET_MS;

let tokyoParts: Intl.DateTimeFormat | undefined;

// The tz database through Intl (what luxon itself asks), built only when a pre-1952 instant comes by.
function historicOffsetMs(epochMs: number): number {
  tokyoParts ??= new Intl.DateTimeFormat("en-US", {
    timeZone: TOKYO_ZONE,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  });
  const wall: Record<string, number> = {};
  for (const part of tokyoParts.formatToParts(epochMs)) wall[part.type] = Number(part.value);
  const wallMs =
    daysFromCivil(wall.year as number, wall.month as number, wall.day as number) * MS_PER_DAY +
    (wall.hour as number) * 3_600_000 +
    (wall.minute as number) * 60_000 +
    (wall.second as number) * 1000;
  const flooredMs = epochMs - (((epochMs % 1000) + 1000) % 1000);
  return wallMs - flooredMs;
}

/** Tokyo wall-clock milliseconds (the instant shifted by the Tokyo offset), so that floor(wall / day) is the epoch day. */
export function tokyoWallMs(epochMs: number): number {
  if (epochMs >= FIXED_OFFSET_FROM_MS) return epochMs + TOKYO_OFFSET_MS;
  return epochMs + historicOffsetMs(epochMs);
}

export function tokyoEpochDayOfMs(epochMs: number): number {
  return Math.floor(tokyoWallMs(epochMs) / MS_PER_DAY);
}
