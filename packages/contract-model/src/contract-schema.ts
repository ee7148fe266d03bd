import { CalendarError, calendarPolicySchema, parseFiscalYear } from "@ward/calendar-jp";
import { slaPolicySchema } from "@ward/sla-timers";
import { z } from "zod";
import { clauseSetSchema } from "./clause-set.js";
import { contractDateSchema } from "./contract-date.js";
import { deliverableSchema } from "./deliverable.js";
import { paymentTermsSchema } from "./payment-terms.js";
import { prohibitionSchema } from "./prohibition.js";
import { sourceRefSchema } from "./source-ref.js";
import { staffRoleSchema } from "./staffing.js";
import { workItemSchema } from "./work-item.js";

const fiscalYearSchema = z.union([
  z.int().min(1900).max(2999),
  z.string().transform((text, ctx) => {
    try {
      return parseFiscalYear(text);
    } catch (error) {
      if (!(error instanceof CalendarError)) throw error;
      ctx.addIssue({
        code: "custom",
        message: `not a fiscal year: ${JSON.stringify(text)} (expected e.g. 令和7年度 or 2025)`,
        params: { ja: `年度として読めません: 「${text}」（例: 令和7年度）` },
      });
      return z.NEVER;
    }
  }),
]);

/** Events every contract has, whose dates come from its period. */
export const BUILT_IN_EVENTS = {
  "contract-start": "履行期間の初日",
  "contract-end": "履行期間の末日",
} as const;

/**
 * The zod schema of an outsourcing contract (委託仕様書) as data. Most callers use `buildContract`, which
 * also runs the checks a schema cannot (period inside its fiscal year, clause ids, due rules that can be met).
 *
 * @example
 * contractSchema.shape.period.parse({ start: "令和7年7月1日", end: "令和8年3月31日", source: { section: "第2" } }).start;
 * // => { kind: "date", date: "2025-07-01", written: "令和7年7月1日" }
 */
export const contractSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "expected a kebab-case id"),
  /** The seed file the contract was encoded from, e.g. `000`. */
  seed: z
    .string()
    .regex(/^\d{3}$/)
    .optional(),
  title: z.string().min(1),
  ward: z.string().min(1),
  department: z.string().min(1),
  /** 年度: a number or wareki text (`令和7年度`). */
  fiscalYear: fiscalYearSchema,
  /** Where the title, ward and fiscal year come from. */
  source: sourceRefSchema,
  period: z.strictObject({ start: contractDateSchema, end: contractDateSchema, source: sourceRefSchema }),
  places: z
    .array(
      z.strictObject({
        name: z.string().min(1),
        address: z.string().min(1).optional(),
        source: sourceRefSchema,
      }),
    )
    .min(1),
  /** The working calendar and hours (a `@ward/calendar-jp` policy). */
  calendar: z.strictObject({ policy: calendarPolicySchema, source: sourceRefSchema }),
  contact: z.strictObject({
    department: z.string().min(1),
    names: z.array(z.string().min(1)).default([]),
    phone: z.string().min(1).optional(),
    fax: z.string().min(1).optional(),
    email: z.string().min(1).optional(),
    address: z.string().min(1).optional(),
    source: sourceRefSchema,
  }),
  /** Events that due rules and dates refer to, besides `contract-start` and `contract-end`. */
  events: z
    .array(z.strictObject({ name: z.string().regex(/^[a-z][a-z0-9-]*$/), label: z.string().min(1) }))
    .default([]),
  workItems: z.array(workItemSchema).default([]),
  deliverables: z.array(deliverableSchema).default([]),
  staffing: z.array(staffRoleSchema).default([]),
  payment: paymentTermsSchema,
  clauseSets: z.array(clauseSetSchema).default([]),
  prohibitions: z.array(prohibitionSchema).default([]),
  /** Service-level policies (問い合わせ対応), evaluated with `@ward/sla-timers`' timers. */
  slaPolicies: z
    .array(z.strictObject({ policy: slaPolicySchema, summary: z.string().min(1), source: sourceRefSchema }))
    .default([]),
});

/** A contract as written (what the seed sources are typed as). */
export type ContractInput = z.input<typeof contractSchema>;
/** A built, validated contract. */
export type Contract = z.output<typeof contractSchema>;
