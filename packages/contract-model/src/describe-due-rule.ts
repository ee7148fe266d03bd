import type { DueRule } from "./due-rule.js";

const CLOSED = { next: "閉庁日の場合は翌開庁日", previous: "閉庁日の場合は前開庁日", keep: "" } as const;

function monthsText(months: readonly number[] | undefined): string {
  return months === undefined ? "毎月" : `${months.join("・")}月`;
}

/**
 * Describes a due rule in Japanese, for calendars and CSV exports.
 *
 * @param rule - a parsed due rule
 * @param eventLabels - Japanese names of anchor events (`{ "contract-end": "履行期間の末日" }`)
 * @returns the description
 * @example
 * describeDueRule({ kind: "day-of-month", day: 15, monthOffset: 1, closedDay: "next" }); // => "翌月15日（閉庁日の場合は翌開庁日）"
 */
export function describeDueRule(rule: DueRule, eventLabels: Readonly<Record<string, string>> = {}): string {
  const from = (anchor: { event: string } | { date: string } | undefined): string =>
    anchor === undefined ? "" : "event" in anchor ? (eventLabels[anchor.event] ?? anchor.event) : anchor.date;
  const closed = (text: string): string => (text === "" ? "" : `（${text}）`);
  switch (rule.kind) {
    case "date":
      return `${rule.date}${closed(CLOSED[rule.closedDay])}`;
    case "last-open-day-of-month":
      return `${monthsText(rule.months)}の最終開庁日`;
    case "nth-open-day-of-month":
      return rule.n > 0
        ? `${monthsText(rule.months)}の第${rule.n}開庁日`
        : `${monthsText(rule.months)}の最終から${-rule.n}番目の開庁日`;
    case "day-of-month": {
      const month =
        rule.monthOffset === 0 ? "当月" : rule.monthOffset === 1 ? "翌月" : `${rule.monthOffset}か月後の月`;
      return `${month}${rule.day}日${closed(CLOSED[rule.closedDay])}`;
    }
    case "open-days-before":
      return `${from(rule.anchor)}の${rule.days}開庁日前まで`;
    case "open-days-after":
      return `${from(rule.anchor)}から${rule.days}開庁日以内`;
    case "calendar-days-before":
      return `${from(rule.anchor)}の${rule.days}日前まで`;
    case "calendar-days-after":
      return `${from(rule.anchor)}から${rule.days}日以内${rule.closedDay === "next" ? "（末日が閉庁日の場合は翌開庁日）" : ""}`;
    case "on-anchor": {
      const base = from(rule.anchor);
      const text =
        rule.offsetDays === 0
          ? `${base}当日`
          : rule.offsetDays === -1
            ? `${base}の前日まで`
            : rule.offsetDays < 0
              ? `${base}の${-rule.offsetDays}日前`
              : `${base}の${rule.offsetDays}日後`;
      return `${text}${closed(CLOSED[rule.closedDay])}`;
    }
    case "immediately":
      return rule.anchor === undefined ? "直ちに" : `${from(rule.anchor)}の後、直ちに`;
    case "every-open-day":
      return rule.times !== undefined
        ? `毎開庁日 ${rule.times.join("・")}`
        : rule.timesPerDay !== undefined && rule.timesPerDay > 1
          ? `毎開庁日（1日${rule.timesPerDay}回）`
          : "毎開庁日";
    case "every-fiscal-year":
      return `毎年度${rule.month}月${rule.day}日${closed(CLOSED[rule.closedDay])}`;
  }
}
