import type { Actor, Platform } from "@ward/platform";
import { workReport } from "../reports/work-report.js";
import { loadWorkReportData } from "../storage/work-records.js";
import { DIRECT_WORK, type TreasuryWorkers } from "../workers/treasury-workers.js";
import { authorize } from "./policies.js";

type Range = Parameters<typeof loadWorkReportData>[1];

/**
 * The work records and activity of a date range.
 *
 * @example
 * (await showWorkReport(platform, actor, { from: "2025-07-10", to: "2025-07-10" })).records.length; // => 3
 */
export function showWorkReport(
  platform: Platform,
  actor: Actor,
  range: Range,
): ReturnType<typeof loadWorkReportData> {
  authorize(actor, "viewReceipts");
  return loadWorkReportData(platform, range);
}

/**
 * The 業務日報 (daily) or 完了報告書 (monthly) as Excel or PDF.
 *
 * @example
 * const pdf = await exportWorkReport(platform, actor, { range, kind: "daily", format: "pdf" });
 */
export async function exportWorkReport(
  platform: Platform,
  actor: Actor,
  o: { readonly range: Range; readonly kind: "daily" | "monthly"; readonly format: "xlsx" | "pdf" },
  workers: TreasuryWorkers = DIRECT_WORK,
): Promise<Uint8Array> {
  const report = workReport(await showWorkReport(platform, actor, o.range), o.kind);
  return workers.run({ op: o.format === "pdf" ? "report-pdf" : "report-workbook", report });
}
