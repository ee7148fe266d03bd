import type { Actor, Platform } from "@ward/platform";
import { matchStoredTransfers } from "../storage/payments.js";
import { authorize } from "./policies.js";

/**
 * Matches the e ビジネスサイト transfer applications with the payment orders of a date range.
 *
 * @example
 * const matches = await matchTransfers(platform, actor, { from: "2025-07-01", to: "2025-07-10" });
 */
export function matchTransfers(
  platform: Platform,
  actor: Actor,
  range: Parameters<typeof matchStoredTransfers>[1],
): ReturnType<typeof matchStoredTransfers> {
  authorize(actor, "viewReceipts");
  return matchStoredTransfers(platform, range);
}
