import { describe, expect, it } from "vitest";
import { deadlineRuleSchema, parseDeadlineRule, safeParseDeadlineRule } from "./deadline-rules.js";
import { SlaTimersError } from "./errors.js";

const examples = [
  { kind: "date", date: "2026-03-31", title: "完了報告" },
  { kind: "last-open-day-of-month", title: "支払案内書" },
  { kind: "nth-open-day-of-month", n: -2, months: [3] },
  { kind: "day-of-month", day: 15, monthOffset: 1, title: "業務記録報告書" },
  { kind: "open-days-before", days: 2, anchor: { event: "desired-payment-date" }, title: "払込票" },
  { kind: "open-days-after", days: 3, anchor: { date: "2025-07-01" } },
  { kind: "calendar-days-before", days: 10, anchor: { event: "staff-start" } },
  { kind: "calendar-days-after", days: 30, anchor: { event: "contract-end" }, title: "消去証明書" },
  {
    kind: "on-anchor",
    offsetDays: -1,
    closedDay: "previous",
    anchor: { event: "work-start" },
    title: "事務執行場所の報告",
  },
  { kind: "immediately", anchor: { event: "incident" }, title: "事故報告" },
  { kind: "every-open-day", times: ["09:30", "13:00", "15:30"], title: "庁内交換便" },
  { kind: "every-fiscal-year", month: 4, day: 30, title: "年間計画" },
] as const;

describe("deadlineRuleSchema", () => {
  it("accepts one example of every kind and round-trips through JSON", () => {
    for (const example of examples) {
      const parsed = deadlineRuleSchema.parse(example);
      expect(parsed.kind).toBe(example.kind);
      expect(deadlineRuleSchema.parse(JSON.parse(JSON.stringify(parsed)))).toEqual(parsed);
    }
    const kinds = new Set(examples.map((e) => e.kind));
    expect(kinds.size).toBe(deadlineRuleSchema.options.length);
  });

  it("fills in the legal defaults", () => {
    expect(
      parseDeadlineRule({ kind: "calendar-days-after", days: 30, anchor: { event: "contract-end" } }),
    ).toEqual({
      kind: "calendar-days-after",
      days: 30,
      anchor: { event: "contract-end" },
      startsAtMidnight: false,
      closedDay: "next",
    });
    expect(parseDeadlineRule({ kind: "day-of-month", day: 15 })).toMatchObject({
      monthOffset: 0,
      closedDay: "next",
    });
    expect(
      parseDeadlineRule({ kind: "calendar-days-before", days: 10, anchor: { date: "2025-04-11" } }),
    ).toMatchObject({ closedDay: "earlier" });
  });

  it("rejects unknown kinds, zero lengths, bad dates, stray keys and mismatched times", () => {
    const bad = [
      { kind: "weekly" },
      { kind: "open-days-before", days: 0, anchor: { event: "x" } },
      { kind: "calendar-days-after", days: -3, anchor: { event: "x" } },
      { kind: "date", date: "2025-02-30" },
      { kind: "day-of-month", day: 15, monthOfset: 1 },
      { kind: "nth-open-day-of-month", n: 0 },
      { kind: "every-open-day", timesPerDay: 2, times: ["09:00"] },
      { kind: "every-open-day", times: ["25:00"] },
      { kind: "open-days-after", days: 1, anchor: { event: "" } },
    ];
    for (const input of bad) expect(safeParseDeadlineRule(input).success, JSON.stringify(input)).toBe(false);
  });

  it("throws a typed INVALID_RULE error naming the problem", () => {
    expect(() => parseDeadlineRule({ kind: "open-days-before", days: 0, anchor: { event: "x" } })).toThrow(
      expect.objectContaining({
        code: "INVALID_RULE",
        message: expect.stringMatching(/^@ward\/sla-timers: .*days/s),
      }),
    );
    expect(() => parseDeadlineRule(null)).toThrow(SlaTimersError);
  });
});
