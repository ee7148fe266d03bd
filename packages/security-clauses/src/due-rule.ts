import { isIsoDate, periodBefore, periodEnd, toEpochDay } from "@ward/calendar-jp";
import { z } from "zod";
import { SecurityClausesError } from "./errors.js";

/** Events a due rule counts from or to. */
export const dueEventSchema = z.enum([
  "contract-signed",
  "contract-end",
  "work-start",
  "work-end",
  "change",
  "incident",
  "request",
  "receipt",
  "take-out",
  "copy",
  "backup",
  "subcontract-signed",
  "equipment-repair-or-disposal",
  "service-end",
  "disposal",
  "training",
]);
/** An event a due rule counts from or to. */
export type DueEvent = z.infer<typeof dueEventSchema>;

/**
 * When an obligation falls due, as the clause words it. 「直ちに」 is `immediately`, 「速やかに」 `promptly`,
 * 「遅滞なく」 `without-delay`, 「あらかじめ／事前に」 `before`, 「求めに応じて」 `on-request`, 「定期的に」 `periodic`,
 * 「…時に」 `at`, 「…したときは」 with no time limit `after`; day counts are calendar days and do not skip closed
 * days (`@ward/contract-model` maps these rules onto `@ward/sla-timers` deadline rules and the contract's calendar).
 */
export const dueRuleSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("immediately"), after: dueEventSchema }),
  z.object({ kind: z.literal("promptly"), after: dueEventSchema }),
  z.object({ kind: z.literal("without-delay"), after: dueEventSchema }),
  z.object({ kind: z.literal("after"), after: dueEventSchema }),
  z.object({ kind: z.literal("within-days"), days: z.number().int().positive(), after: dueEventSchema }),
  z.object({ kind: z.literal("before"), before: dueEventSchema }),
  z.object({ kind: z.literal("before-days"), days: z.number().int().positive(), before: dueEventSchema }),
  z.object({ kind: z.literal("at"), event: dueEventSchema }),
  z.object({ kind: z.literal("on-request") }),
  z.object({ kind: z.literal("periodic") }),
]);
/** When an obligation falls due; see {@link dueRuleSchema}. */
export type DueRule = z.infer<typeof dueRuleSchema>;

const EVENT_JA: Record<DueEvent, string> = {
  "contract-signed": "契約締結",
  "contract-end": "契約終了",
  "work-start": "事務開始",
  "work-end": "事務終了",
  change: "内容の変更",
  incident: "事故等の発生",
  request: "甲の求め",
  receipt: "受領",
  "take-out": "持出し",
  copy: "複写等",
  backup: "バックアップ取得",
  "subcontract-signed": "再委託契約の締結",
  "equipment-repair-or-disposal": "機器の修理又は廃棄",
  "service-end": "外部サービスの利用終了",
  disposal: "廃棄",
  training: "教育の実施",
};

/**
 * The Japanese name of a due event, for notices and calendars.
 *
 * @param event - the event
 * @returns e.g. `事務開始`
 * @example
 * dueEventLabel("work-start"); // => "事務開始"
 */
export function dueEventLabel(event: DueEvent): string {
  return EVENT_JA[event];
}

/**
 * Says a due rule in Japanese, for checklists and notices.
 *
 * @param rule - the due rule
 * @returns a short Japanese phrase
 * @example
 * describeDueRule({ kind: "within-days", days: 30, after: "contract-end" }); // => "契約終了後30日以内"
 */
export function describeDueRule(rule: DueRule): string {
  switch (rule.kind) {
    case "immediately":
      return `${EVENT_JA[rule.after]}後直ちに`;
    case "promptly":
      return `${EVENT_JA[rule.after]}後速やかに`;
    case "without-delay":
      return `${EVENT_JA[rule.after]}後遅滞なく`;
    case "after":
      return `${EVENT_JA[rule.after]}後`;
    case "within-days":
      return `${EVENT_JA[rule.after]}後${rule.days}日以内`;
    case "before":
      return `${EVENT_JA[rule.before]}前に`;
    case "before-days":
      return `${EVENT_JA[rule.before]}の${rule.days}日前まで`;
    case "at":
      return `${EVENT_JA[rule.event]}時`;
    case "on-request":
      return "甲の求めに応じて";
    case "periodic":
      return "定期的に";
  }
}

/** Days since 1970-01-01 of an ISO date, validated (no host time zone involved). */
export function epochDayOf(date: string): number {
  if (!isIsoDate(date)) throw new SecurityClausesError("INVALID_INPUT", `not an ISO date: ${date}`);
  return toEpochDay(date);
}

/**
 * The last calendar day a day-counted rule allows, by `@ward/calendar-jp`'s legal-period rules (the one owner of
 * period counting): 「N日以内」 is `periodEnd` (民法140条: the event day is not counted), 「N日前まで」 is
 * `periodBefore` (N clear days between the act and the event, 民法140–141条 by analogy). Closed days are not
 * skipped: a calendar-aware package does that.
 *
 * @param rule - a `within-days` or `before-days` rule
 * @param eventDate - the ISO date of the event the rule counts from or to
 * @returns the ISO due date
 * @throws {SecurityClausesError} `NOT_A_DAY_RULE` for rules without a day count, `INVALID_INPUT` for a bad date
 * @example
 * dueDateOf({ kind: "within-days", days: 30, after: "contract-end" }, "2027-03-31"); // => "2027-04-30"
 * dueDateOf({ kind: "before-days", days: 10, before: "work-start" }, "2026-04-01"); // => "2026-03-21"
 */
export function dueDateOf(rule: DueRule, eventDate: string): string {
  epochDayOf(eventDate);
  if (rule.kind === "within-days") return periodEnd({ start: eventDate, amount: rule.days, unit: "day" });
  if (rule.kind === "before-days")
    return periodBefore({ reference: eventDate, amount: rule.days, unit: "day" });
  throw new SecurityClausesError("NOT_A_DAY_RULE", `a "${rule.kind}" rule has no day count`, {
    details: { kind: rule.kind },
  });
}
