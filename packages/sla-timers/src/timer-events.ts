import { z } from "zod";
import { TIMER_EVENT_TYPES } from "./sla-policy.js";

/**
 * One event of a timer history as JSON: a built-in type or `custom` with a `name`, and an ISO date-time
 * with an offset (or epoch milliseconds). Evaluation re-checks types against the policy and the order.
 *
 * @example
 * timerEventSchema.parse({ type: "created", at: "2025-12-26T16:30:00+09:00" }).type; // => "created"
 */
export const timerEventSchema = z
  .strictObject({
    type: z.enum(TIMER_EVENT_TYPES),
    at: z.union([z.iso.datetime({ offset: true }), z.number().int()]),
    name: z.string().min(1).optional(),
    id: z.string().optional(),
  })
  .refine((event) => (event.type === "custom") === (event.name !== undefined), {
    message: "custom events need a name, and only custom events have one",
    path: ["name"],
  });
/** A timer event as JSON. */
export type TimerEvent = z.output<typeof timerEventSchema>;
