import type { Calendar } from "@ward/calendar-jp";
import type { DateTime } from "luxon";
import type { CalendarRegistry } from "./calendar-registry.js";
import { compileSlaPolicy, type TimerEventRecord } from "./compile-sla-policy.js";
import { SlaTimersError } from "./errors.js";
import { type InstantLike, tokyoDateTime } from "./internal/instant.js";
import type { SlaPolicyInput } from "./sla-policy.js";
import type { TimerState } from "./timer-state.js";

/** A timer with its instants as luxon DateTimes in Asia/Tokyo. */
export interface Timer extends Omit<TimerState, "startedAt" | "dueAt" | "breachedAt" | "stoppedAt"> {
  readonly startedAt: DateTime | null;
  readonly dueAt: DateTime | null;
  readonly breachedAt: DateTime | null;
  readonly stoppedAt: DateTime | null;
}

/** Input of {@link computeTimers}: everything the answer depends on. */
export interface ComputeTimersInput {
  readonly policy: SlaPolicyInput;
  readonly calendars: CalendarRegistry<Calendar>;
  readonly events: readonly TimerEventRecord[];
  readonly now: InstantLike;
}

const toDateTime = (ms: number | null): DateTime | null => (ms === null ? null : tokyoDateTime(ms));

/**
 * Converts a numeric {@link TimerState} (from a compiled policy) to a {@link Timer} with luxon DateTimes.
 *
 * @param state - a timer state
 * @returns the same timer with Asia/Tokyo DateTimes
 * @example
 * toTimer(compiled.evaluate(events, now)[0]!).dueAt?.toISO(); // => "2026-01-06T17:00:00.000+09:00"
 */
export function toTimer(state: TimerState): Timer {
  return {
    ...state,
    startedAt: toDateTime(state.startedAt),
    dueAt: toDateTime(state.dueAt),
    breachedAt: toDateTime(state.breachedAt),
    stoppedAt: toDateTime(state.stoppedAt),
  };
}

/**
 * Computes every goal's timer from an event history: a pure function of (policy, calendars, events, now).
 * Each result records the calendar id and version it used, so a changed calendar gives a new, traceable answer.
 *
 * @param input - policy, calendars by id, the event history in time order, and `now`
 * @returns one timer per goal, in policy order
 * @throws SlaTimersError `INVALID_POLICY`, `INVALID_GOAL`, `UNKNOWN_CALENDAR`, `UNKNOWN_EVENT_TYPE`,
 *   `EVENTS_OUT_OF_ORDER`, `INVALID_INSTANT`
 * @example
 * computeTimers({ policy, calendars: { ward }, events: [{ type: "created", at: "2025-12-26T16:30:00+09:00" }],
 *   now: "2025-12-26T16:45:00+09:00" })[0]?.dueAt?.toISO(); // => "2026-01-06T17:00:00.000+09:00" (day-based, 2 days)
 */
export function computeTimers(input: ComputeTimersInput): Timer[] {
  return compileSlaPolicy(input.policy, input.calendars).evaluate(input.events, input.now).map(toTimer);
}

/**
 * Computes the timer of one goal.
 *
 * @param input - as {@link computeTimers}, plus the goal's `metric`
 * @returns the timer
 * @throws SlaTimersError `UNKNOWN_METRIC` when no goal measures `metric`, and as {@link computeTimers}
 * @example
 * computeTimer({ ...input, metric: "answer" }).status; // => "running"
 */
export function computeTimer(input: ComputeTimersInput & { readonly metric: string }): Timer {
  const timer = computeTimers(input).find((t) => t.metric === input.metric);
  if (timer === undefined) {
    throw new SlaTimersError("UNKNOWN_METRIC", `policy has no goal with metric "${input.metric}"`);
  }
  return timer;
}
