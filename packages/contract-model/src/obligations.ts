import {
  CalendarError,
  monthRange as calendarMonthRange,
  closingPeriodRange,
  fiscalYearRange,
  type IsoDate,
} from "@ward/calendar-jp";
import { type Deadline, evaluateDeadlineRule } from "@ward/sla-timers";
import { z } from "zod";
import { contractCalendar } from "./contract-calendar.js";
import { resolvePeriod } from "./contract-period.js";
import { BUILT_IN_EVENTS, type Contract } from "./contract-schema.js";
import { describeDueRule } from "./describe-due-rule.js";
import { isRecurringRule } from "./due-rule.js";
import { ContractModelError } from "./errors.js";
import { clauseDutiesOf, clauseEventLabels, mergeClauseDuties } from "./internal/clause-duties.js";
import { addDays, isoOf, lastDayOfMonth, maxIso, minIso } from "./internal/dates.js";
import { anchorEventOf, type Duty, dutiesOf, type ObligationCategory } from "./internal/duties.js";
import type { SourceRef } from "./source-ref.js";
import type { WorkWindow } from "./work-item.js";

export type { ObligationCategory } from "./internal/duties.js";

/**
 * `dated`: due on `date`; `undated`: a standing duty with no date (直ちに after an event that has not
 * happened, 適宜, 事前に); `unresolved`: needs an anchor date not given yet (`missingAnchors`); `policy`: a
 * service-level policy (問い合わせ対応) measured per case with `@ward/sla-timers`' timers.
 */
export type ObligationStatus = "dated" | "undated" | "unresolved" | "policy";

/** One obligation of a contract. */
export interface ContractObligation {
  /** Stable id: item id, date, time, sequence. */
  readonly id: string;
  readonly contractId: string;
  /** Id of the deliverable, notice, work item or SLA policy it comes from. */
  readonly itemId: string;
  readonly category: ObligationCategory;
  readonly title: string;
  readonly status: ObligationStatus;
  /** Last day to act (or first day of a window); `null` unless `status` is `dated`. */
  readonly date: IsoDate | null;
  /** `HH:mm` for duties at set times of day. */
  readonly time?: string;
  /** 1-based occurrence within a day. */
  readonly sequence?: number;
  /** The date before a closed day moved it (e.g. 2026-11-15, a Sunday, for a report due 2026-11-16). */
  readonly nominalDate?: IsoDate;
  /** The month (or day, fiscal year) a recurring duty is for; the full yearly window for a work window. */
  readonly period?: { readonly start: IsoDate; readonly end: IsoDate };
  /** A work window inside the contract period. */
  readonly window?: { readonly start: IsoDate; readonly end: IsoDate };
  /** The anchor event and its date. */
  readonly anchor?: { readonly event?: string; readonly date: IsoDate };
  /** Anchor events whose dates are needed (status `unresolved`). */
  readonly missingAnchors?: readonly string[];
  /** The due wording of the specification. */
  readonly dueText: string;
  /** How the rule computes the date, in Japanese. */
  readonly ruleText?: string;
  readonly interpretation?: string;
  /** When the duty applies at all, e.g. 次期受託者が他の事業者に変更となる場合, 事故等が生じた場合. */
  readonly condition?: string;
  /** For a clause duty, the `@ward/security-clauses` evidence document it produces. */
  readonly evidence?: string;
  readonly source: SourceRef;
}

const isoDate = z.iso.date();
/**
 * Options of {@link obligations}: the inclusive `range`, anchor event dates, which categories, whether to list
 * undated / unresolved / policy entries (default true).
 *
 * @example
 * obligationsOptionsSchema.parse({ range: { from: "2026-05-01", to: "2026-05-31" } });
 */
export const obligationsOptionsSchema = z.strictObject({
  range: z
    .strictObject({ from: isoDate, to: isoDate })
    .refine((r) => r.from <= r.to, { message: "range.from must not be after range.to" }),
  anchors: z.record(z.string(), z.union([isoDate, z.array(isoDate)])).default({}),
  categories: z.array(z.string()).optional(),
  includeUndated: z.boolean().default(true),
});
/** Options of {@link obligations}. */
export type ObligationsOptions = z.input<typeof obligationsOptionsSchema>;

