import type { Actor, Platform } from "@ward/platform";
import {
  FAILED_TRANSFER_REASONS,
  type FailedTransferInput,
  type FailedTransferUpdate,
} from "../domain/index.js";
import {
  addFailedTransfers,
  importFailedTransfersCsv,
  updateFailedTransfer,
} from "../storage/failed-transfers.js";
import { DIRECT_WORK, type TreasuryWorkers } from "../workers/treasury-workers.js";
import { authorize } from "./policies.js";

/**
 * Logs one 口座振替支払不能 notice (未連絡); an empty reason text takes the reason code's label.
 *
 * @returns the new id
 * @example
 * await recordFailedTransfer(platform, actor, { notifiedOn: "2025-07-10", payee: "練馬商事", amount: 12000, reasonCode: "01", reasonText: "", departmentCode: "110100" });
 */
export async function recordFailedTransfer(
  platform: Platform,
  actor: Actor,
  input: FailedTransferInput,
): Promise<number | undefined> {
  authorize(actor, "recordFailedTransfers");
  const [id] = await addFailedTransfers(platform, actor, [
    { ...input, reasonText: input.reasonText || (FAILED_TRANSFER_REASONS[input.reasonCode] ?? "") },
  ]);
  return id;
}

/**
 * Imports a 支払不能 CSV file whole or not at all.
 *
 * @example
 * await importFailedTransfers(platform, actor, { bytes, fileName: "funou.csv" }); // => { ok: true, count: 2 }
 */
export function importFailedTransfers(
  platform: Platform,
  actor: Actor,
  file: { readonly bytes: Uint8Array; readonly fileName: string },
  workers: TreasuryWorkers = DIRECT_WORK,
): ReturnType<typeof importFailedTransfersCsv> {
  authorize(actor, "recordFailedTransfers");
  return importFailedTransfersCsv(platform, actor, file.bytes, file.fileName, (bytes) =>
    workers.run({ op: "parse-failed-transfers", bytes }),
  );
}

/**
 * Records the department's reply and moves a case's status.
 *
 * @example
 * await answerFailedTransfer(platform, actor, 1, { status: "replied", replyKind: "change", replyText: "口座変更済" });
 */
export function answerFailedTransfer(
  platform: Platform,
  actor: Actor,
  id: number,
  update: FailedTransferUpdate,
): ReturnType<typeof updateFailedTransfer> {
  authorize(actor, "recordFailedTransfers");
  return updateFailedTransfer(platform, actor, id, update);
}
