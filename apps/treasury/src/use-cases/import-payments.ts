import type { Actor, Platform } from "@ward/platform";
import {
  importPaymentOrdersCsv,
  importTransferApplicationsCsv,
  type PaymentCsvImport,
} from "../storage/import-payments.js";
import { DIRECT_WORK, type TreasuryWorkers } from "../workers/treasury-workers.js";
import { authorize } from "./policies.js";

/** What a payments CSV file holds. */
export type PaymentFileKind = "orders" | "applications";

/**
 * Imports a 支出命令 or e ビジネスサイト application CSV file whole or not at all.
 *
 * @example
 * await importPayments(platform, actor, { kind: "orders", bytes, fileName: "orders.csv" }); // => { ok: true, count: 2, totalYen: 24000 }
 */
export function importPayments(
  platform: Platform,
  actor: Actor,
  file: { readonly kind: PaymentFileKind; readonly bytes: Uint8Array; readonly fileName: string },
  workers: TreasuryWorkers = DIRECT_WORK,
): Promise<PaymentCsvImport> {
  authorize(actor, "importPayments");
  return file.kind === "orders"
    ? importPaymentOrdersCsv(platform, actor, file.bytes, file.fileName, (bytes) =>
        workers.run({ op: "parse-orders", bytes }),
      )
    : importTransferApplicationsCsv(platform, actor, file.bytes, file.fileName, (bytes) =>
        workers.run({ op: "parse-applications", bytes }),
      );
}
