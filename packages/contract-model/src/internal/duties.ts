import type { Contract } from "../contract-schema.js";
import type { DeliverableCategory } from "../deliverable.js";
import type { DueRule } from "../due-rule.js";
import type { SourceRef } from "../source-ref.js";

/** Category of an obligation: a deliverable's, or a staffing notice, scheduled work, an invoice, a window, an SLA, or a duty of an attached clause set (`clause`). */
export type ObligationCategory =
  | DeliverableCategory
  | "staff-notice"
  | "work"
  | "work-window"
  | "sla"
  | "clause";

export interface Duty {
  readonly path: string;
  readonly itemId: string;
  readonly category: ObligationCategory;
  readonly title: string;
  readonly rule?: DueRule;
  readonly dueText: string;
  readonly interpretation?: string;
  /** When the duty applies at all (a clause's trigger, a deliverable's condition). */
  readonly condition?: string;
  /** Clause duties this item fulfils (`nerima:7:1#1`). */
  readonly clauses?: readonly string[];
  /** How the rule reads in the source's own words, when that differs from the deadline rule's wording. */
  readonly ruleText?: string;
  /** The evidence document a clause duty produces (`@ward/security-clauses` id). */
  readonly evidence?: string;
  readonly source: SourceRef;
}

// The event a rule counts from, when it is anchored to one (not to a fixed date).
export function anchorEventOf(rule: DueRule): string | undefined {
  return "anchor" in rule && rule.anchor !== undefined && "event" in rule.anchor
    ? rule.anchor.event
    : undefined;
}

// Every item of a contract that carries (or could carry) a due rule, in a stable order.
export function dutiesOf(contract: Contract): Duty[] {
  const duties: Duty[] = [];
  contract.deliverables.forEach((d, index) => {
    duties.push({
      path: `deliverables.${index}.due`,
      itemId: d.id,
      category: d.category,
      title: d.title,
      dueText: d.dueText,
      source: d.source,
      ...(d.due === undefined ? {} : { rule: d.due }),
      ...(d.interpretation === undefined ? {} : { interpretation: d.interpretation }),
      ...(d.condition === undefined ? {} : { condition: d.condition }),
      ...(d.clauses === undefined ? {} : { clauses: d.clauses }),
    });
  });
  contract.staffing.forEach((role, r) => {
    role.notices.forEach((n, index) => {
      duties.push({
        path: `staffing.${r}.notices.${index}.due`,
        itemId: n.id,
        category: "staff-notice",
        title: n.title,
        dueText: n.dueText,
        source: n.source,
        ...(n.due === undefined ? {} : { rule: n.due }),
        ...(n.interpretation === undefined ? {} : { interpretation: n.interpretation }),
        ...(n.clauses === undefined ? {} : { clauses: n.clauses }),
      });
    });
  });
  contract.workItems.forEach((w, index) => {
    if (w.schedule === undefined) return;
    duties.push({
      path: `workItems.${index}.schedule`,
      itemId: w.id,
      category: "work",
      title: w.title,
      dueText: w.note ?? w.description,
      source: w.source,
      rule: w.schedule,
    });
  });
  if (contract.payment.invoiceDue !== undefined) {
    duties.push({
      path: "payment.invoiceDue",
      itemId: "invoice",
      category: "invoice",
      title: "請求",
      dueText: contract.payment.invoice,
      source: contract.payment.source,
      rule: contract.payment.invoiceDue,
    });
  }
  return duties;
}
