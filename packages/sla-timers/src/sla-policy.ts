import { z } from "zod";
import { SlaTimersError } from "./errors.js";

/** The built-in event types of a timer history; anything else is `custom` with a `name`. */
export const TIMER_EVENT_TYPES = [
  "created",
  "responded",
  "paused",
  "resumed",
  "resolved",
  "reopened",
  "custom",
] as const;
/** A built-in event type. */
export type TimerEventType = (typeof TIMER_EVENT_TYPES)[number];

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "expected HH:mm (00:00–23:59)");
/** `created`, `responded`, … or `custom:<name>` for a custom event declared in `customEvents`. */
const eventKey = z.union([
  z.enum(["created", "responded", "paused", "resumed", "resolved", "reopened"]),
  z.templateLiteral(["custom:", z.string().min(1)]),
]);
/** An event key a condition can name. */
export type TimerEventKey = z.infer<typeof eventKey>;

const conditions = {
  /** Event types that start the timer. */
  start: z.array(eventKey).min(1).optional(),
  /** Event types that pause a running timer. */
  pause: z.array(eventKey).optional(),
  /** Event types that resume a paused timer. */
  resume: z.array(eventKey).optional(),
  /** Event types that stop the timer (met when on time, breached when late). */
  stop: z.array(eventKey).optional(),
  /** Event types that start a fresh cycle after a stop (e.g. `reopened`). */
  restart: z.array(eventKey).optional(),
};

/** The counting model: day-based (Japanese office practice) or hour-based (SLA engines). */
export const countingModelSchema = z.discriminatedUnion("model", [
  z.strictObject({
    model: z.literal("day-based"),
    /** Receipt at or after this time counts as received on the next open day; default: close of business. */
    cutoff: hhmm.optional(),
    /** The deadline instant on the last day: its close of business (default) or the end of the day (24:00). */
    deadlineAt: z.enum(["close-of-business", "end-of-day"]).default("close-of-business"),
  }),
  z.strictObject({ model: z.literal("hour-based") }),
]);
/** A counting model. */
export type CountingModel = z.output<typeof countingModelSchema>;

/** The unit of a goal's length. */
export const GOAL_UNITS = ["business-days", "business-hours", "business-minutes", "calendar-days"] as const;
/** A goal's unit. */
export type GoalUnit = (typeof GOAL_UNITS)[number];

const goalSchema = z.strictObject({
  /** What is measured, e.g. `first-response`, `answer`. */
  metric: z.string().min(1),
  /** Length of the goal, a positive integer. */
  amount: z.number().int().positive(),
  unit: z.enum(GOAL_UNITS),
  ...conditions,
  stop: z.array(eventKey).min(1),
});
/** One goal of a policy. */
export type SlaGoal = z.output<typeof goalSchema>;

/**
 * An SLA policy as JSON: the calendar id, the counting model, goals, and the event types that start,
 * pause, resume, stop and restart the timers (policy-level defaults, overridable per goal).
 *
 * @example
 * slaPolicySchema.parse({
 *   id: "helpdesk", calendar: "ward", counting: { model: "day-based" },
 *   goals: [{ metric: "first-response", amount: 2, unit: "business-days", stop: ["responded"] }],
 * }).start; // => ["created"]
 */
export const slaPolicySchema = z
  .strictObject({
    id: z.string().min(1),
    name: z.string().optional(),
    /** Id of a calendar in the registry passed at evaluation. */
    calendar: z.string().min(1),
    counting: countingModelSchema,
    /** Names of custom events (`{ type: "custom", name }`) the history may contain. */
    customEvents: z.array(z.string().min(1)).default([]),
    start: z.array(eventKey).min(1).default(["created"]),
    pause: z.array(eventKey).default(["paused"]),
    resume: z.array(eventKey).default(["resumed"]),
    restart: z.array(eventKey).default(["reopened"]),
    goals: z.array(goalSchema).min(1),
  })
  .superRefine((policy, ctx) => {
    const metrics = new Set<string>();
    policy.goals.forEach((goal, index) => {
      if (metrics.has(goal.metric)) {
        ctx.addIssue({
          code: "custom",
          path: ["goals", index, "metric"],
          message: `duplicate metric "${goal.metric}"`,
        });
      }
      metrics.add(goal.metric);
      if (
        policy.counting.model === "day-based" &&
        (goal.unit === "business-hours" || goal.unit === "business-minutes")
      ) {
        ctx.addIssue({
          code: "custom",
          path: ["goals", index, "unit"],
          message: `day-based counting needs business-days or calendar-days, not ${goal.unit}`,
        });
      }
    });
    const declared = new Set(policy.customEvents);
    const keys = [policy.start, policy.pause, policy.resume, policy.restart].flat();
    for (const goal of policy.goals)
      keys.push(
        ...[goal.start, goal.pause, goal.resume, goal.stop, goal.restart]
          .flat()
          .filter((k) => k !== undefined),
      );
    for (const key of keys) {
      if (key.startsWith("custom:") && !declared.has(key.slice(7))) {
        ctx.addIssue({
          code: "custom",
          path: ["customEvents"],
          message: `"${key}" names an undeclared custom event`,
        });
      }
    }
  });

/** A parsed SLA policy (defaults filled in). */
export type SlaPolicy = z.output<typeof slaPolicySchema>;
/** An SLA policy as written in JSON. */
export type SlaPolicyInput = z.input<typeof slaPolicySchema>;

/**
 * Parses an SLA policy.
 *
 * @param input - JSON data
 * @returns the policy with defaults
 * @throws SlaTimersError `INVALID_GOAL` for a goal of zero or negative length, `INVALID_POLICY` otherwise
 * @example
 * parseSlaPolicy({ id: "p", calendar: "ward", counting: { model: "hour-based" },
 *   goals: [{ metric: "answer", amount: 0, unit: "business-hours", stop: ["resolved"] }] });
 * // throws SlaTimersError { code: "INVALID_GOAL" }
 */
export function parseSlaPolicy(input: unknown): SlaPolicy {
  const result = slaPolicySchema.safeParse(input);
  if (result.success) return result.data;
  const goalIssue = result.error.issues.find(
    (issue) => issue.path[0] === "goals" && issue.path[issue.path.length - 1] === "amount",
  );
  if (goalIssue !== undefined) {
    const goal = (input as { goals?: { metric?: unknown; amount?: unknown }[] }).goals?.[
      Number(goalIssue.path[1])
    ];
    throw new SlaTimersError(
      "INVALID_GOAL",
      `goal "${String(goal?.metric)}" must have a positive whole length, got ${JSON.stringify(goal?.amount)} (目標の長さは正の整数で指定してください)`,
      { cause: result.error },
    );
  }
  throw new SlaTimersError("INVALID_POLICY", `invalid SLA policy: ${z.prettifyError(result.error)}`, {
    cause: result.error,
  });
}

/**
 * Parses an SLA policy without throwing.
 *
 * @param input - JSON data
 * @returns zod's `{ success, data | error }`
 * @example
 * safeParseSlaPolicy({}).success; // => false
 */
export function safeParseSlaPolicy(input: unknown): z.ZodSafeParseResult<SlaPolicy> {
  return slaPolicySchema.safeParse(input);
}
