import { z } from "zod";
import { dueRuleSchema } from "./due-rule.js";
import { sourceRefSchema } from "./source-ref.js";

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "expected a kebab-case id");

/**
 * A notice a staffing role triggers (従事者の交代: 従事開始日の10日前までに報告; 業務従事者等届: 契約締結後速やかに).
 *
 * @example
 * staffNoticeSchema.parse({
 *   id: "staff-change", title: "従事者変更報告", dueText: "従事開始日の10日前まで",
 *   due: { kind: "calendar-days-before", days: 10, anchor: { event: "staff-start" } },
 *   source: { seed: "000", section: "第16-2" },
 * });
 */
export const staffNoticeSchema = z.strictObject({
  id,
  title: z.string().min(1),
  due: dueRuleSchema.optional(),
  dueText: z.string().min(1),
  interpretation: z.string().min(1).optional(),
  /** Clause duties (`@ward/security-clauses` provision id and obligation number, `nerima:7:1#1`) this item fulfils: they are not listed twice, and their due rule applies when the item has none. */
  clauses: z.array(z.string().regex(/^[a-z-]+:[0-9a-z:-]+#\d+$/, "expected e.g. nerima:7:1#1")).optional(),
  source: sourceRefSchema,
});
/** A notice a role triggers. */
export type StaffNotice = z.output<typeof staffNoticeSchema>;

/** Kinds of staffing roles: 業務管理責任者 / 責任者, its 代理 / 代行, 従事者, a contact point (窓口). */
export const STAFF_ROLE_KINDS = ["manager", "deputy", "staff", "contact"] as const;
/** A staffing role kind. */
export type StaffRoleKind = (typeof STAFF_ROLE_KINDS)[number];

/**
 * A staffing role: kind, title as written, how many, duties, and the notices it triggers.
 *
 * @example
 * staffRoleSchema.parse({ id: "manager", kind: "manager", title: "責任者（主任）", count: 1,
 *   source: { seed: "000", section: "第9-1" } });
 */
export const staffRoleSchema = z.strictObject({
  id,
  kind: z.enum(STAFF_ROLE_KINDS),
  title: z.string().min(1),
  count: z.int().min(1).optional(),
  duties: z.array(z.string().min(1)).default([]),
  /** May the role be combined with another (兼任)? */
  note: z.string().min(1).optional(),
  notices: z.array(staffNoticeSchema).default([]),
  source: sourceRefSchema,
});
/** A staffing role as written. */
export type StaffRoleInput = z.input<typeof staffRoleSchema>;
/** A parsed staffing role. */
export type StaffRole = z.output<typeof staffRoleSchema>;
