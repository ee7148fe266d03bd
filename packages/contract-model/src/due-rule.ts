import { type DeadlineRule, type DeadlineRuleInput, deadlineRuleSchema } from "@ward/sla-timers";
import { z } from "zod";
import { parseDateText } from "./internal/dates.js";

// Wareki dates in `date` and `anchor.date` become ISO before @ward/sla-timers' schema sees them.
function warekiToIso(value: unknown): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  const rule = { ...(value as Record<string, unknown>) };
  if (typeof rule.date === "string") rule.date = parseDateText(rule.date) ?? rule.date;
  const anchor = rule.anchor;
  if (
    typeof anchor === "object" &&
    anchor !== null &&
    typeof (anchor as { date?: unknown }).date === "string"
  ) {
    const text = (anchor as { date: string }).date;
    rule.anchor = { ...(anchor as object), date: parseDateText(text) ?? text };
  }
  return rule;
}

/**
 * A due rule: `@ward/sla-timers`' `deadlineRuleSchema`, with wareki text accepted wherever it takes a date
 * (`{ kind: "date", date: "令和9年3月31日" }`).
 *
 * @example
 * dueRuleSchema.parse({ kind: "date", date: "令和9年3月31日" }); // => { kind: "date", date: "2027-03-31", closedDay: "keep" }
 */
export const dueRuleSchema = z.preprocess(warekiToIso, deadlineRuleSchema) as unknown as z.ZodType<
  DeadlineRule,
  DeadlineRuleInput
>;

/** A due rule as written (a `DeadlineRuleInput`; dates may be wareki). */
export type DueRuleInput = DeadlineRuleInput;
/** A parsed due rule (an `@ward/sla-timers` `DeadlineRule`). */
export type DueRule = DeadlineRule;

const RECURRING = new Set([
  "last-open-day-of-month",
  "nth-open-day-of-month",
  "day-of-month",
  "every-open-day",
  "every-fiscal-year",
]);

/**
 * Whether a due rule recurs (monthly, daily, yearly) rather than falling on one date.
 *
 * @param rule - the rule
 * @returns true for `last-open-day-of-month`, `nth-open-day-of-month`, `day-of-month`, `every-open-day`, `every-fiscal-year`
 * @example
 * isRecurringRule({ kind: "day-of-month", day: 15, monthOffset: 1, closedDay: "next" }); // => true
 */
export function isRecurringRule(rule: DueRule | DueRuleInput): boolean {
  return RECURRING.has(rule.kind);
}
