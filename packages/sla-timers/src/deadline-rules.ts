import type { IsoDate } from "@ward/calendar-jp";
import { z } from "zod";
import type { CalendarLike, CalendarRegistry } from "./calendar-registry.js";
import { SlaTimersError } from "./errors.js";

const isoDate = z.iso.date();
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "expected HH:mm (00:00–23:59)");
const positiveDays = z.int().min(1).max(36_500);
const monthList = z.array(z.int().min(1).max(12)).min(1).max(12);

/**
 * Where an anchored rule starts counting from: a named event whose date(s) the evaluation context supplies
 * (`{ "event": "contract-end" }`), or a fixed ISO date (`{ "date": "2026-03-31" }`).
 *
 * @example
 * deadlineAnchorSchema.parse({ event: "contract-end" }); // => { event: "contract-end" }
 */
export const deadlineAnchorSchema = z.union([
  z.strictObject({ event: z.string().min(1) }),
  z.strictObject({ date: isoDate }),
]);
/** A rule's anchor: a named event or a fixed date. */
export type DeadlineAnchor = z.infer<typeof deadlineAnchorSchema>;

const common = {
  /** Stable id of the rule (carried into every deadline and into iCalendar UIDs). */
  id: z.string().min(1).optional(),
  /** Human title, e.g. "業務記録報告書". */
  title: z.string().min(1).optional(),
  /** Calendar id; defaults to the evaluation context's calendar. */
  calendar: z.string().min(1).optional(),
};

const dateRule = z.strictObject({
  kind: z.literal("date"),
  ...common,
  date: isoDate,
  closedDay: z.enum(["next", "previous", "keep"]).default("keep"),
});
const lastOpenDayOfMonthRule = z.strictObject({
  kind: z.literal("last-open-day-of-month"),
  ...common,
  months: monthList.optional(),
});
const nthOpenDayOfMonthRule = z.strictObject({
  kind: z.literal("nth-open-day-of-month"),
  ...common,
  n: z
    .int()
    .min(-23)
    .max(23)
    .refine((n) => n !== 0, "n must not be 0"),
  months: monthList.optional(),
});
const dayOfMonthRule = z.strictObject({
  kind: z.literal("day-of-month"),
  ...common,
  day: z.int().min(1).max(31),
  monthOffset: z.int().min(-12).max(12).default(0),
  closedDay: z.enum(["next", "previous", "keep"]).default("next"),
  months: monthList.optional(),
});
const openDaysBeforeRule = z.strictObject({
  kind: z.literal("open-days-before"),
  ...common,
  days: positiveDays,
  anchor: deadlineAnchorSchema,
});
const openDaysAfterRule = z.strictObject({
  kind: z.literal("open-days-after"),
  ...common,
  days: positiveDays,
  anchor: deadlineAnchorSchema,
});
const calendarDaysBeforeRule = z.strictObject({
  kind: z.literal("calendar-days-before"),
  ...common,
  days: positiveDays,
  anchor: deadlineAnchorSchema,
  closedDay: z.enum(["earlier", "later", "keep"]).default("earlier"),
});
const calendarDaysAfterRule = z.strictObject({
  kind: z.literal("calendar-days-after"),
  ...common,
  days: positiveDays,
  anchor: deadlineAnchorSchema,
  startsAtMidnight: z.boolean().default(false),
  closedDay: z.enum(["next", "keep"]).default("next"),
});
const onAnchorRule = z.strictObject({
  kind: z.literal("on-anchor"),
  ...common,
  anchor: deadlineAnchorSchema,
  /** Calendar days from the anchor: 0 = the anchor day itself (…時に), -1 = the day before (…前までに). */
  offsetDays: z.int().min(-36_500).max(36_500).default(0),
  closedDay: z.enum(["next", "previous", "keep"]).default("keep"),
});
const immediatelyRule = z.strictObject({
  kind: z.literal("immediately"),
  ...common,
  anchor: deadlineAnchorSchema.optional(),
});
const everyOpenDayRule = z
  .strictObject({
    kind: z.literal("every-open-day"),
    ...common,
    timesPerDay: z.int().min(1).max(96).optional(),
    times: z.array(hhmm).min(1).max(96).optional(),
  })
  .refine(
    (rule) =>
      rule.times === undefined || rule.timesPerDay === undefined || rule.times.length === rule.timesPerDay,
    { message: "times must list exactly timesPerDay entries", path: ["times"] },
  );
const everyFiscalYearRule = z.strictObject({
  kind: z.literal("every-fiscal-year"),
  ...common,
  month: z.int().min(1).max(12),
  day: z.int().min(1).max(31),
  yearOffset: z.int().min(-5).max(5).default(0),
  closedDay: z.enum(["next", "previous", "keep"]).default("next"),
});

