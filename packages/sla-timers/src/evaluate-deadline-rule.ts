import {
  addOpenDays,
  type Calendar,
  daysInMonth,
  epochDayToParts,
  fiscalYearOf,
  fiscalYearRange,
  fromEpochDay,
  isIsoDate,
  isOpenDay,
  lastOpenDayOfMonth,
  monthRange,
  nextOpenDay,
  nthOpenDayOfMonth,
  periodBefore,
  periodEnd,
  previousOpenDay,
  toEpochDay,
  toIsoDate,
  yearOfFiscalMonth,
} from "@ward/calendar-jp";
import { resolveCalendar } from "./calendar-registry.js";
import {
  type Deadline,
  type DeadlineRule,
  type DeadlineRuleContext,
  type DeadlineRuleInput,
  type IsoDateString,
  parseDeadlineRule,
} from "./deadline-rules.js";
import { SlaTimersError } from "./errors.js";

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function pickCalendar(rule: DeadlineRule, context: DeadlineRuleContext<Calendar>): Calendar {
  const id = rule.calendar ?? context.calendar;
  if (id !== undefined) return resolveCalendar(context.calendars, id);
  if (typeof context.calendars !== "function") {
    const ids = Object.keys(context.calendars);
    if (ids.length === 1 && ids[0] !== undefined) return resolveCalendar(context.calendars, ids[0]);
  }
  throw new SlaTimersError(
    "UNKNOWN_CALENDAR",
    "no calendar chosen: name one in the rule (`calendar`) or in the context (`calendar`)",
  );
}

function checkRange(range: DeadlineRuleContext["range"]): { from: number; to: number } | undefined {
  if (range === undefined) return undefined;
  const from = isIsoDate(range.from) ? toEpochDay(range.from) : Number.NaN;
  const to = isIsoDate(range.to) ? toEpochDay(range.to) : Number.NaN;
  if (!(from <= to)) {
    throw new SlaTimersError(
      "INVALID_RANGE",
      `invalid range ${JSON.stringify(range)}: expected ISO dates with from <= to`,
    );
  }
  return { from, to };
}

function anchorDates(
  anchor: DeadlineRule extends infer R ? (R extends { anchor?: infer A } ? A : never) : never,
  context: DeadlineRuleContext,
): { event?: string; date: IsoDateString }[] {
  if (anchor === undefined) return [];
  if ("date" in anchor) return [{ date: anchor.date }];
  const value = context.anchors?.[anchor.event];
  if (value === undefined) {
    throw new SlaTimersError("MISSING_ANCHOR", `no date given for anchor event "${anchor.event}"`);
  }
  const dates = typeof value === "string" ? [value] : value;
  return dates.map((date) => {
    if (!isIsoDate(date)) {
      throw new SlaTimersError(
        "MISSING_ANCHOR",
        `anchor event "${anchor.event}" has an invalid date "${date}"`,
      );
    }
    return { event: anchor.event, date };
  });
}

function adjust(
  calendar: Calendar,
  date: IsoDateString,
  closedDay: "next" | "previous" | "keep",
): IsoDateString {
  if (closedDay === "keep") return date;
  return closedDay === "next"
    ? nextOpenDay(calendar, date, { inclusive: true })
    : previousOpenDay(calendar, date, { inclusive: true });
}

function monthsOverlapping(range: { from: number; to: number }): { year: number; month: number }[] {
  const start = epochDayToParts(range.from);
  const end = epochDayToParts(range.to);
  const months: { year: number; month: number }[] = [];
  for (let index = start.year * 12 + start.month - 1; index <= end.year * 12 + end.month - 1; index++) {
    months.push({ year: Math.floor(index / 12), month: (index % 12) + 1 });
  }
  return months;
}

function monthPeriod(year: number, month: number): { start: IsoDateString; end: IsoDateString } {
  const { from, to } = monthRange(year, month);
  return { start: from, end: to };
}

