import {
  type DueRule as ClauseDueRule,
  type DueEvent,
  describeDueRule as describeClauseDue,
  dueEventLabel,
  dueEventSchema,
  getCatalogue,
} from "@ward/security-clauses";
import type { DeadlineRuleInput } from "@ward/sla-timers";
import type { Contract } from "../contract-schema.js";
import { type DueRule, dueRuleSchema } from "../due-rule.js";
import type { Duty } from "./duties.js";

// Clause events that are the contract's own period events; the others need their dates as anchors.
const EVENT_OF: Partial<Record<DueEvent, string>> = {
  "work-start": "contract-start",
  "work-end": "contract-end",
};

/** The anchor name a clause event becomes in the contract's obligations. */
export function clauseEventName(event: DueEvent): string {
  return EVENT_OF[event] ?? event;
}

/** Japanese labels of the clause events, keyed by the anchor names they become. */
export function clauseEventLabels(): Record<string, string> {
  return Object.fromEntries(
    dueEventSchema.options.filter((e) => EVENT_OF[e] === undefined).map((e) => [e, dueEventLabel(e)]),
  );
}

/**
 * A clause due rule as an `@ward/sla-timers` deadline rule, and how the mapping reads it; `undefined` for
 * 定期的に, which names no date.
 */
export function deadlineRuleOf(
  due: ClauseDueRule,
): { rule: DeadlineRuleInput; reading?: string } | undefined {
  const anchor = (event: DueEvent) => ({ event: clauseEventName(event) });
  switch (due.kind) {
    case "immediately":
    case "promptly":
    case "without-delay":
    case "after":
      return { rule: { kind: "immediately", anchor: anchor(due.after) } };
    case "within-days":
      return { rule: { kind: "calendar-days-after", days: due.days, anchor: anchor(due.after) } };
    case "before-days":
      return { rule: { kind: "calendar-days-before", days: due.days, anchor: anchor(due.before) } };
    case "before":
      return {
        rule: { kind: "on-anchor", offsetDays: -1, closedDay: "previous", anchor: anchor(due.before) },
        reading: "「前に」は前日（閉庁日の場合は前開庁日）までと読む",
      };
    case "at":
      return { rule: { kind: "on-anchor", anchor: anchor(due.event) } };
    case "on-request":
      return { rule: { kind: "immediately", anchor: { event: "request" } } };
    case "periodic":
      return undefined;
  }
}

/**
 * The contractor's dated or event-driven duties in the clause sets attached to a contract (the 特記事項): every
 * 乙 duty that has a due rule or produces a document, so the contract's calendar shows them beside its own.
 */
export function clauseDutiesOf(contract: Contract): readonly Duty[] {
  const cached = cache.get(contract);
  if (cached !== undefined) return cached;
  const duties = computeClauseDuties(contract);
  cache.set(contract, duties);
  return duties;
}

// Built contracts are immutable, so their clause duties are mapped (and zod-parsed) once per contract.
const cache = new WeakMap<Contract, readonly Duty[]>();

function computeClauseDuties(contract: Contract): Duty[] {
  const duties: Duty[] = [];
  contract.clauseSets.forEach((set, s) => {
    const catalogue = getCatalogue(set.catalogue);
    const wanted = set.provisions === undefined ? undefined : new Set(set.provisions);
    for (const provision of catalogue.provisions) {
      if (wanted !== undefined && !wanted.has(provision.id)) continue;
      provision.obligations.forEach((o, index) => {
        if (o.actor !== "乙" || o.kind !== "duty") return;
        if (o.due === undefined && o.evidence === undefined) return;
        const mapped = o.due === undefined ? undefined : deadlineRuleOf(o.due);
        const interpretation = [o.interpretation, mapped?.reading].filter((t) => t !== undefined).join("。");
        duties.push({
          path: `clauseSets.${s}`,
          itemId: `${provision.id}#${index + 1}`,
          category: "clause",
          title: `${provision.label} ${o.action}`,
          dueText: o.due === undefined ? "期限の定めなし" : describeClauseDue(o.due),
          ...(o.due === undefined ? {} : { ruleText: describeClauseDue(o.due) }),
          source: {
            ...(contract.seed === undefined ? {} : { seed: contract.seed }),
            section: `${set.title} ${provision.label}`,
          },
          ...(mapped === undefined ? {} : { rule: dueRuleSchema.parse(mapped.rule) as DueRule }),
          ...(interpretation === "" ? {} : { interpretation }),
          ...(o.trigger === undefined ? {} : { condition: o.trigger }),
          ...(o.evidence === undefined ? {} : { evidence: o.evidence }),
        });
      });
    }
  });
  return duties;
}

/**
 * The contract's own duties and its clause duties as one list: a clause duty that a contract item names in
 * `clauses` is not listed again, and lends its due rule to the item when the item has none.
 */
export function mergeClauseDuties(own: readonly Duty[], clauses: readonly Duty[]): Duty[] {
  const byId = new Map(clauses.map((d) => [d.itemId, d]));
  const covered = new Set(own.flatMap((d) => d.clauses ?? []));
  const merged = own.map((duty) => {
    if (duty.rule !== undefined || duty.clauses === undefined) return duty;
    const lender = duty.clauses.map((id) => byId.get(id)).find((d) => d?.rule !== undefined);
    if (lender?.rule === undefined) return duty;
    return {
      ...duty,
      rule: lender.rule,
      ...(lender.ruleText === undefined ? {} : { ruleText: lender.ruleText }),
      interpretation: [duty.interpretation, `期限は${lender.source.section}による`]
        .filter((t) => t !== undefined)
        .join("。"),
    };
  });
  return [...merged, ...clauses.filter((d) => !covered.has(d.itemId))];
}
