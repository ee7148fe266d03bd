import { createCalendar, isOpenDay, wardCalendar } from "@ward/calendar-jp";
import { describe, expect, it } from "vitest";
import type { DeadlineRuleContext } from "./deadline-rules.js";
import { evaluateDeadlineRule, evaluateDeadlineRules } from "./evaluate-deadline-rule.js";

const ward = wardCalendar({ id: "ward" });
const context = (
  extra: Partial<DeadlineRuleContext<typeof ward>> = {},
): DeadlineRuleContext<typeof ward> => ({
  calendars: { ward },
  ...extra,
});
const fy2025 = { from: "2025-04-01", to: "2026-03-31" };
const dates = (list: { date: string | null }[]) => list.map((d) => d.date);

describe("evaluateDeadlineRule", () => {
  it("000 支払案内書: the last open day of every month", () => {
    const result = evaluateDeadlineRule(
      { kind: "last-open-day-of-month", title: "支払案内書" },
      context({ range: fy2025 }),
    );
    expect(result).toHaveLength(12);
    expect(dates(result)).toContain("2025-05-30"); // 5/31 is a Saturday
    expect(dates(result)).toContain("2025-12-26"); // 12/29–31 closed
    expect(result[0]).toMatchObject({
      kind: "last-open-day-of-month",
      title: "支払案内書",
      period: { start: "2025-04-01", end: "2025-04-30" },
      calendarId: "ward",
      calendarVersion: ward.version,
    });
    for (const d of result) expect(isOpenDay(ward, d.date as string)).toBe(true);
  });

  it("000 払込票: 2 open days before each desired payment date", () => {
    const result = evaluateDeadlineRule(
      { kind: "open-days-before", days: 2, anchor: { event: "desired-payment-date" } },
      context({ anchors: { "desired-payment-date": ["2025-07-10", "2025-07-22"] } }),
    );
    // 7/22 (Tue): 7/21 海の日, 7/19–20 weekend → 7/18 is one before, 7/17 two before
    expect(dates(result)).toEqual(["2025-07-08", "2025-07-17"]);
    expect(result[1]?.anchor).toEqual({ event: "desired-payment-date", date: "2025-07-22" });
  });

  it("003 業務記録報告書: the 15th of the next month, or the next open day", () => {
    const result = evaluateDeadlineRule(
      { kind: "day-of-month", day: 15, monthOffset: 1, id: "report" },
      context({ range: fy2025 }),
    );
    expect(result).toHaveLength(12);
    const byPeriod = Object.fromEntries(result.map((d) => [d.period?.start, d.date]));
    expect(byPeriod["2025-10-01"]).toBe("2025-11-17"); // 11/15 Sat
    expect(byPeriod["2026-02-01"]).toBe("2026-03-16"); // 3/15 Sun
    expect(byPeriod["2026-03-01"]).toBe("2026-04-15"); // due after the range: the period is inside
    expect(result[0]?.ruleId).toBe("report");
  });

  it("returns the nominal date beside the one a closed day moved, and only then", () => {
    const result = evaluateDeadlineRule(
      { kind: "day-of-month", day: 15, monthOffset: 1 },
      context({ range: { from: "2025-10-01", to: "2025-12-31" } }),
    );
    expect(result.map((d) => [d.date, d.nominalDate])).toEqual([
      ["2025-11-17", "2025-11-15"], // Sat → Mon
      ["2025-12-15", undefined],
      ["2026-01-15", undefined],
    ]);
    const before = evaluateDeadlineRule(
      { kind: "calendar-days-before", days: 10, anchor: { event: "start" } },
      context({ anchors: { start: "2025-05-17" } }),
    );
    expect(before[0]).toMatchObject({ date: "2025-05-02", nominalDate: "2025-05-06" });
    const after = evaluateDeadlineRule(
      { kind: "calendar-days-after", days: 30, anchor: { event: "end" } },
      context({ anchors: { end: "2025-11-30" } }),
    );
    expect(after[0]).toMatchObject({ date: "2026-01-05", nominalDate: "2025-12-30" });
    const fy = evaluateDeadlineRule(
      { kind: "every-fiscal-year", month: 5, day: 31 },
      context({ range: { from: "2025-04-01", to: "2026-03-31" } }),
    );
    expect(fy[0]).toMatchObject({ date: "2025-06-02", nominalDate: "2025-05-31" });
  });

  it("on-anchor: the anchor day itself, or a set number of days from it", () => {
    const at = evaluateDeadlineRule(
      { kind: "on-anchor", anchor: { event: "contract-end" } },
      context({ anchors: { "contract-end": "2027-03-31" } }),
    );
    expect(at).toMatchObject([{ kind: "on-anchor", date: "2027-03-31", anchor: { event: "contract-end" } }]);
    // 事務開始前まで: the day before 2026-04-01 is 3/31 (Tue); before 2025-05-07 it is 5/6 (振替休日) → 5/2.
    const before = {
      kind: "on-anchor",
      offsetDays: -1,
      closedDay: "previous",
      anchor: { event: "start" },
    } as const;
    expect(dates(evaluateDeadlineRule(before, context({ anchors: { start: "2026-04-01" } })))).toEqual([
      "2026-03-31",
    ]);
    expect(evaluateDeadlineRule(before, context({ anchors: { start: "2025-05-07" } }))[0]).toMatchObject({
      date: "2025-05-02",
      nominalDate: "2025-05-06",
    });
  });

  it("clamps day 31 to short months and can move a closed day earlier", () => {
    const result = evaluateDeadlineRule(
      { kind: "day-of-month", day: 31, closedDay: "previous" },
      context({ range: { from: "2026-02-01", to: "2026-02-28" } }),
    );
    expect(dates(result)).toEqual(["2026-02-27"]); // 2/28 is a Saturday
  });

  it("000 従事者: reported 10 days before the start (中10日), earlier when closed", () => {
    const result = evaluateDeadlineRule(
      { kind: "calendar-days-before", days: 10, anchor: { event: "staff-start" } },
      context({ anchors: { "staff-start": ["2025-04-11", "2025-05-17"] } }),
    );
    // 4/11 − 11 = 3/31 (Mon); 5/17 − 11 = 5/6 (振替休日) → 5/2 (Fri)
    expect(dates(result)).toEqual(["2025-03-31", "2025-05-02"]);
  });

  it("001 消去証明書: within 30 days after the contract ends, a closed last day moving on", () => {
    const rule = { kind: "calendar-days-after", days: 30, anchor: { event: "contract-end" } } as const;
    expect(dates(evaluateDeadlineRule(rule, context({ anchors: { "contract-end": "2026-03-31" } })))).toEqual(
      ["2026-04-30"],
    );
    expect(dates(evaluateDeadlineRule(rule, context({ anchors: { "contract-end": "2025-11-30" } })))).toEqual(
      ["2026-01-05"],
    );
    expect(
      dates(
        evaluateDeadlineRule(
          { ...rule, closedDay: "keep" },
          context({ anchors: { "contract-end": "2025-11-30" } }),
        ),
      ),
    ).toEqual(["2025-12-30"]);
  });

  it("open days after an anchor, fixed dates, and the n-th open day of a month", () => {
    expect(
      dates(
        evaluateDeadlineRule({ kind: "open-days-after", days: 3, anchor: { date: "2025-12-26" } }, context()),
      ),
    ).toEqual(["2026-01-07"]);
    expect(
      dates(evaluateDeadlineRule({ kind: "date", date: "2026-01-03", closedDay: "next" }, context())),
    ).toEqual(["2026-01-05"]);
    expect(dates(evaluateDeadlineRule({ kind: "date", date: "2026-01-03" }, context()))).toEqual([
      "2026-01-03",
    ]);
    expect(
      dates(
        evaluateDeadlineRule(
          { kind: "nth-open-day-of-month", n: 1, months: [1] },
          context({ range: { from: "2025-04-01", to: "2027-03-31" } }),
        ),
      ),
    ).toEqual(["2026-01-05", "2027-01-04"]);
  });

  it("直ちに: a tracked duty without a date", () => {
    expect(evaluateDeadlineRule({ kind: "immediately", title: "事故報告" }, context())).toEqual([
      {
        kind: "immediately",
        title: "事故報告",
        date: null,
        calendarId: "ward",
        calendarVersion: ward.version,
      },
    ]);
    const anchored = evaluateDeadlineRule(
      { kind: "immediately", anchor: { event: "incident" } },
      context({ anchors: { incident: "2025-08-01" } }),
    );
    expect(anchored[0]).toMatchObject({ date: null, anchor: { event: "incident", date: "2025-08-01" } });
  });

  it("recurs every open day, several times a day", () => {
    const result = evaluateDeadlineRule(
      { kind: "every-open-day", times: ["09:30", "13:00", "15:30"] },
      context({ range: { from: "2025-07-01", to: "2025-07-31" } }),
    );
    expect(result).toHaveLength(22 * 3); // 23 weekdays, 7/21 海の日
    expect(result.slice(0, 3).map((d) => [d.date, d.time, d.sequence])).toEqual([
      ["2025-07-01", "09:30", 1],
      ["2025-07-01", "13:00", 2],
      ["2025-07-01", "15:30", 3],
    ]);
    expect(result.some((d) => d.date === "2025-07-21")).toBe(false);
    const daily = evaluateDeadlineRule(
      { kind: "every-open-day" },
      context({ range: { from: "2025-12-26", to: "2026-01-05" } }),
    );
    expect(dates(daily)).toEqual(["2025-12-26", "2026-01-05"]);
  });

  it("recurs every fiscal year", () => {
    const result = evaluateDeadlineRule(
      { kind: "every-fiscal-year", month: 4, day: 30 },
      context({ range: { from: "2025-04-01", to: "2027-03-31" } }),
    );
    expect(dates(result)).toEqual(["2025-04-30", "2026-04-30"]);
    expect(result[0]?.period).toEqual({ start: "2025-04-01", end: "2026-03-31" });
    const march = evaluateDeadlineRule(
      { kind: "every-fiscal-year", month: 3, day: 31, closedDay: "previous" },
      context({ range: { from: "2025-04-01", to: "2026-03-31" } }),
    );
    expect(dates(march)).toEqual(["2026-03-31"]);
  });

  it("filters anchored deadlines to the range when one is given", () => {
    const result = evaluateDeadlineRule(
      { kind: "open-days-before", days: 2, anchor: { event: "pay" } },
      context({
        anchors: { pay: ["2025-07-10", "2025-09-10"] },
        range: { from: "2025-07-01", to: "2025-07-31" },
      }),
    );
    expect(dates(result)).toEqual(["2025-07-08"]);
  });

  it("merges several rules by date, undated last", () => {
    const result = evaluateDeadlineRules(
      [{ kind: "immediately" }, { kind: "last-open-day-of-month" }, { kind: "date", date: "2025-05-01" }],
      context({ range: { from: "2025-05-01", to: "2025-05-31" } }),
    );
    expect(dates(result)).toEqual(["2025-05-01", "2025-05-30", null]);
  });

  it("uses the rule's own calendar and gives new dates when the calendar changes", () => {
    const closed = createCalendar({ id: "ward2", closures: [{ date: "2025-05-30", name: "臨時閉庁" }] });
    const result = evaluateDeadlineRule(
      { kind: "last-open-day-of-month", calendar: "ward2" },
      {
        calendars: { ward, ward2: closed },
        calendar: "ward",
        range: { from: "2025-05-01", to: "2025-05-31" },
      },
    );
    expect(result[0]).toMatchObject({
      date: "2025-05-29",
      calendarId: "ward2",
      calendarVersion: closed.version,
    });
    const lookup = evaluateDeadlineRule(
      { kind: "last-open-day-of-month" },
      {
        calendars: (id) => (id === "ward" ? ward : undefined),
        calendar: "ward",
        range: { from: "2025-05-01", to: "2025-05-31" },
      },
    );
    expect(dates(lookup)).toEqual(["2025-05-30"]);
  });

  it("throws typed errors for missing range, anchor or calendar and for bad input", () => {
    const code = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return (error as { code?: string }).code;
      }
      return "no error";
    };
    expect(code(() => evaluateDeadlineRule({ kind: "last-open-day-of-month" }, context()))).toBe(
      "MISSING_RANGE",
    );
    expect(
      code(() =>
        evaluateDeadlineRule({ kind: "open-days-after", days: 1, anchor: { event: "x" } }, context()),
      ),
    ).toBe("MISSING_ANCHOR");
    expect(
      code(() => evaluateDeadlineRule({ kind: "date", date: "2025-01-01", calendar: "nope" }, context())),
    ).toBe("UNKNOWN_CALENDAR");
    expect(
      code(() =>
        evaluateDeadlineRule({ kind: "date", date: "2025-01-01" }, { calendars: { ward, other: ward } }),
      ),
    ).toBe("UNKNOWN_CALENDAR");
    expect(
      code(() =>
        evaluateDeadlineRule(
          { kind: "every-open-day" },
          context({ range: { from: "2025-02-01", to: "2025-01-01" } }),
        ),
      ),
    ).toBe("INVALID_RANGE");
    expect(code(() => evaluateDeadlineRule({ kind: "date", date: "2025-13-01" }, context()))).toBe(
      "INVALID_RULE",
    );
    expect(() =>
      evaluateDeadlineRule({ kind: "date", date: "2025-01-01", calendar: "nope" }, context()),
    ).toThrow(/^@ward\/sla-timers: unknown calendar "nope" \(known: ward\)$/);
  });
});