function shiftMonth(year: number, month: number, offset: number): { year: number; month: number } {
  const index = year * 12 + month - 1 + offset;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

function requireRange(rule: DeadlineRule, range: { from: number; to: number } | undefined) {
  if (range === undefined) {
    throw new SlaTimersError("MISSING_RANGE", `a "${rule.kind}" rule recurs, so evaluating it needs a range`);
  }
  return range;
}

/**
 * Evaluates one deadline rule to dated (or, for `immediately`, undated) deadlines, using the closed days
 * and legal-period rules of `@ward/calendar-jp`.
 *
 * @param rule - a deadline rule (JSON data; parsed with {@link deadlineRuleSchema})
 * @param context - calendars, the calendar to use, anchor event dates and an inclusive range
 * @returns the deadlines, sorted by date
 * @throws SlaTimersError `INVALID_RULE`, `UNKNOWN_CALENDAR`, `MISSING_ANCHOR`, `MISSING_RANGE`, `INVALID_RANGE`
 * @example
 * evaluateDeadlineRule(
 *   { kind: "day-of-month", day: 15, monthOffset: 1, title: "業務記録報告書" },
 *   { calendars: { ward: wardCalendar({ id: "ward" }) }, range: { from: "2025-12-01", to: "2025-12-31" } },
 * ).map((d) => d.date); // => ["2026-01-15"]
 */
export function evaluateDeadlineRule(
  ruleInput: DeadlineRuleInput,
  context: DeadlineRuleContext<Calendar>,
): Deadline[] {
  const rule = parseDeadlineRule(ruleInput);
  const calendar = pickCalendar(rule, context);
  const range = checkRange(context.range);
  const base: Mutable<Partial<Deadline>> & Pick<Deadline, "kind" | "calendarId" | "calendarVersion"> = {
    kind: rule.kind,
    calendarId: calendar.id,
    calendarVersion: calendar.version,
  };
  if (rule.id !== undefined) base.ruleId = rule.id;
  if (rule.title !== undefined) base.title = rule.title;
  const out: Deadline[] = [];
  const inRange = (date: IsoDateString): boolean => {
    if (range === undefined) return true;
    const day = toEpochDay(date);
    return day >= range.from && day <= range.to;
  };
  // `nominal` is the date before any closed-day move; it is kept beside `date` when the two differ.
  const dated = (date: IsoDateString, nominal: IsoDateString | undefined) =>
    nominal === undefined || nominal === date ? { ...base, date } : { ...base, date, nominalDate: nominal };
  const emitAnchored = (
    compute: (date: IsoDateString) => IsoDateString,
    anchor: DeadlineRule,
    nominalOf?: (date: IsoDateString) => IsoDateString,
  ) => {
    if (!("anchor" in anchor)) return;
    for (const a of anchorDates(anchor.anchor, context)) {
      const date = compute(a.date);
      if (inRange(date)) out.push({ ...dated(date, nominalOf?.(a.date)), anchor: a });
    }
  };

  switch (rule.kind) {
    case "date": {
      const date = adjust(calendar, rule.date, rule.closedDay);
      if (inRange(date)) out.push(dated(date, rule.date));
      break;
    }
    case "on-anchor": {
      const shift = (date: IsoDateString) => fromEpochDay(toEpochDay(date) + rule.offsetDays);
      emitAnchored((date) => adjust(calendar, shift(date), rule.closedDay), rule, shift);
      break;
    }
    case "open-days-before":
      emitAnchored((date) => addOpenDays(calendar, date, -rule.days), rule);
      break;
    case "open-days-after":
      emitAnchored((date) => addOpenDays(calendar, date, rule.days), rule);
      break;
    case "calendar-days-before":
      emitAnchored(
        (date) =>
          periodBefore({
            reference: date,
            amount: rule.days,
            unit: "day",
            calendar,
            closedDay: rule.closedDay,
          }),
        rule,
        (date) => periodBefore({ reference: date, amount: rule.days, unit: "day" }),
      );
      break;
    case "calendar-days-after":
      emitAnchored(
        (date) =>
          periodEnd({
            start: date,
            amount: rule.days,
            unit: "day",
            startsAtMidnight: rule.startsAtMidnight,
            ...(rule.closedDay === "next" ? { calendar } : {}),
          }),
        rule,
        (date) =>
          periodEnd({ start: date, amount: rule.days, unit: "day", startsAtMidnight: rule.startsAtMidnight }),
      );
      break;
    case "immediately": {
      const anchors = anchorDates(rule.anchor, context);
      if (anchors.length === 0) out.push({ ...base, date: null });
      for (const a of anchors) if (inRange(a.date)) out.push({ ...base, date: null, anchor: a });
      break;
    }
    case "last-open-day-of-month":
    case "nth-open-day-of-month":
    case "day-of-month":
      for (const { year, month } of monthsOverlapping(requireRange(rule, range))) {
        if (rule.months !== undefined && !rule.months.includes(month)) continue;
        let date: IsoDateString;
        let nominal: IsoDateString | undefined;
        if (rule.kind === "last-open-day-of-month") date = lastOpenDayOfMonth(calendar, year, month);
        else if (rule.kind === "nth-open-day-of-month")
          date = nthOpenDayOfMonth(calendar, year, month, rule.n);
        else {
          const target = shiftMonth(year, month, rule.monthOffset);
          const day = Math.min(rule.day, daysInMonth(target.year, target.month));
          nominal = toIsoDate({ ...target, day });
          date = adjust(calendar, nominal, rule.closedDay);
        }
        out.push({ ...dated(date, nominal), period: monthPeriod(year, month) });
      }
      break;
    case "every-fiscal-year": {
      const r = requireRange(rule, range);
      const lastFy = fiscalYearOf(fromEpochDay(r.to));
      for (let fy = fiscalYearOf(fromEpochDay(r.from)); fy <= lastFy; fy++) {
        const year = yearOfFiscalMonth(fy + rule.yearOffset, rule.month);
        const day = Math.min(rule.day, daysInMonth(year, rule.month));
        const nominal = toIsoDate({ year, month: rule.month, day });
        const date = adjust(calendar, nominal, rule.closedDay);
        out.push({ ...dated(date, nominal), period: fiscalYearRange(fy) });
      }
      break;
    }
    case "every-open-day": {
      const r = requireRange(rule, range);
      const count = rule.times?.length ?? rule.timesPerDay ?? 1;
      for (let day = r.from; day <= r.to; day++) {
        const date = fromEpochDay(day);
        if (!isOpenDay(calendar, date)) continue;
        const period = { start: date, end: date };
        if (count === 1 && rule.times === undefined) {
          out.push({ ...base, date, period });
          continue;
        }
        for (let sequence = 1; sequence <= count; sequence++) {
          const time = rule.times?.[sequence - 1];
          out.push({ ...base, date, period, sequence, ...(time === undefined ? {} : { time }) });
        }
      }
      break;
    }
  }
  return sortDeadlines(out);
}

function sortDeadlines(deadlines: Deadline[]): Deadline[] {
  return deadlines.sort((a, b) => {
    if (a.date === b.date) return (a.time ?? "").localeCompare(b.time ?? "");
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? -1 : 1;
  });
}

/**
 * Evaluates several rules with one context and merges the deadlines by date (undated ones last).
 *
 * @param rules - deadline rules (JSON data)
 * @param context - see {@link evaluateDeadlineRule}
 * @returns all deadlines, sorted by date then time
 * @throws SlaTimersError as {@link evaluateDeadlineRule}
 * @example
 * evaluateDeadlineRules(
 *   [{ kind: "last-open-day-of-month" }, { kind: "immediately", title: "事故報告" }],
 *   { calendars: { ward }, range: { from: "2025-05-01", to: "2025-05-31" } },
 * ).map((d) => d.date); // => ["2025-05-30", null]
 */
export function evaluateDeadlineRules(
  rules: readonly DeadlineRuleInput[],
  context: DeadlineRuleContext<Calendar>,
): Deadline[] {
  return sortDeadlines(rules.flatMap((rule) => evaluateDeadlineRule(rule, context)));
}
