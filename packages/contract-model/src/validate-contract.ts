import { fiscalYearRange, formatFiscalYear, type IsoDate } from "@ward/calendar-jp";
import { getCatalogue } from "@ward/security-clauses";
import { evaluateDeadlineRule } from "@ward/sla-timers";
import { contractCalendar } from "./contract-calendar.js";
import { resolvePeriod } from "./contract-period.js";
import { BUILT_IN_EVENTS, type Contract } from "./contract-schema.js";
import { isRecurringRule } from "./due-rule.js";
import type { ContractIssue } from "./errors.js";
import { clauseDutiesOf } from "./internal/clause-duties.js";
import { addDays } from "./internal/dates.js";
import { anchorEventOf, dutiesOf } from "./internal/duties.js";

function issue(path: string, code: string, message: string, messageJa: string): ContractIssue {
  return { path, code, message, messageJa };
}

function minutes(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/**
 * Checks what a schema cannot: the period lies inside its fiscal year and starts before it ends; clause ids
 * exist in their `@ward/security-clauses` catalogue; due rules name known events and calendars and can be met
 * at least once in the period (a `months` filter outside the period, a date before the contract starts, a time
 * outside working hours); ids are unique. Each issue has an English and a Japanese message.
 *
 * @param contract - a contract that passed `contractSchema`
 * @returns the issues, empty when the contract is sound
 * @example
 * validateContract({ ...meguroNursery2026, fiscalYear: 2025 })[0]?.messageJa;
 * // => "履行期間（2026-04-01〜2027-03-31）が令和7年度（2025-04-01〜2026-03-31）の外にあります"
 */
export function validateContract(contract: Contract): ContractIssue[] {
  const issues: ContractIssue[] = [];
  const fy = fiscalYearRange(contract.fiscalYear);
  const fyName = formatFiscalYear(contract.fiscalYear);
  const period = resolvePeriod(contract);
  const calendar = contractCalendar(contract);

  // Period: inside the fiscal year, start ≤ end.
  const { start, end } = period;
  for (const [key, date] of [
    ["start", start],
    ["end", end],
  ] as const) {
    if (date !== undefined && (date < fy.start || date > fy.end)) {
      issues.push(
        issue(
          `period.${key}`,
          "PERIOD_OUTSIDE_FISCAL_YEAR",
          `the period (${start ?? "?"} – ${end ?? "?"}) lies outside fiscal year ${contract.fiscalYear} (${fy.start} – ${fy.end})`,
          `履行期間（${start ?? "未定"}〜${end ?? "未定"}）が${fyName}（${fy.start}〜${fy.end}）の外にあります`,
        ),
      );
      break;
    }
  }
  if (start !== undefined && end !== undefined && start > end) {
    issues.push(
      issue(
        "period",
        "PERIOD_REVERSED",
        `the period starts (${start}) after it ends (${end})`,
        `履行期間の初日（${start}）が末日（${end}）より後です`,
      ),
    );
    // Due rules cannot be checked against a reversed period.
    return issues;
  }

  // Clause ids.
  contract.clauseSets.forEach((set, s) => {
    const catalogue = getCatalogue(set.catalogue);
    // A lookup, not getProvision: an unknown id is an issue to report, and no other error is swallowed.
    const known = new Set(catalogue.provisions.map((p) => p.id));
    set.provisions?.forEach((id, p) => {
      if (!known.has(id)) {
        issues.push(
          issue(
            `clauseSets.${s}.provisions.${p}`,
            "UNKNOWN_CLAUSE",
            `unknown clause id "${id}" in catalogue "${set.catalogue}"`,
            `条項ID「${id}」は「${catalogue.title}」にありません`,
          ),
        );
      }
    });
  });

  // Clause duties named by contract items must be duties of the attached clause sets.
  const clauseDuties = new Set(clauseDutiesOf(contract).map((d) => d.itemId));
  for (const duty of dutiesOf(contract)) {
    duty.clauses?.forEach((id, c) => {
      if (clauseDuties.has(id)) return;
      issues.push(
        issue(
          `${duty.path.replace(/\.due$/, "")}.clauses.${c}`,
          "UNKNOWN_CLAUSE",
          `"${duty.title}" names clause duty "${id}", which no attached clause set has`,
          `「${duty.title}」が挙げる特記事項の義務「${id}」は、契約の特記事項にありません`,
        ),
      );
    });
  }

  // Unique ids.
  const seen = new Set<string>();
  const ids: [string, string][] = [
    ...contract.workItems.map((w, i) => [`workItems.${i}.id`, w.id] as [string, string]),
    ...contract.deliverables.map((d, i) => [`deliverables.${i}.id`, d.id] as [string, string]),
    ...contract.staffing.flatMap((r, i) => [
      [`staffing.${i}.id`, r.id] as [string, string],
      ...r.notices.map((n, j) => [`staffing.${i}.notices.${j}.id`, n.id] as [string, string]),
    ]),
  ];
  for (const [path, id] of ids) {
    if (seen.has(id)) {
      issues.push(issue(path, "DUPLICATE_ID", `duplicate id "${id}"`, `ID「${id}」が重複しています`));
    }
    seen.add(id);
  }

  // SLA policies use the contract's calendar.
  contract.slaPolicies.forEach((sla, i) => {
    if (sla.policy.calendar !== calendar.id) {
      issues.push(
        issue(
          `slaPolicies.${i}.policy.calendar`,
          "UNKNOWN_CALENDAR",
          `the SLA policy names calendar "${sla.policy.calendar}", the contract's is "${calendar.id}"`,
          `SLAのカレンダー「${sla.policy.calendar}」が契約のカレンダー「${calendar.id}」と異なります`,
        ),
      );
    }
  });

  // Due rules.
  const events = new Set([...Object.keys(BUILT_IN_EVENTS), ...contract.events.map((e) => e.name)]);
  for (const e of [contract.period.start, contract.period.end]) {
    if (e.kind === "after-event" && !events.has(e.event)) {
      issues.push(
        issue(
          "period",
          "UNKNOWN_EVENT",
          `the period refers to event "${e.event}", which the contract does not declare`,
          `履行期間の起点「${e.event}」が契約に定義されていません`,
        ),
      );
    }
  }
  const earliest: IsoDate = start ?? fy.start;
  const latest: IsoDate | undefined = end;
  const hours = calendar.policy.hours;
  for (const duty of dutiesOf(contract)) {
    const rule = duty.rule;
    if (rule === undefined) continue;
    const never = (why: string, whyJa: string): void => {
      issues.push(
        issue(
          duty.path,
          "DUE_RULE_NEVER_MET",
          `the due rule of "${duty.title}" can never be met: ${why}`,
          `「${duty.title}」の期限は守ることができません: ${whyJa}`,
        ),
      );
    };
    if (rule.calendar !== undefined && rule.calendar !== calendar.id) {
      issues.push(
        issue(
          `${duty.path}.calendar`,
          "UNKNOWN_CALENDAR",
          `the due rule of "${duty.title}" names calendar "${rule.calendar}", the contract's is "${calendar.id}"`,
          `「${duty.title}」の期限のカレンダー「${rule.calendar}」が契約のカレンダー「${calendar.id}」と異なります`,
        ),
      );
      continue;
    }
    const event = anchorEventOf(rule);
    if (event !== undefined && !events.has(event)) {
      issues.push(
        issue(
          `${duty.path}.anchor.event`,
          "UNKNOWN_EVENT",
          `the due rule of "${duty.title}" counts from event "${event}", which the contract does not declare`,
          `「${duty.title}」の期限の起点「${event}」が契約に定義されていません`,
        ),
      );
      continue;
    }
    if (rule.kind === "every-open-day" && rule.times !== undefined) {
      const outside = rule.times.find(
        (t) => minutes(t) < minutes(hours.open) || minutes(t) > minutes(hours.close),
      );
      if (outside !== undefined) {
        never(
          `${outside} is outside working hours ${hours.open}–${hours.close}`,
          `時刻 ${outside} は業務時間（${hours.open}〜${hours.close}）の外です`,
        );
        continue;
      }
    }
    const context = { calendars: { [calendar.id]: calendar }, calendar: calendar.id };
    if (isRecurringRule(rule)) {
      const to = latest ?? fy.end;
      const found = evaluateDeadlineRule(rule, { ...context, range: { from: earliest, to } });
      if (found.length === 0) {
        never(
          `no occurrence between ${earliest} and ${to}`,
          `履行期間（${earliest}〜${to}）中に一度も期限が来ません`,
        );
      }
      continue;
    }
    if (rule.kind === "date" || (event === undefined && "anchor" in rule && rule.anchor !== undefined)) {
      const dates = evaluateDeadlineRule(rule, context).flatMap((d) => (d.date === null ? [] : [d.date]));
      const bad = dates.find((d) => d < earliest || (latest !== undefined && d > addDays(latest, 366)));
      if (bad !== undefined) {
        never(
          `it falls on ${bad}, outside the period (${earliest} – ${latest ?? "?"})`,
          `期限 ${bad} が履行期間（${earliest}〜${latest ?? "未定"}）から外れています`,
        );
      }
    }
  }
  return issues;
}
