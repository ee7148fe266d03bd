import { type Calendar, MS_PER_DAY, TOKYO_OFFSET_MS } from "@ward/calendar-jp";
import { type CalendarRegistry, resolveCalendar } from "./calendar-registry.js";
import { SlaTimersError } from "./errors.js";
import {
  type BusinessTable,
  businessClock,
  businessHoursOf,
  businessInstant,
  businessTable,
  openDayOfOrdinal,
  openDayOnOrAfter,
  openDayTicks,
} from "./internal/business-table.js";
import { minutesOfHhmm } from "./internal/hhmm.js";
import { epochMsOf, eventMsOf, type InstantLike } from "./internal/instant.js";
import { parseSlaPolicy, type SlaPolicy, type SlaPolicyInput, type TimerEventKey } from "./sla-policy.js";
import type { TimerCounter, TimerState, TimerStatus } from "./timer-state.js";

/** One entry of a timer's event history. `at`: ISO string with offset, DateTime, Date or epoch ms. */
export interface TimerEventRecord {
  readonly type: string;
  readonly at: InstantLike;
  /** Name of a `custom` event (declared in the policy's `customEvents`). */
  readonly name?: string;
}

/** A policy bound to its calendar, ready to evaluate many histories fast. */
export interface CompiledSlaPolicy {
  readonly policy: SlaPolicy;
  readonly calendar: Calendar;
  /** Timers of every goal for one history, as of `now` (events after `now` are ignored). */
  evaluate(events: readonly TimerEventRecord[], now: InstantLike): TimerState[];
}

const BUILTIN = ["created", "responded", "paused", "resumed", "resolved", "reopened"] as const;
const START = 1;
const PAUSE = 2;
const RESUME = 4;
const STOP = 8;
const RESTART = 16;
const NOT_STARTED = 0;
const RUNNING = 1;
const PAUSED = 2;
const STOPPED = 3;

const Mode = { HourBusiness: 0, HourWall: 1, DayBusiness: 2, DayCalendar: 3 } as const;
type Mode = (typeof Mode)[keyof typeof Mode];

interface CompiledGoal {
  readonly metric: string;
  readonly mode: Mode;
  /** Goal length in clock units (ms or days). */
  readonly target: number;
  readonly actions: Uint8Array;
  readonly lookaheadDays: number;
  readonly counter: TimerCounter;
  readonly toCounter: number;
}

const NOT_FOUND = -1;

/**
 * Binds a policy to its calendar and precomputes what evaluation needs (event codes, per-calendar tables of
 * open days and business hours), so that evaluating a short history is integer arithmetic.
 *
 * @param policyInput - an SLA policy (JSON data or parsed)
 * @param calendars - calendars by id (object or lookup function)
 * @returns the compiled policy
 * @throws SlaTimersError `INVALID_POLICY`, `INVALID_GOAL`, `UNKNOWN_CALENDAR`, `NO_OPEN_DAY` (no open day to place a deadline on)
 * @example
 * const helpdesk = compileSlaPolicy(policy, { ward: wardCalendar({ id: "ward" }) });
 * helpdesk.evaluate([{ type: "created", at: "2025-12-26T16:30:00+09:00" }], "2025-12-26T17:00:00+09:00")[0]?.status;
 * // => "running"
 */
