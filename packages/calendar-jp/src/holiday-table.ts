import { z } from "zod";
import { CalendarError } from "./errors.js";
import { parseIsoDay } from "./internal/civil.js";
import {
  buildHolidayTable,
  FIRST_HOLIDAY_YEAR,
  type HolidayTable,
  LAST_SUPPORTED_YEAR,
} from "./internal/holiday-data.js";

export {
  defaultHolidayTable,
  FIRST_HOLIDAY_YEAR,
  type Holiday,
  type HolidayKind,
  type HolidayTable,
  type HolidayTableData,
  holidayTableData,
  LAST_SUPPORTED_YEAR,
  OFFICIAL_THROUGH_YEAR,
  TABLE_END,
  TABLE_START,
} from "./internal/holiday-data.js";

const isoDateSchema = z
  .string()
  .refine((text) => !Number.isNaN(parseIsoDay(text)), "expected a YYYY-MM-DD date");

/** Zod schema of {@link HolidayTableOptions}. */
export const holidayTableOptionsSchema = z
  .object({
    add: z
      .array(
        z
          .object({
            date: isoDateSchema,
            name: z.string().min(1),
            nameEn: z.string().min(1).optional(),
            kind: z.enum(["national", "substitute", "citizens", "special"]).optional(),
          })
          .strict(),
      )
      .optional(),
    remove: z.array(isoDateSchema).optional(),
    officialThrough: z.number().int().min(FIRST_HOLIDAY_YEAR).max(LAST_SUPPORTED_YEAR).optional(),
  })
  .strict();

/**
 * Run-time changes to the holiday law: days added (a 祝日 moved by a late law) or removed.
 * Added 祝日 (kind `national`, the default, or `special`) take part in 振替休日 and 国民の休日.
 */
export type HolidayTableOptions = z.input<typeof holidayTableOptionsSchema>;

/**
 * Builds a holiday table with run-time changes to the law, without touching any global state.
 *
 * @param options - days to add or remove, and the last officially announced year
 * @returns a new immutable table to pass as `{ holidays }` to holiday functions and calendars
 * @throws {CalendarError} `INVALID_HOLIDAYS` when the options are malformed or a date is out of range
 * @example
 * const table = createHolidayTable({ add: [{ date: "2031-07-25", name: "臨時の祝日" }] });
 * isHoliday("2031-07-25", { holidays: table }); // => true
 */
export function createHolidayTable(options: HolidayTableOptions = {}): HolidayTable {
  const parsed = holidayTableOptionsSchema.safeParse(options);
  if (!parsed.success) {
    throw new CalendarError(
      "INVALID_HOLIDAYS",
      `invalid holiday table options: ${z.prettifyError(parsed.error)}`,
    );
  }
  return buildHolidayTable(parsed.data);
}
