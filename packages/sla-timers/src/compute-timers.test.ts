import { type Calendar, createCalendar, wardCalendar } from "@ward/calendar-jp";
import { describe, expect, it } from "vitest";
import { compileSlaPolicy } from "./compile-sla-policy.js";
import { computeTimer, computeTimers } from "./compute-timers.js";
import type { SlaPolicyInput } from "./sla-policy.js";

const ward = wardCalendar({ id: "ward" });
const calendars = { ward };

const dayBased: SlaPolicyInput = {
  id: "helpdesk-day",
  calendar: "ward",
  counting: { model: "day-based" },
  goals: [
    { metric: "first-response", amount: 2, unit: "business-days", stop: ["responded", "resolved"] },
    { metric: "answer", amount: 3, unit: "business-days", stop: ["resolved"] },
  ],
};
const hourBased: SlaPolicyInput = {
  id: "helpdesk-hour",
  calendar: "ward",
  counting: { model: "hour-based" },
  goals: [{ metric: "first-response", amount: 16, unit: "business-hours", stop: ["responded"] }],
};

function due(
  policy: SlaPolicyInput,
  created: string,
  metric = "first-response",
  calendarSet: Record<string, Calendar> = calendars,
) {
  return computeTimer({
    policy,
    calendars: calendarSet,
    events: [{ type: "created", at: created }],
    now: created,
    metric,
  });
}

describe("worked examples (2 business days, 9–17, closed 12/29–1/3)", () => {
  it("Fri 2025-12-26 16:30 → day-based 2026-01-06 17:00, hour-based 2026-01-06 16:30", () => {
    expect(due(dayBased, "2025-12-26T16:30:00+09:00").dueAt?.toISO()).toBe("2026-01-06T17:00:00.000+09:00");
    expect(due(hourBased, "2025-12-26T16:30:00+09:00").dueAt?.toISO()).toBe("2026-01-06T16:30:00.000+09:00");
  });

  it("Sat 2025-12-27 → day-based 2026-01-07 17:00, hour-based 2026-01-06 17:00", () => {
    expect(due(dayBased, "2025-12-27T10:00:00+09:00").dueAt?.toISO()).toBe("2026-01-07T17:00:00.000+09:00");
    expect(due(hourBased, "2025-12-27T10:00:00+09:00").dueAt?.toISO()).toBe("2026-01-06T17:00:00.000+09:00");
  });

  it("hour-based 2 business-days equals 16 business hours", () => {
    const days: SlaPolicyInput = {
      ...hourBased,
      goals: [{ metric: "first-response", amount: 2, unit: "business-days", stop: ["responded"] }],
    };
    expect(due(days, "2025-12-26T16:30:00+09:00").dueAt?.toISO()).toBe("2026-01-06T16:30:00.000+09:00");
  });

  it("counts a request at 16:59 as received that day and one at 17:01 as received the next open day", () => {
    expect(due(dayBased, "2025-07-01T16:59:00+09:00").dueAt?.toISO()).toBe("2025-07-03T17:00:00.000+09:00");
    expect(due(dayBased, "2025-07-01T17:01:00+09:00").dueAt?.toISO()).toBe("2025-07-04T17:00:00.000+09:00");
    expect(due(dayBased, "2025-07-01T17:00:00+09:00").dueAt?.toISO()).toBe("2025-07-04T17:00:00.000+09:00");
  });

  it("honours an earlier cut-off and an end-of-day deadline", () => {
    const custom: SlaPolicyInput = {
      ...dayBased,
      counting: { model: "day-based", cutoff: "15:00", deadlineAt: "end-of-day" },
    };
    expect(due(custom, "2025-07-01T14:59:00+09:00").dueAt?.toISO()).toBe("2025-07-04T00:00:00.000+09:00");
    expect(due(custom, "2025-07-01T15:00:00+09:00").dueAt?.toISO()).toBe("2025-07-05T00:00:00.000+09:00");
  });

  it("gives the answer goal (3 days) alongside first response (2 days)", () => {
    const timers = computeTimers({
      policy: dayBased,
      calendars,
      events: [{ type: "created", at: "2025-12-26T16:30:00+09:00" }],
      now: "2025-12-26T16:31:00+09:00",
    });
    expect(timers.map((t) => [t.metric, t.dueAt?.toISODate()])).toEqual([
      ["first-response", "2026-01-06"],
      ["answer", "2026-01-07"],
    ]);
  });
});

