import type { Actor, Platform } from "@ward/platform";
import type { StampEntryInput } from "../domain/index.js";
import { recordStampEntry as insertStampEntry, type StampEntryResult } from "../storage/stamp-entries.js";
import { authorize } from "./policies.js";

/**
 * Records a 郵券受払簿 line; a use beyond the stamps on hand or a wrong 実査残 is refused (nothing saved).
 *
 * @example
 * await recordStampEntry(platform, actor, { date: "2025-07-31", denomination: 110, received: 100, used: 0, description: "購入" });
 */
export function recordStampEntry(
  platform: Platform,
  actor: Actor,
  input: StampEntryInput,
): Promise<StampEntryResult> {
  authorize(actor, "recordStamps");
  return insertStampEntry(platform, actor, input);
}