/**
 * A deadline rule as JSON data, discriminated on `kind`. Recurring kinds (`last-open-day-of-month`,
 * `nth-open-day-of-month`, `day-of-month`, `every-open-day`, `every-fiscal-year`) need a range when
 * evaluated; anchored kinds (`open-days-before/after`, `calendar-days-before/after`, `on-anchor`, `immediately`) take
 * their dates from `anchor`. See `README.md` for one JSON example per kind.
 *
 * @example
 * deadlineRuleSchema.parse({ kind: "calendar-days-after", days: 30, anchor: { event: "contract-end" } });
 * // => { kind: "calendar-days-after", days: 30, anchor: { event: "contract-end" }, startsAtMidnight: false, closedDay: "next" }
 */
export const deadlineRuleSchema = z.discriminatedUnion("kind", [
  dateRule,
  lastOpenDayOfMonthRule,
  nthOpenDayOfMonthRule,
  dayOfMonthRule,
  openDaysBeforeRule,
  openDaysAfterRule,
  calendarDaysBeforeRule,
  calendarDaysAfterRule,
  onAnchorRule,
  immediatelyRule,
  everyOpenDayRule,
  everyFiscalYearRule,
]);

/** A parsed deadline rule (defaults filled in). */
export type DeadlineRule = z.output<typeof deadlineRuleSchema>;
/** A deadline rule as written in JSON (defaults may be omitted). */
export type DeadlineRuleInput = z.input<typeof deadlineRuleSchema>;
/** The `kind` of a deadline rule. */
export type DeadlineRuleKind = DeadlineRule["kind"];

/**
 * Parses a deadline rule, filling in defaults.
 *
 * @param input - JSON data
 * @returns the rule
 * @throws SlaTimersError `INVALID_RULE` listing every problem
 * @example
 * parseDeadlineRule({ kind: "open-days-before", days: 2, anchor: { event: "payment" } }).kind; // => "open-days-before"
 */
export function parseDeadlineRule(input: unknown): DeadlineRule {
  const result = deadlineRuleSchema.safeParse(input);
  if (!result.success) {
    throw new SlaTimersError("INVALID_RULE", `invalid deadline rule: ${z.prettifyError(result.error)}`, {
      cause: result.error,
    });
  }
  return result.data;
}

/**
 * Parses a deadline rule without throwing.
 *
 * @param input - JSON data
 * @returns zod's `{ success, data | error }`
 * @example
 * safeParseDeadlineRule({ kind: "nope" }).success; // => false
 */
export function safeParseDeadlineRule(input: unknown): z.ZodSafeParseResult<DeadlineRule> {
  return deadlineRuleSchema.safeParse(input);
}

/** An ISO calendar date `YYYY-MM-DD` (Asia/Tokyo): `@ward/calendar-jp`'s `IsoDate`. */
export type IsoDateString = IsoDate;

/** What {@link evaluateDeadlineRule} needs besides the rule. */
export interface DeadlineRuleContext<C extends CalendarLike = CalendarLike> {
  /** Calendars by id (object or lookup function). */
  readonly calendars: CalendarRegistry<C>;
  /** Calendar id used when the rule names none; optional when the registry object holds exactly one. */
  readonly calendar?: string;
  /** Dates of named anchor events, e.g. `{ "contract-end": "2026-03-31" }`; an array gives one deadline each. */
  readonly anchors?: Readonly<Record<string, IsoDateString | readonly IsoDateString[]>>;
  /** Inclusive range: recurring rules need it; anchored rules keep only deadlines inside it when given. */
  readonly range?: { readonly from: IsoDateString; readonly to: IsoDateString };
}

/** One dated (or, for `immediately`, undated) duty produced by a rule. */
export interface Deadline {
  readonly kind: DeadlineRuleKind;
  readonly ruleId?: string;
  readonly title?: string;
  /** The last day to act, or `null` for an undated `immediately` duty. */
  readonly date: IsoDateString | null;
  /**
   * The date the rule names before a closed day moved it (a report due on the 15th that falls on a Sunday has
   * `nominalDate` 15 and `date` 16); present only when the two differ.
   */
  readonly nominalDate?: IsoDateString;
  /** `HH:mm` for `every-open-day` rules with `times`. */
  readonly time?: string;
  /** 1-based occurrence number within a day (`every-open-day` with several times a day). */
  readonly sequence?: number;
  /** The anchor the deadline was computed from. */
  readonly anchor?: { readonly event?: string; readonly date: IsoDateString };
  /** The day, month or fiscal year a recurring deadline belongs to (inclusive). */
  readonly period?: { readonly start: IsoDateString; readonly end: IsoDateString };
  readonly calendarId: string;
  readonly calendarVersion: string;
}

/** The signature of {@link evaluateDeadlineRule}. */
export type EvaluateDeadlineRule = <C extends CalendarLike>(
  rule: DeadlineRuleInput,
  context: DeadlineRuleContext<C>,
) => Deadline[];