export function compileSlaPolicy(
  policyInput: SlaPolicyInput,
  calendars: CalendarRegistry<Calendar>,
): CompiledSlaPolicy {
  const policy = parseSlaPolicy(policyInput);
  const calendar = resolveCalendar(calendars, policy.calendar);
  const customCodes = new Map<string, number>(
    policy.customEvents.map((name, i) => [name, BUILTIN.length + i]),
  );
  const codeCount = BUILTIN.length + policy.customEvents.length;
  const codeOfKey = (key: TimerEventKey): number =>
    key.startsWith("custom:")
      ? (customCodes.get(key.slice(7)) ?? NOT_FOUND)
      : BUILTIN.indexOf(key as (typeof BUILTIN)[number]);

  const hours = businessHoursOf(calendar);
  const dayMs = hours.dayMs;
  const counting = policy.counting;
  const dayBased = counting.model === "day-based";
  const tickMs =
    dayBased && counting.cutoff !== undefined ? minutesOfHhmm(counting.cutoff) * 60_000 : hours.closeMs;
  const endOfDay = dayBased && counting.deadlineAt === "end-of-day";

  const goals: CompiledGoal[] = policy.goals.map((goal) => {
    const actions = new Uint8Array(codeCount);
    const mark = (keys: readonly TimerEventKey[], bit: number) => {
      for (const key of keys) {
        const code = codeOfKey(key);
        if (code !== NOT_FOUND) actions[code] = (actions[code] as number) | bit;
      }
    };
    mark(goal.start ?? policy.start, START);
    mark(goal.pause ?? policy.pause, PAUSE);
    mark(goal.resume ?? policy.resume, RESUME);
    mark(goal.stop, STOP);
    mark(goal.restart ?? policy.restart, RESTART);
    let mode: Mode;
    let target: number;
    let counter: TimerCounter;
    let toCounter = 1;
    if (dayBased) {
      mode = goal.unit === "calendar-days" ? Mode.DayCalendar : Mode.DayBusiness;
      target = goal.amount;
      counter = "days";
    } else if (goal.unit === "calendar-days") {
      mode = Mode.HourWall;
      target = goal.amount * MS_PER_DAY;
      counter = "minutes";
      toCounter = 1 / 60_000;
    } else {
      mode = Mode.HourBusiness;
      const unitMs =
        goal.unit === "business-days" ? dayMs : goal.unit === "business-hours" ? 3_600_000 : 60_000;
      target = goal.amount * unitMs;
      counter = "business-minutes";
      toCounter = 1 / 60_000;
    }
    const businessDays = mode === Mode.HourBusiness ? Math.ceil(target / dayMs) : goal.amount;
    return {
      metric: goal.metric,
      mode,
      target,
      actions,
      counter,
      toCounter,
      lookaheadDays: businessDays * 7 + 40,
    };
  });
  const lookahead = Math.max(...goals.map((g) => g.lookaheadDays));

  let codes = new Int32Array(16);
  let times = new Float64Array(16);

  const codeOfEvent = (event: TimerEventRecord, index: number): number => {
    const builtin = BUILTIN.indexOf(event.type as (typeof BUILTIN)[number]);
    if (builtin !== NOT_FOUND) return builtin;
    if (event.type === "custom") {
      const code = event.name === undefined ? undefined : customCodes.get(event.name);
      if (code !== undefined) return code;
      throw new SlaTimersError(
        "UNKNOWN_EVENT_TYPE",
        `event #${index}: custom event "${String(event.name)}" is not declared in policy "${policy.id}" (customEvents: ${policy.customEvents.join(", ") || "none"})`,
      );
    }
    throw new SlaTimersError(
      "UNKNOWN_EVENT_TYPE",
      `event #${index}: unknown event type "${String(event.type)}" (expected ${[...BUILTIN, "custom"].join(", ")})`,
    );
  };

  const evaluate = (events: readonly TimerEventRecord[], nowInput: InstantLike): TimerState[] => {
    const now = typeof nowInput === "number" ? nowInput : epochMsOf(nowInput, "now");
    if (!Number.isFinite(now)) throw new SlaTimersError("INVALID_INSTANT", "now is not a valid instant");
    const n = events.length;
    if (codes.length < n) {
      codes = new Int32Array(n * 2);
      times = new Float64Array(n * 2);
    }
    let last = Number.NEGATIVE_INFINITY;
    let count = 0;
    for (let i = 0; i < n; i++) {
      const event = events[i] as TimerEventRecord;
      if (typeof event !== "object" || event === null || typeof event.type !== "string") {
        throw new SlaTimersError("INVALID_EVENT", `event #${i} must be an object with a string "type"`);
      }
      const at = typeof event.at === "number" ? event.at : eventMsOf(event.at, i);
      if (!Number.isFinite(at))
        throw new SlaTimersError("INVALID_INSTANT", `event #${i} time is not a valid instant`);
      if (at < last) {
        throw new SlaTimersError(
          "EVENTS_OUT_OF_ORDER",
          `event #${i} (${event.type}) is earlier than event #${i - 1}: histories must be in time order (イベントは時刻順に並べてください)`,
        );
      }
      last = at;
      codes[i] = codeOfEvent(event, i);
      times[i] = at;
      if (at <= now) count = i + 1;
    }
    const firstDay = count > 0 ? Math.floor(((times[0] as number) + TOKYO_OFFSET_MS) / MS_PER_DAY) : 0;
    const nowDay = Math.floor((now + TOKYO_OFFSET_MS) / MS_PER_DAY);
    const table = businessTable(calendar, Math.min(firstDay, nowDay) - 2, nowDay + lookahead);
    const out: TimerState[] = [];
    for (const goal of goals) out.push(runGoal(goal, table, count, now));
    return out;
  };

  const env: Env = { tickMs, endOfDay, closeMs: hours.closeMs, model: counting.model, calendar };
  const runGoal = (goal: CompiledGoal, table: BusinessTable, count: number, now: number): TimerState =>
    run(goal, table, env, codes, times, count, now);

  return { policy, calendar, evaluate };
}

