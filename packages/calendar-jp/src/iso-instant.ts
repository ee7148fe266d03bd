import { scanIsoDateTime, scannedOffsetMs } from "./internal/iso-date-time.js";
import { FIXED_OFFSET_FROM_MS, TOKYO_OFFSET_MS } from "./internal/tokyo.js";

/**
 * Epoch milliseconds of an ISO-8601 date-time in the forms luxon's `DateTime.fromISO` reads most
 * often — `YYYY-MM-DDTHH[:mm[:ss[.fff]]]` with `Z`, `±HH`, `±HHmm` or `±HH:mm` — at about a
 * twentieth of its cost and without loading luxon. Without an offset the text is Tokyo wall time
 * (+09:00 from 1952 on; earlier texts, from Japan's summer-time years, are left to luxon).
 *
 * @param text - the date-time
 * @param withoutOffset - `"tokyo"` (default): a text without an offset is Tokyo wall time;
 *   `"refuse"`: it gives `undefined`, for callers that require an offset
 * @returns epoch milliseconds, or `undefined` for any other form or an invalid value: callers may
 *   then ask a full ISO parser (luxon), which gives the same instant for every form read here
 * @example
 * isoInstantMs("2025-07-01T09:00:00+09:00"); // => 1751328000000
 * isoInstantMs("2025-07-01T09:00"); // => 1751328000000 (Tokyo wall time)
 * isoInstantMs("2025-W27-2T09:00"); // => undefined (a week date: ask luxon)
 */
export function isoInstantMs(text: string, withoutOffset: "tokyo" | "refuse" = "tokyo"): number | undefined {
  const wallMs = scanIsoDateTime(text);
  if (Number.isNaN(wallMs)) return undefined;
  const offsetMs = scannedOffsetMs[0] as number;
  if (!Number.isNaN(offsetMs)) return wallMs - offsetMs;
  if (withoutOffset === "refuse") return undefined;
  const epochMs = wallMs - TOKYO_OFFSET_MS;
  return epochMs >= FIXED_OFFSET_FROM_MS ? epochMs : undefined;
}
