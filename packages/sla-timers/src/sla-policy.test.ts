import { createCalendar, wardCalendar } from "@ward/calendar-jp";
import { describe, expect, it } from "vitest";
import { resolveCalendar } from "./calendar-registry.js";
import { compileSlaPolicy } from "./compile-sla-policy.js";
import { computeTimer, computeTimers } from "./compute-timers.js";
import { SlaTimersError } from "./errors.js";
import { parseSlaPolicy, type SlaPolicyInput, safeParseSlaPolicy } from "./sla-policy.js";
import { timerEventSchema } from "./timer-events.js";

const ward = wardCalendar({ id: "ward" });
const calendars = { ward };
const seed001: SlaPolicyInput = {
  id: "seed-001-helpdesk",
  name: "ヘルプデスク（24時間365日受付、平日9:00–17:00対応）",
  calendar: "ward",
  counting: { model: "day-based" },
  customEvents: ["waiting-for-citizen", "citizen-replied"],
  pause: ["paused", "custom:waiting-for-citizen"],
  resume: ["resumed", "custom:citizen-replied"],
  goals: [
    { metric: "first-response", amount: 2, unit: "business-days", stop: ["responded", "resolved"] },
    { metric: "answer", amount: 3, unit: "business-days", stop: ["resolved"] },
  ],
};
const created = { type: "created", at: "2025-07-07T09:00:00+09:00" };

function errorOf(fn: () => unknown): SlaTimersError {
  try {
    fn();
  } catch (error) {
    if (error instanceof SlaTimersError) return error;
    throw error;
  }
  throw new Error("expected an SlaTimersError");
}

describe("parseSlaPolicy", () => {
  it("fills in the default conditions and survives a JSON round trip", () => {
    const policy = parseSlaPolicy(seed001);
    expect(policy.start).toEqual(["created"]);
    expect(policy.restart).toEqual(["reopened"]);
    expect(parseSlaPolicy(JSON.parse(JSON.stringify(policy)))).toEqual(policy);
  });

  it("rejects a goal of zero or negative length with INVALID_GOAL", () => {
    for (const amount of [0, -2, 1.5]) {
      const error = errorOf(() =>
        parseSlaPolicy({
          ...seed001,
          goals: [{ metric: "answer", amount, unit: "business-days", stop: ["resolved"] }],
        }),
      );
      expect(error.code).toBe("INVALID_GOAL");
      expect(error.message).toContain(`goal "answer" must have a positive whole length, got ${amount}`);
    }
  });

  it("rejects hour units under day-based counting, undeclared custom events and duplicate metrics", () => {
    const cases: unknown[] = [
      { ...seed001, goals: [{ metric: "a", amount: 4, unit: "business-hours", stop: ["resolved"] }] },
      { ...seed001, customEvents: [] },
      { ...seed001, goals: [seed001.goals[0], seed001.goals[0]] },
      { ...seed001, goals: [] },
      { ...seed001, counting: { model: "minute-based" } },
      { ...seed001, stop: ["resolved"] },
    ];
    for (const input of cases) {
      expect(safeParseSlaPolicy(input).success).toBe(false);
      expect(errorOf(() => parseSlaPolicy(input)).code).toBe("INVALID_POLICY");
    }
    expect(errorOf(() => parseSlaPolicy(cases[0])).message).toMatch(/day-based counting needs business-days/);
  });
});

