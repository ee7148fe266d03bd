import type { Actor, Platform } from "@ward/platform";
import type { AdviceMonth, PaymentAdviceList } from "../domain/payment-advice-list.js";
import { writePaymentAdviceCsv } from "../reports/payment-advice-report.js";
import { paymentAdviceList } from "../storage/payment-advice-list.js";
import { auditPersonalDataRead } from "../storage/personal-data.js";
import { DIRECT_WORK, type TreasuryWorkers } from "../workers/treasury-workers.js";
import { requirePersonalData } from "./policies.js";

/** `2025-12`. */
export const adviceMonthText = (m: AdviceMonth): string => `${m.year}-${String(m.month).padStart(2, "0")}`;

/** The outputs of the 支払案内書 screen. */
export type AdviceFormat = "html" | "xlsx" | "csv" | "pdf";

/**
 * The month's 支払案内書 list (personal data: every read audited with the number of creditors).
 *
 * @example
 * (await showPaymentAdvice(platform, actor, { year: 2025, month: 12 }, "html")).runDate; // => "2025-12-26"
 */
export async function showPaymentAdvice(
  platform: Platform,
  actor: Actor,
  month: AdviceMonth,
  format: AdviceFormat,
): Promise<PaymentAdviceList> {
  await requirePersonalData(platform, actor, "payment_advice");
  const list = await paymentAdviceList(platform, month);
  await auditPersonalDataRead(platform, actor, {
    output: "payment_advice",
    target: adviceMonthText(month),
    format,
    records: list.creditors.length,
  });
  return list;
}

/**
 * The month's list as Excel or CSV, or the letters (one page per creditor) as PDF; no PDF for a
 * month without payments (`bytes` undefined).
 *
 * @example
 * const { bytes } = await exportPaymentAdvice(platform, actor, { year: 2025, month: 12 }, "pdf");
 */
export async function exportPaymentAdvice(
  platform: Platform,
  actor: Actor,
  month: AdviceMonth,
  format: Exclude<AdviceFormat, "html">,
  workers: TreasuryWorkers = DIRECT_WORK,
): Promise<{ readonly list: PaymentAdviceList; readonly bytes: Uint8Array | undefined }> {
  const list = await showPaymentAdvice(platform, actor, month, format);
  if (format === "csv") return { list, bytes: writePaymentAdviceCsv(list) };
  if (format === "xlsx") return { list, bytes: await workers.run({ op: "advice-workbook", list }) };
  if (list.creditors.length === 0) return { list, bytes: undefined };
  return { list, bytes: await workers.run({ op: "advice-letters", list }) };
}