describe("pauses", () => {
  const created = { type: "created", at: "2025-07-07T09:00:00+09:00" }; // Monday
  const pause = { type: "paused", at: "2025-07-07T10:00:00+09:00" };
  const resume = { type: "resumed", at: "2025-07-08T10:00:00+09:00" };

  it("moves an hour-based deadline by exactly the business time paused (Mon 10:00 → Tue 10:00 = 8 h: Tue 17:00 → Wed 17:00)", () => {
    const before = computeTimer({
      policy: hourBased,
      calendars,
      events: [created],
      now: created.at,
      metric: "first-response",
    });
    const after = computeTimer({
      policy: hourBased,
      calendars,
      events: [created, pause, resume],
      now: resume.at,
      metric: "first-response",
    });
    expect(before.dueAt?.toISO()).toBe("2025-07-08T17:00:00.000+09:00");
    expect(after.dueAt?.toISO()).toBe("2025-07-09T17:00:00.000+09:00");
    expect(after.elapsedBusinessMinutes).toBe(60);
    expect(after.remaining).toBe(16 * 60 - 60);
  });

  it("reports a paused timer with its frozen remainder and no due instant", () => {
    const timer = computeTimer({
      policy: hourBased,
      calendars,
      events: [created, pause],
      now: "2025-07-20T12:00:00+09:00",
      metric: "first-response",
    });
    expect(timer.status).toBe("paused");
    expect(timer.dueAt).toBeNull();
    expect(timer.remainingBusinessMinutes).toBe(15 * 60);
  });

  it("skips the day whose close of business falls inside a day-based pause", () => {
    const timer = computeTimer({
      policy: dayBased,
      calendars,
      events: [created, pause, resume],
      now: resume.at,
      metric: "first-response",
    });
    // Mon is the day of receipt (not counted) — the pause spans only its close, so nothing moves.
    expect(timer.dueAt?.toISO()).toBe("2025-07-09T17:00:00.000+09:00");
    const longer = computeTimer({
      policy: dayBased,
      calendars,
      events: [created, pause, { type: "resumed", at: "2025-07-09T10:00:00+09:00" }],
      now: "2025-07-09T10:00:00+09:00",
      metric: "first-response",
    });
    // Tue's close is now paused too: one counted day moves out.
    expect(longer.dueAt?.toISO()).toBe("2025-07-10T17:00:00.000+09:00");
  });
});

