import type { Actor, Platform } from "@ward/platform";
import { addWorkRecord, type WorkRecordResult } from "../storage/work-records.js";
import { authorize } from "./policies.js";

/**
 * Records one 業務記録 (work item, count, staff) from form values; invalid values come back as issues.
 *
 * @example
 * await recordWork(platform, actor, { date: "2025-07-10", workItemId: "internal-mail", count: "3", staff: "山田" });
 */
export function recordWork(
  platform: Platform,
  actor: Actor,
  values: Readonly<Record<string, unknown>>,
): Promise<WorkRecordResult> {
  authorize(actor, "recordWork");
  return addWorkRecord(platform, actor, values);
}
