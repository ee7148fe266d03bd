import { z } from "zod";
import { dueRuleSchema } from "./due-rule.js";
import { sourceRefSchema } from "./source-ref.js";

/** What kind of duty a deliverable is. */
export const DELIVERABLE_CATEGORIES = [
  "daily-report",
  "monthly-report",
  "completion-report",
  "meeting",
  "work-plan",
  "manual",
  "handover-plan",
  "training-plan",
  "staff-roster",
  "incident-report",
  "certificate",
  "work-output",
  "invoice",
  "other",
] as const;
/** A deliverable's category. */
export type DeliverableCategory = (typeof DELIVERABLE_CATEGORIES)[number];

/**
 * A deliverable or reporting duty: what is handed in (業務日報, 完了報告書, 業務定例会, 業務計画書, マニュアル,
 * 引継計画書, 研修実施計画, 従事者名簿, 事故報告 …), its due rule from `@ward/sla-timers` (absent when the text
 * gives no date: 適宜, 事前に), the due text as the specification says it, and an `interpretation` where the
 * encoding had to choose (e.g. 速やかに → the first open day of the next month).
 *
 * @example
 * deliverableSchema.parse({
 *   id: "work-record-report", category: "monthly-report", title: "業務記録報告書",
 *   due: { kind: "day-of-month", day: 15, monthOffset: 1, closedDay: "next" },
 *   dueText: "翌月15日（閉庁日の場合、翌開庁日）まで",
 *   source: { seed: "003", section: "5-E-(4)" },
 * });
 */
export const deliverableSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "expected a kebab-case id"),
  category: z.enum(DELIVERABLE_CATEGORIES),
  title: z.string().min(1),
  description: z.string().min(1).optional(),
  due: dueRuleSchema.optional(),
  /** The due wording of the specification, in Japanese. */
  dueText: z.string().min(1),
  /** How the encoding reads vague wording (速やかに, 月1回程度); empty when the text is exact. */
  interpretation: z.string().min(1).optional(),
  /** Clause duties (`@ward/security-clauses` provision id and obligation number, `nerima:7:1#1`) this item fulfils: they are not listed twice, and their due rule applies when the item has none. */
  clauses: z.array(z.string().regex(/^[a-z-]+:[0-9a-z:-]+#\d+$/, "expected e.g. nerima:7:1#1")).optional(),
  /** When the duty applies at all, e.g. 次年度の受託者が異なる場合. */
  condition: z.string().min(1).optional(),
  /** 電子データ, 文書 … */
  format: z.string().min(1).optional(),
  source: sourceRefSchema,
});
/** A deliverable as written. */
export type DeliverableInput = z.input<typeof deliverableSchema>;
/** A parsed deliverable. */
export type Deliverable = z.output<typeof deliverableSchema>;