describe("status from the history", () => {
  const created = { type: "created", at: "2025-12-26T16:30:00+09:00" };

  it("is met when responded by the due instant, breached after it, with the breach instant", () => {
    const met = computeTimers({
      policy: dayBased,
      calendars,
      events: [created, { type: "responded", at: "2026-01-06T17:00:00+09:00" }],
      now: "2026-02-01T00:00:00+09:00",
    });
    expect(met.map((t) => t.status)).toEqual(["met", "breached"]);
    expect(met[1]?.breachedAt?.toISO()).toBe("2026-01-07T17:00:00.000+09:00");
    const late = computeTimer({
      policy: dayBased,
      calendars,
      events: [created, { type: "responded", at: "2026-01-06T17:01:00+09:00" }],
      now: "2026-01-06T17:01:00+09:00",
      metric: "first-response",
    });
    expect(late.status).toBe("breached");
    expect(late.breachedAt?.toISO()).toBe("2026-01-06T17:00:00.000+09:00");
    expect(late.stoppedAt?.toISO()).toBe("2026-01-06T17:01:00.000+09:00");
  });

  it("is running before the deadline and breached after, with remaining business time", () => {
    const running = computeTimer({
      policy: hourBased,
      calendars,
      events: [created],
      now: "2026-01-05T09:00:00+09:00",
      metric: "first-response",
    });
    expect(running.status).toBe("running");
    expect(running.elapsed).toBe(30);
    expect(running.remaining).toBe(16 * 60 - 30);
    expect(running.remainingBusinessMinutes).toBe(16 * 60 - 30);
    const over = computeTimer({
      policy: hourBased,
      calendars,
      events: [created],
      now: "2026-01-07T09:30:00+09:00",
      metric: "first-response",
    });
    expect(over.status).toBe("breached");
    expect(over.breachedAt?.toISO()).toBe("2026-01-06T16:30:00.000+09:00");
    expect(over.remaining).toBe(-60);
    expect(over.remainingBusinessMinutes).toBe(-60);
  });

  it("is not started without a start event, ignores events after now, and restarts on reopen", () => {
    expect(
      computeTimer({ policy: dayBased, calendars, events: [], now: created.at, metric: "answer" }).status,
    ).toBe("not-started");
    const reopened = computeTimer({
      policy: dayBased,
      calendars,
      events: [
        created,
        { type: "resolved", at: "2025-12-26T16:45:00+09:00" },
        { type: "reopened", at: "2026-01-08T10:00:00+09:00" },
        { type: "resolved", at: "2026-02-01T10:00:00+09:00" },
      ],
      now: "2026-01-08T12:00:00+09:00",
      metric: "answer",
    });
    expect(reopened.cycle).toBe(2);
    expect(reopened.status).toBe("running");
    // Reopened Thu 1/8 (not counted): Fri 1/9, Tue 1/13 (Mon 1/12 is 成人の日), Wed 1/14.
    expect(reopened.dueAt?.toISO()).toBe("2026-01-14T17:00:00.000+09:00");
  });

  it("counts calendar days the legal way: day of receipt not counted, a closed last day moves on", () => {
    const policy: SlaPolicyInput = {
      id: "erasure",
      calendar: "ward",
      counting: { model: "day-based", deadlineAt: "end-of-day" },
      goals: [{ metric: "certificate", amount: 30, unit: "calendar-days", stop: ["resolved"] }],
    };
    // 2026-03-31 + 30 days = 2026-04-30 (Thu, open)
    expect(due(policy, "2026-03-31T12:00:00+09:00", "certificate").dueAt?.toISO()).toBe(
      "2026-05-01T00:00:00.000+09:00",
    );
    // 2025-12-01 + 30 = 2025-12-31 (closed) → Mon 2026-01-05, until the end of that day
    expect(due(policy, "2025-12-01T12:00:00+09:00", "certificate").dueAt?.toISO()).toBe(
      "2026-01-06T00:00:00.000+09:00",
    );
    const hourly: SlaPolicyInput = { ...policy, counting: { model: "hour-based" } };
    expect(due(hourly, "2025-12-01T12:00:00+09:00", "certificate").dueAt?.toISO()).toBe(
      "2025-12-31T12:00:00.000+09:00",
    );
  });
});

describe("calendar changes", () => {
  it("recomputes with the new calendar and records the version used", () => {
    const closedTuesday: Calendar = createCalendar({
      id: "ward",
      yearEnd: { from: "12-29", to: "01-03" },
      closures: [{ date: "2026-01-06", name: "臨時閉庁" }],
    });
    const a = due(dayBased, "2025-12-26T16:30:00+09:00");
    const b = due(dayBased, "2025-12-26T16:30:00+09:00", "first-response", { ward: closedTuesday });
    expect(b.dueAt?.toISO()).toBe("2026-01-07T17:00:00.000+09:00");
    expect(a.calendarVersion).toBe(ward.version);
    expect(b.calendarVersion).toBe(closedTuesday.version);
    expect(a.calendarVersion).not.toBe(b.calendarVersion);
  });

  it("compiles once and evaluates many histories with epoch-millisecond events", () => {
    const compiled = compileSlaPolicy(dayBased, calendars);
    const at = Date.parse("2025-12-26T07:30:00Z");
    const [first] = compiled.evaluate([{ type: "created", at }], at);
    expect(first?.dueAt).toBe(Date.parse("2026-01-06T08:00:00Z"));
  });
});

describe("business hours with a break", () => {
  it("skips the lunch break and uses the calendar's own hours", () => {
    const lunch = createCalendar({
      id: "lunch",
      hours: { open: "08:30", close: "17:15", breaks: [{ from: "12:00", to: "13:00" }] },
    });
    const policy: SlaPolicyInput = {
      id: "p",
      calendar: "lunch",
      counting: { model: "hour-based" },
      goals: [{ metric: "m", amount: 60, unit: "business-minutes", stop: ["responded"] }],
    };
    expect(due(policy, "2025-07-01T11:30:00+09:00", "m", { lunch }).dueAt?.toISO()).toBe(
      "2025-07-01T13:30:00.000+09:00",
    );
    const dayPolicy: SlaPolicyInput = { ...dayBased, calendar: "lunch" };
    expect(due(dayPolicy, "2025-07-01T17:10:00+09:00", "first-response", { lunch }).dueAt?.toISO()).toBe(
      "2025-07-03T17:15:00.000+09:00",
    );
  });
});