function windowOccurrences(
  window: WorkWindow,
  fiscalYear: number,
  bounds: { start: IsoDate; end: IsoDate },
): { nominal: { start: IsoDate; end: IsoDate }; start: IsoDate; end: IsoDate }[] {
  const clip = (nominal: { start: IsoDate; end: IsoDate }) => {
    const start = maxIso(nominal.start, bounds.start);
    const end = minIso(nominal.end, bounds.end);
    return start <= end ? [{ nominal, start, end }] : [];
  };
  if ("closingPeriod" in window) return clip(closingPeriodRange(fiscalYear - 1));
  const result: ReturnType<typeof windowOccurrences> = [];
  const firstYear = Number(bounds.start.slice(0, 4)) - 1;
  const lastYear = Number(bounds.end.slice(0, 4));
  for (let y = firstYear; y <= lastYear; y++) {
    const start = isoOf(y, window.fromMonth, 1);
    if (window.openEnded) {
      if (start >= bounds.start && start <= bounds.end) result.push(...clip({ start, end: bounds.end }));
      continue;
    }
    const endYear = window.toMonth < window.fromMonth ? y + 1 : y;
    result.push(...clip({ start, end: lastDayOfMonth(endYear, window.toMonth) }));
  }
  return result;
}

const STATUS_ORDER: Record<ObligationStatus, number> = { dated: 0, undated: 1, unresolved: 2, policy: 3 };

function compareObligations(a: ContractObligation, b: ContractObligation): number {
  return (
    STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
    (a.date ?? "").localeCompare(b.date ?? "") ||
    (a.time ?? "").localeCompare(b.time ?? "") ||
    (a.sequence ?? 0) - (b.sequence ?? 0) ||
    a.itemId.localeCompare(b.itemId)
  );
}

/**
 * Every obligation of a contract over an inclusive date range, closed days applied by the contract's
 * calendar: recurring duties (daily reports, monthly reports, the last open day's payment advices) due inside
 * the range, event-driven duties whose anchor dates are given, the work windows that overlap the range, and —
 * unless `includeUndated: false` — the undated, unresolved (anchor date unknown) and SLA-policy duties.
 * `contract-start` and `contract-end` come from the period; relative starts need their event in `anchors`.
 *
 * @param contract - a built contract
 * @param options - `range`, `anchors`, `categories`, `includeUndated`
 * @returns the obligations, dated ones first in date order
 * @throws {ContractModelError} `INVALID_OPTIONS`
 * @example
 * obligations(meguroNursery2026, { range: { from: "2026-11-01", to: "2026-11-30" }, includeUndated: false })
 *   .find((o) => o.itemId === "work-record-report");
 * // => { date: "2026-11-16", nominalDate: "2026-11-15", period: { start: "2026-10-01", end: "2026-10-31" }, … }
 */
