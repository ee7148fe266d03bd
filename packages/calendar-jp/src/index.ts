export { addOpenDays, subtractOpenDays } from "./add-open-days.js";
export {
  addBusinessHours,
  addBusinessMinutes,
  businessMinutesBetween,
  closeOfBusiness,
  isWithinBusinessHours,
  nextBusinessInstant,
  openOfBusiness,
} from "./business-hours.js";
export {
  bankCalendar,
  type Calendar,
  type CreateCalendarOptions,
  nationalCalendar,
  type WardCalendarOptions,
  wardCalendar,
} from "./calendar.js";
export {
  type BusinessHours,
  type CalendarPolicy,
  calendarPolicySchema,
  type NormalizedCalendarPolicy,
} from "./calendar-policy.js";
export { countOpenDays } from "./count-open-days.js";
export { createCalendar } from "./create-calendar.js";
export {
  type DateInput,
  type DateParts,
  epochDayToParts,
  fromEpochDay,
  type InstantInput,
  type IsoDate,
  isIsoDate,
  MS_PER_DAY,
  TOKYO,
  TOKYO_OFFSET_MS,
  toEpochDay,
  toIsoDate,
} from "./date-input.js";
export { daysInMonth } from "./days-in-month.js";
export { CalendarError, type CalendarErrorCode } from "./errors.js";
export {
  closingPeriodRange,
  fiscalYearOf,
  fiscalYearRange,
  formatFiscalYear,
  openFiscalYears,
  parseFiscalYear,
  yearOfFiscalMonth,
} from "./fiscal-year.js";
export {
  createHolidayTable,
  defaultHolidayTable,
  FIRST_HOLIDAY_YEAR,
  type Holiday,
  type HolidayKind,
  type HolidayTable,
  type HolidayTableOptions,
  holidayTableOptionsSchema,
  LAST_SUPPORTED_YEAR,
  OFFICIAL_THROUGH_YEAR,
} from "./holiday-table.js";
export { type HolidayOptions, holidayOn, holidaysBetween, isHoliday } from "./holidays.js";
export { isoInstantMs } from "./iso-instant.js";
export {
  type PeriodBeforeOptions,
  type PeriodEndOptions,
  type PeriodUnit,
  periodBefore,
  periodEnd,
} from "./legal-period.js";
export { firstOpenDayOfMonth, lastOpenDayOfMonth, nthOpenDayOfMonth } from "./month-open-days.js";
export { monthRange } from "./month-range.js";
export {
  type ClosedReason,
  closedReason,
  isOpenDay,
  nextOpenDay,
  type OpenDaySearchOptions,
  previousOpenDay,
} from "./open-days.js";
export type { FieldIssue, WardErrorOptions, WardErrorShape } from "./ward-error.js";
export {
  ERAS,
  type Era,
  type FormatWarekiOptions,
  formatWareki,
  type ParseWarekiOptions,
  parseWareki,
  toWareki,
  type WarekiDate,
  type WarekiStyle,
} from "./wareki.js";