interface Env {
  readonly tickMs: number;
  readonly endOfDay: boolean;
  readonly closeMs: number;
  readonly model: "day-based" | "hour-based";
  readonly calendar: Calendar;
}

// Plain top-level functions: no closures are created per evaluation (hot path).

function deadlineOfDay(env: Env, day: number): number {
  return (env.endOfDay ? (day + 1) * MS_PER_DAY : day * MS_PER_DAY + env.closeMs) - TOKYO_OFFSET_MS;
}

function clockAt(mode: Mode, table: BusinessTable, tickMs: number, t: number): number {
  if (mode === Mode.HourBusiness) return businessClock(table, t);
  if (mode === Mode.HourWall) return t;
  if (mode === Mode.DayBusiness) return openDayTicks(table, t, tickMs);
  return Math.floor((t + TOKYO_OFFSET_MS) / MS_PER_DAY);
}

/** The due instant of a segment running from clock value `segClock` with `consumed` already used. */
function dueFrom(
  goal: CompiledGoal,
  table: BusinessTable,
  env: Env,
  segClock: number,
  consumed: number,
  excluded: number,
): number {
  const rest = goal.target - consumed;
  if (goal.mode === Mode.HourWall) return segClock + rest;
  if (goal.mode === Mode.HourBusiness) return businessInstant(table, segClock + rest) ?? fail(goal.metric);
  const ordinal = segClock + rest + (excluded > segClock ? 1 : 0);
  if (goal.mode === Mode.DayBusiness)
    return deadlineOfDay(env, openDayOfOrdinal(table, ordinal) ?? fail(goal.metric));
  // Day-calendar tick `ordinal` is the midnight that ends day ordinal - 1; a closed last day moves forward.
  return deadlineOfDay(env, openDayOnOrAfter(table, ordinal - 1) ?? fail(goal.metric));
}

