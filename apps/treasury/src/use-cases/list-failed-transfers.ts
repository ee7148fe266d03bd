import type { IsoDate } from "@ward/calendar-jp";
import type { Actor, Platform } from "@ward/platform";
import type { FailedTransferStatus } from "../domain/index.js";
import { failedTransferReport } from "../reports/failed-transfer-report.js";
import { writeSectionCsv } from "../reports/report-files.js";
import {
  type FailedTransfer,
  listFailedTransfers as selectFailedTransfers,
} from "../storage/failed-transfers.js";
import { auditPersonalDataRead } from "../storage/personal-data.js";
import { DIRECT_WORK, type TreasuryWorkers } from "../workers/treasury-workers.js";
import { allows, authorize, requirePersonalData } from "./policies.js";

/**
 * The logged 支払不能 cases (optionally of one status) and whether the actor may export them
 * (payees' names and amounts per person: personal data).
 *
 * @example
 * const { list, mayExport } = await listFailedTransfers(platform, actor, { status: "uncontacted" });
 */
export async function listFailedTransfers(
  platform: Platform,
  actor: Actor,
  filter: { readonly status?: FailedTransferStatus } = {},
): Promise<{ readonly list: FailedTransfer[]; readonly mayExport: boolean }> {
  authorize(actor, "viewReceipts");
  const list = await selectFailedTransfers(platform, filter);
  return { list, mayExport: allows(actor, "readPersonalData") };
}

/**
 * Every logged case as Excel or CSV (personal data: audited with the number of cases).
 *
 * @example
 * const bytes = await exportFailedTransfers(platform, actor, { format: "csv", today: "2025-07-10" });
 */
export async function exportFailedTransfers(
  platform: Platform,
  actor: Actor,
  o: { readonly format: "xlsx" | "csv"; readonly today: IsoDate },
  workers: TreasuryWorkers = DIRECT_WORK,
): Promise<Uint8Array> {
  await requirePersonalData(platform, actor, "failed_transfers");
  const list = await selectFailedTransfers(platform);
  await auditPersonalDataRead(platform, actor, {
    output: "failed_transfers",
    target: "all",
    format: o.format,
    records: list.length,
  });
  const report = failedTransferReport(list, o.today);
  const section = report.sections[0];
  return o.format === "csv" && section
    ? writeSectionCsv(section)
    : await workers.run({ op: "report-workbook", report });
}
