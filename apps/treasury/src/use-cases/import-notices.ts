import type { Actor, Platform } from "@ward/platform";
import { importNoticeFile } from "../storage/import-notices.js";
import { DIRECT_WORK, type TreasuryWorkers } from "../workers/treasury-workers.js";
import { authorize } from "./policies.js";

/**
 * Imports a 納入済通知書 CSV file whole or not at all: parsed in `workers`, stored on this thread
 * in one transaction.
 *
 * @param workers - where parsing runs: the app's worker pool; default this thread (CLI)
 *
 * @example
 * const result = await importNotices(platform, actor, bytes, { fileName: "0710.csv", today: "2025-07-10" });
 */
export function importNotices(
  platform: Platform,
  actor: Actor,
  bytes: Uint8Array,
  options: Parameters<typeof importNoticeFile>[3],
  workers: TreasuryWorkers = DIRECT_WORK,
): ReturnType<typeof importNoticeFile> {
  authorize(actor, "importNotices");
  return importNoticeFile(platform, actor, bytes, {
    ...options,
    parse: (b, o) => workers.run({ op: "parse-notices", bytes: b, ...o }),
  });
}
