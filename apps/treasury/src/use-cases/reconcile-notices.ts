import type { IsoDate } from "@ward/calendar-jp";
import type { Actor, Platform } from "@ward/platform";
import { type AccountingReconciliation, reconcileAccountingInput } from "../reports/reconcile-input.js";
import { loadNotices } from "../storage/load-notices.js";
import { authorize } from "./policies.js";

/**
 * Reconciles the financial-accounting system's input (CSV) with the stored notices of a date range.
 *
 * @example
 * const result = await reconcileNotices(platform, actor, { from: "2025-07-10", to: "2025-07-10", bytes });
 */
export async function reconcileNotices(
  platform: Platform,
  actor: Actor,
  input: { readonly from: IsoDate; readonly to: IsoDate; readonly bytes: Uint8Array },
): Promise<AccountingReconciliation> {
  authorize(actor, "reconcileNotices");
  const notices = await loadNotices(platform, { from: input.from, to: input.to });
  return reconcileAccountingInput(notices, input.bytes);
}
