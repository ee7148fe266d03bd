import type { Actor, Platform } from "@ward/platform";
import { importNoticeFile } from "../storage/import-notices.js";
import { authorize } from "./policies.js";

/**
 * Imports a 納入済通知書 CSV file whole or not at all (the storage step holds the transaction).
 *
 * @example
 * const result = await importNotices(platform, actor, bytes, { fileName: "0710.csv", today: "2025-07-10" });
 */
export function importNotices(
  platform: Platform,
  actor: Actor,
  bytes: Uint8Array,
  options: Parameters<typeof importNoticeFile>[3],
): ReturnType<typeof importNoticeFile> {
  authorize(actor, "importNotices");
  return importNoticeFile(platform, actor, bytes, options);
}