describe("evaluation errors", () => {
  it("names an unknown calendar", () => {
    const error = errorOf(() =>
      computeTimers({ policy: { ...seed001, calendar: "meguro" }, calendars, events: [], now: 0 }),
    );
    expect(error.code).toBe("UNKNOWN_CALENDAR");
    expect(error.message).toBe('@ward/sla-timers: unknown calendar "meguro" (known: ward)');
    expect(errorOf(() => resolveCalendar(() => undefined, "x")).code).toBe("UNKNOWN_CALENDAR");
  });

  it("says NO_OPEN_DAY, not UNKNOWN_CALENDAR, when the calendar has no open day for the deadline", () => {
    const shut = createCalendar({ id: "shut", closedWeekdays: [1, 2, 3, 4, 5, 6, 7] });
    const error = errorOf(() =>
      computeTimers({
        policy: { ...seed001, calendar: "shut" },
        calendars: { shut },
        events: [created],
        now: "2025-07-08T09:00:00+09:00",
      }),
    );
    expect(error.code).toBe("NO_OPEN_DAY");
    expect(error.messageJa).toBe("期限を置ける開庁日がありません");
    expect(error.details).toEqual({ calendar: "shut" });
  });

  it("rejects events out of order", () => {
    const error = errorOf(() =>
      computeTimers({
        policy: seed001,
        calendars,
        events: [created, { type: "responded", at: "2025-07-07T08:59:00+09:00" }],
        now: "2025-07-08T00:00:00+09:00",
      }),
    );
    expect(error.code).toBe("EVENTS_OUT_OF_ORDER");
    expect(error.message).toMatch(/event #1 \(responded\) is earlier than event #0/);
  });

  it("rejects unknown event types and undeclared custom events", () => {
    const run = (event: { type: string; at: string; name?: string }) =>
      computeTimers({
        policy: seed001,
        calendars,
        events: [created, event],
        now: "2025-07-08T00:00:00+09:00",
      });
    expect(errorOf(() => run({ type: "escalated", at: "2025-07-07T10:00:00+09:00" })).code).toBe(
      "UNKNOWN_EVENT_TYPE",
    );
    const custom = errorOf(() => run({ type: "custom", name: "lunch", at: "2025-07-07T10:00:00+09:00" }));
    expect(custom.code).toBe("UNKNOWN_EVENT_TYPE");
    expect(custom.message).toContain('custom event "lunch" is not declared');
  });

  it("rejects instants without an offset, and unknown metrics", () => {
    expect(
      errorOf(() =>
        computeTimers({
          policy: seed001,
          calendars,
          events: [{ type: "created", at: "2025-07-07T09:00" }],
          now: 0,
        }),
      ).code,
    ).toBe("INVALID_INSTANT");
    expect(
      errorOf(() => computeTimer({ policy: seed001, calendars, events: [], now: 0, metric: "nope" })).code,
    ).toBe("UNKNOWN_METRIC");
    expect(errorOf(() => compileSlaPolicy(seed001, calendars).evaluate([], "yesterday")).code).toBe(
      "INVALID_INSTANT",
    );
  });
});

describe("custom events", () => {
  it("pause on a declared custom event and resume on another", () => {
    const timer = computeTimer({
      policy: seed001,
      calendars,
      events: [
        created,
        { type: "custom", name: "waiting-for-citizen", at: "2025-07-08T09:30:00+09:00" },
        { type: "custom", name: "citizen-replied", at: "2025-07-10T09:30:00+09:00" },
      ],
      now: "2025-07-10T09:30:00+09:00",
      metric: "answer",
    });
    // Mon receipt (not counted); Tue's close paused, Wed's close paused → Thu, Fri, Mon 7/14.
    expect(timer.dueAt?.toISO()).toBe("2025-07-14T17:00:00.000+09:00");
    expect(timer.status).toBe("running");
    expect(timer.elapsed).toBe(0);
  });
});

describe("timerEventSchema", () => {
  it("validates JSON events", () => {
    expect(timerEventSchema.safeParse(created).success).toBe(true);
    expect(timerEventSchema.safeParse({ type: "custom", name: "x", at: 1 }).success).toBe(true);
    expect(timerEventSchema.safeParse({ type: "custom", at: 1 }).success).toBe(false);
    expect(timerEventSchema.safeParse({ type: "created", at: "2025-07-07T09:00:00" }).success).toBe(false);
    expect(timerEventSchema.safeParse({ type: "escalated", at: 1 }).success).toBe(false);
  });
});
