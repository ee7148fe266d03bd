export { type CalendarLike, type CalendarRegistry, resolveCalendar } from "./calendar-registry.js";
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