export function obligations(contract: Contract, options: ObligationsOptions): ContractObligation[] {
  const parsed = obligationsOptionsSchema.safeParse(options);
  if (!parsed.success) {
    throw new ContractModelError("INVALID_OPTIONS", `invalid options: ${z.prettifyError(parsed.error)}`, {
      cause: parsed.error,
    });
  }
  const { range, anchors: given, categories, includeUndated } = parsed.data;
  const calendar = contractCalendar(contract);
  const period = resolvePeriod(contract, given);
  const anchors: Record<string, IsoDate | IsoDate[]> = {
    ...(period.start === undefined ? {} : { "contract-start": period.start }),
    ...(period.end === undefined ? {} : { "contract-end": period.end }),
    ...given,
  };
  const labels: Record<string, string> = {
    ...clauseEventLabels(),
    ...BUILT_IN_EVENTS,
    ...Object.fromEntries(contract.events.map((e) => [e.name, e.label])),
  };
  const wanted = (category: ObligationCategory): boolean =>
    categories === undefined || categories.includes(category);
  const context = { calendars: { [calendar.id]: calendar }, calendar: calendar.id };
  const out: ContractObligation[] = [];

  const base = (duty: Duty) => ({
    contractId: contract.id,
    itemId: duty.itemId,
    category: duty.category,
    title: duty.title,
    dueText: duty.dueText,
    ...(duty.rule === undefined ? {} : { ruleText: duty.ruleText ?? describeDueRule(duty.rule, labels) }),
    ...(duty.interpretation === undefined ? {} : { interpretation: duty.interpretation }),
    ...(duty.condition === undefined ? {} : { condition: duty.condition }),
    ...(duty.evidence === undefined ? {} : { evidence: duty.evidence }),
    source: duty.source,
  });
  const unresolved = (duty: Duty, missing: readonly string[]): void => {
    if (includeUndated) {
      out.push({
        ...base(duty),
        id: `${duty.itemId}@unresolved`,
        status: "unresolved",
        date: null,
        missingAnchors: missing,
      });
    }
  };
  const fromDeadline = (duty: Duty, d: Deadline): ContractObligation => {
    const key = `${d.date ?? d.anchor?.date ?? "undated"}${d.time === undefined ? "" : `T${d.time}`}${d.sequence === undefined ? "" : `#${d.sequence}`}`;
    return {
      ...base(duty),
      id: `${duty.itemId}@${key}`,
      status: d.date === null ? "undated" : "dated",
      date: d.date,
      ...(d.time === undefined ? {} : { time: d.time }),
      ...(d.sequence === undefined ? {} : { sequence: d.sequence }),
      ...(d.nominalDate === undefined ? {} : { nominalDate: d.nominalDate }),
      ...(d.period === undefined ? {} : { period: d.period }),
      ...(d.anchor === undefined ? {} : { anchor: d.anchor }),
    };
  };

  for (const duty of mergeClauseDuties(dutiesOf(contract), clauseDutiesOf(contract))) {
    if (!wanted(duty.category)) continue;
    const rule = duty.rule;
    if (rule === undefined) {
      if (includeUndated)
        out.push({ ...base(duty), id: `${duty.itemId}@undated`, status: "undated", date: null });
      continue;
    }
    if (isRecurringRule(rule)) {
      if (period.start === undefined || period.end === undefined) {
        unresolved(duty, period.missing);
        continue;
      }
      // Reports for earlier months may fall due inside the range, so look back a year and filter by due date.
      const from = maxIso(
        period.start,
        rule.kind === "every-open-day" ? range.from : addDays(range.from, -400),
      );
      const to = minIso(period.end, range.to);
      if (from > to) continue;
      for (const d of evaluateDeadlineRule(rule, { ...context, range: { from, to } })) {
        if (d.date !== null && d.date >= range.from && d.date <= range.to) out.push(fromDeadline(duty, d));
      }
      continue;
    }
    const event = anchorEventOf(rule);
    if (event !== undefined && anchors[event] === undefined) {
      unresolved(duty, event === "contract-start" || event === "contract-end" ? period.missing : [event]);
      continue;
    }
    for (const d of evaluateDeadlineRule(rule, { ...context, anchors, range })) {
      if (d.date === null && !includeUndated) continue;
      out.push(fromDeadline(duty, d));
    }
  }

  if (wanted("work-window")) {
    const fy = fiscalYearRange(contract.fiscalYear);
    const bounds = { start: period.start ?? fy.start, end: period.end ?? fy.end };
    for (const item of contract.workItems) {
      for (const window of item.windows) {
        for (const o of windowOccurrences(window, contract.fiscalYear, bounds)) {
          if (o.end < range.from || o.start > range.to) continue;
          out.push({
            id: `${item.id}@${o.start}/${o.end}`,
            contractId: contract.id,
            itemId: item.id,
            category: "work-window",
            title: item.title.includes(window.label) ? item.title : `${item.title}（${window.label}）`,
            status: "dated",
            date: o.start,
            period: o.nominal,
            window: { start: o.start, end: o.end },
            dueText: window.label,
            source: item.source,
          });
        }
      }
    }
  }

  if (includeUndated && wanted("sla")) {
    for (const sla of contract.slaPolicies) {
      out.push({
        id: `${sla.policy.id}@policy`,
        contractId: contract.id,
        itemId: sla.policy.id,
        category: "sla",
        title: sla.policy.name ?? sla.policy.id,
        status: "policy",
        date: null,
        dueText: sla.summary,
        ruleText: sla.policy.goals.map((g) => `${g.metric}: ${g.amount} ${g.unit}`).join(", "),
        source: sla.source,
      });
    }
  }
  return out.sort(compareObligations);
}

/**
 * The inclusive range of a calendar month, `YYYY-MM`: `@ward/calendar-jp`'s `monthRange`, with its error
 * reported as this package's `INVALID_OPTIONS`.
 *
 * @param month - e.g. `2026-05`
 * @returns `{ from, to }`
 * @throws {ContractModelError} `INVALID_OPTIONS` for anything but `YYYY-MM`
 * @example
 * monthRange("2027-02"); // => { from: "2027-02-01", to: "2027-02-28" }
 */
export function monthRange(month: string): { from: IsoDate; to: IsoDate } {
  try {
    return calendarMonthRange(month);
  } catch (error) {
    if (!(error instanceof CalendarError)) throw error;
    throw new ContractModelError(
      "INVALID_OPTIONS",
      `not a month: ${JSON.stringify(month)} (expected YYYY-MM) / 月の指定が正しくありません（例: 2026-05）`,
      { cause: error, messageJa: error.messageJa, details: { month } },
    );
  }
}