function run(
  goal: CompiledGoal,
  table: BusinessTable,
  env: Env,
  codes: Int32Array,
  times: Float64Array,
  count: number,
  now: number,
): TimerState {
  const mode = goal.mode;
  const tickMs = env.tickMs;
  const dayMode = mode === Mode.DayBusiness || mode === Mode.DayCalendar;
  const target = goal.target;
  let state = NOT_STARTED;
  let cycle = 0;
  let consumed = 0;
  let excluded = Number.NEGATIVE_INFINITY;
  let segStart = 0;
  let segClock = 0;
  let due: number | null = null;
  let reached: number | null = null;
  let startedAt: number | null = null;
  let breachedAt: number | null = null;
  let stoppedAt: number | null = null;
  let businessElapsed = 0;

  for (let i = 0; i < count; i++) {
    const action = goal.actions[codes[i] as number] as number;
    if (action === 0) continue;
    const t = times[i] as number;
    let begin = false;
    let close = false;
    if (state === NOT_STARTED || (state === STOPPED && action & RESTART)) {
      if (state === NOT_STARTED && !(action & START)) continue;
      cycle++;
      consumed = 0;
      reached = null;
      breachedAt = null;
      stoppedAt = null;
      startedAt = t;
      excluded = dayMode ? clockAt(mode, table, tickMs, t) + 1 : Number.NEGATIVE_INFINITY;
      state = RUNNING;
      begin = true;
    } else if (state === RUNNING) {
      if (action & STOP) {
        close = true;
        state = STOPPED;
        stoppedAt = t;
      } else if (action & PAUSE) {
        close = true;
        state = PAUSED;
      }
    } else if (state === PAUSED) {
      if (action & STOP) {
        state = STOPPED;
        stoppedAt = t;
        due = reached;
      } else if (action & RESUME) {
        state = RUNNING;
        begin = true;
      }
    }
    if (begin) {
      segStart = t;
      segClock = clockAt(mode, table, tickMs, t);
      due = reached ?? dueFrom(goal, table, env, segClock, consumed, excluded);
    } else if (close) {
      const c = clockAt(mode, table, tickMs, t);
      consumed += c - segClock - (dayMode && segClock < excluded && excluded <= c ? 1 : 0);
      businessElapsed += businessClock(table, t) - businessClock(table, segStart);
      if (due !== null && t > due && breachedAt === null) breachedAt = due;
      if (consumed >= target && reached === null) reached = due;
    }
  }

  let status: TimerStatus;
  let elapsed = consumed;
  let remainingBusiness: number | null = null;
  let dueAt: number | null = due;
  if (state === NOT_STARTED) {
    status = "not-started";
    dueAt = null;
  } else if (state === RUNNING) {
    const c = clockAt(mode, table, tickMs, now);
    elapsed += c - segClock - (dayMode && segClock < excluded && excluded <= c ? 1 : 0);
    businessElapsed += businessClock(table, now) - businessClock(table, segStart);
    if (dueAt !== null && now > dueAt && breachedAt === null) breachedAt = dueAt;
    status = breachedAt !== null ? "breached" : "running";
    remainingBusiness = dueAt === null ? null : businessClock(table, dueAt) - businessClock(table, now);
  } else if (state === PAUSED) {
    status = breachedAt !== null ? "breached" : "paused";
    dueAt = reached;
    if (mode === Mode.HourBusiness) remainingBusiness = target - consumed;
  } else {
    status = breachedAt !== null ? "breached" : "met";
    if (dueAt !== null && stoppedAt !== null) {
      remainingBusiness = businessClock(table, dueAt) - businessClock(table, stoppedAt);
    }
  }
  return {
    metric: goal.metric,
    status,
    model: env.model,
    startedAt,
    dueAt,
    breachedAt,
    stoppedAt,
    elapsed: elapsed * goal.toCounter,
    remaining: (target - elapsed) * goal.toCounter,
    counter: goal.counter,
    elapsedBusinessMinutes: businessElapsed / 60_000,
    remainingBusinessMinutes: remainingBusiness === null ? null : remainingBusiness / 60_000,
    cycle,
    calendarId: env.calendar.id,
    calendarVersion: env.calendar.version,
  };
}

function fail(metric: string): never {
  throw new SlaTimersError(
    "NO_OPEN_DAY",
    `goal "${metric}": the calendar has no open day to place the deadline on`,
    {
      details: { metric },
    },
  );
}
