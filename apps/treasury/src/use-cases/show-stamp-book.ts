import type { IsoDate } from "@ward/calendar-jp";
import type { Actor, Platform } from "@ward/platform";
import type { StampBook } from "../domain/index.js";
import { stampLedgerReport } from "../reports/stamp-ledger-report.js";
import { loadStampBook } from "../storage/stamp-entries.js";
import { DIRECT_WORK, type TreasuryWorkers } from "../workers/treasury-workers.js";
import { authorize } from "./policies.js";

/**
 * The 郵券受払簿 as stored.
 *
 * @example
 * (await showStampBook(platform, actor)).ledger.balances; // => [{ denomination: 110, remaining: 10, … }]
 */
export async function showStampBook(platform: Platform, actor: Actor): Promise<StampBook> {
  authorize(actor, "viewReceipts");
  return (await loadStampBook(platform)).book;
}

/**
 * The 郵券受払簿 as an Excel workbook.
 *
 * @example
 * const bytes = await exportStampBook(platform, actor, "2025-07-31");
 */
export async function exportStampBook(
  platform: Platform,
  actor: Actor,
  today: IsoDate,
  workers: TreasuryWorkers = DIRECT_WORK,
): Promise<Uint8Array> {
  const report = stampLedgerReport(await showStampBook(platform, actor), today);
  return workers.run({ op: "report-workbook", report });
}
