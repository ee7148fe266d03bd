import { z } from "zod";
import { dueRuleSchema } from "./due-rule.js";
import { sourceRefSchema } from "./source-ref.js";

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "expected a kebab-case id");

/**
 * A volume of work as the specification states it: `125,000 件程度/年` → `{ amount: 125000, per: "year",
 * unit: "件", approximate: true }`.
 *
 * @example
 * volumeSchema.parse({ amount: 40, per: "month", unit: "件", approximate: true });
 */
export const volumeSchema = z.strictObject({
  amount: z.int().min(1),
  per: z.enum(["year", "month", "day"]),
  unit: z.string().min(1),
  /** 程度: an estimate. */
  approximate: z.boolean().default(false),
  /** What is counted when the item has several volumes, e.g. 入力件数. */
  label: z.string().min(1).optional(),
});
/** A stated volume of work. */
export type Volume = z.output<typeof volumeSchema>;

/**
 * A yearly window of a work item, by months of the year (`fromMonth` 9 – `toMonth` 11 = 9～11月; wrapping is
 * allowed: 3～4月), or the 出納整理期間 (`{ closingPeriod: true }`: April 1 – May 31 of the contract's
 * fiscal year, for the previous fiscal year's accounts).
 *
 * @example
 * workWindowSchema.parse({ label: "認定申請", fromMonth: 9, toMonth: 11 });
 */
export const workWindowSchema = z.union([
  z.strictObject({
    label: z.string().min(1),
    fromMonth: z.int().min(1).max(12),
    toMonth: z.int().min(1).max(12),
    /** 「6月以降」: the window runs on to the end of the contract. */
    openEnded: z.boolean().default(false),
  }),
  z.strictObject({ label: z.string().min(1), closingPeriod: z.literal(true) }),
]);
/** A yearly window of a work item. */
export type WorkWindow = z.output<typeof workWindowSchema>;

/**
 * A work item (委託内容の一項目): title, description, volumes, the facilities or programs it covers, an optional
 * schedule (a due rule, e.g. 毎日3回) and yearly windows.
 *
 * @example
 * workItemSchema.parse({
 *   id: "receipt-tally", title: "集計業務", description: "納入済通知書の整理・集計・入力",
 *   volumes: [{ amount: 125000, per: "year", unit: "件", approximate: true, label: "入力件数" }],
 *   source: { seed: "000", section: "第5-1-(1)", quote: "(入力件数 125,000 件程度/年)" },
 * });
 */
export const workItemSchema = z.strictObject({
  id,
  title: z.string().min(1),
  description: z.string().min(1),
  volumes: z.array(volumeSchema).default([]),
  /** Targets, e.g. `管内私立認可保育所 84 園`. */
  targets: z
    .array(z.strictObject({ name: z.string().min(1), count: z.int().min(0), unit: z.string().min(1) }))
    .default([]),
  schedule: dueRuleSchema.optional(),
  windows: z.array(workWindowSchema).default([]),
  note: z.string().min(1).optional(),
  source: sourceRefSchema,
});
/** A work item as written. */
export type WorkItemInput = z.input<typeof workItemSchema>;
/** A parsed work item. */
export type WorkItem = z.output<typeof workItemSchema>;
