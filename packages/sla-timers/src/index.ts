export { type CalendarLike, type CalendarRegistry, resolveCalendar } from "./calendar-registry.js";
export { type CompiledSlaPolicy, compileSlaPolicy, type TimerEventRecord } from "./compile-sla-policy.js";
export {
  type ComputeTimersInput,
  computeTimer,
  computeTimers,
  type Timer,
  toTimer,
} from "./compute-timers.js";
export {
  type Deadline,
  type DeadlineAnchor,
  type DeadlineRule,
  type DeadlineRuleContext,
  type DeadlineRuleInput,
  type DeadlineRuleKind,
  deadlineAnchorSchema,
  deadlineRuleSchema,
  type EvaluateDeadlineRule,
  type IsoDateString,
  parseDeadlineRule,
  safeParseDeadlineRule,
} from "./deadline-rules.js";
export { SlaTimersError, type SlaTimersErrorCode } from "./errors.js";
export { evaluateDeadlineRule, evaluateDeadlineRules } from "./evaluate-deadline-rule.js";
export {
  deadlineToICalendarEntry,
  foldLine,
  type ICalendarEntry,
  type ICalendarOptions,
  toICalendar,
} from "./ical.js";
export type { InstantLike } from "./internal/instant.js";
export {
  type CountingModel,
  countingModelSchema,
  GOAL_UNITS,
  type GoalUnit,
  parseSlaPolicy,
  type SlaGoal,
  type SlaPolicy,
  type SlaPolicyInput,
  safeParseSlaPolicy,
  slaPolicySchema,
  TIMER_EVENT_TYPES,
  type TimerEventKey,
  type TimerEventType,
} from "./sla-policy.js";
export { type TimerEvent, timerEventSchema } from "./timer-events.js";
export type { TimerCounter, TimerState, TimerStatus } from "./timer-state.js";
