import type { Actor, Platform } from "@ward/platform";
import { slipsDue } from "../storage/payments.js";
import { authorize } from "./policies.js";

/**
 * The payment slips due today (and overdue) or this week.
 *
 * @example
 * const due = await listDueSlips(platform, actor, { today: "2025-07-10", scope: "today" });
 */
export function listDueSlips(
  platform: Platform,
  actor: Actor,
  o: Parameters<typeof slipsDue>[1],
): ReturnType<typeof slipsDue> {
  authorize(actor, "viewReceipts");
  return slipsDue(platform, o);
}
