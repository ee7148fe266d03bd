/** Where a timer stands. `met`/`breached` are final for the current cycle; `breached` also covers a timer still running past its due instant. */
export type TimerStatus = "not-started" | "running" | "paused" | "met" | "breached";

/** The unit of {@link TimerState.elapsed} and {@link TimerState.remaining}. */
export type TimerCounter = "business-minutes" | "minutes" | "days";

/** One goal's timer as plain numbers (epoch milliseconds), as returned by the compiled evaluator. */
export interface TimerState {
  readonly metric: string;
  readonly status: TimerStatus;
  readonly model: "day-based" | "hour-based";
  /** Start of the current cycle. */
  readonly startedAt: number | null;
  /** Due instant; `null` before the start and while paused short of the goal. */
  readonly dueAt: number | null;
  /** The instant the goal was missed (equals the due instant then in force). */
  readonly breachedAt: number | null;
  readonly stoppedAt: number | null;
  /** Clock consumed so far, in `counter` units (days counted for day-based). */
  readonly elapsed: number;
  /** Goal length minus `elapsed` (negative when overdue). */
  readonly remaining: number;
  readonly counter: TimerCounter;
  /** Business minutes during which the timer ran. */
  readonly elapsedBusinessMinutes: number;
  /** Business minutes from now (or the stop) to the due instant; frozen remainder while an hour-based timer is paused; otherwise `null`. */
  readonly remainingBusinessMinutes: number | null;
  /** 0 before the start; 1 for the first cycle, 2+ after restarts (`reopened`). */
  readonly cycle: number;
  readonly calendarId: string;
  readonly calendarVersion: string;
}
