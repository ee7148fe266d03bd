import { z } from "zod";
import { dueRuleSchema } from "./due-rule.js";
import { sourceRefSchema } from "./source-ref.js";

/**
 * Payment terms: how often (月払い), whether payment follows the monthly inspection (履行検査), how the
 * contractor invoices, and the wording.
 *
 * @example
 * paymentTermsSchema.parse({ frequency: "monthly", afterInspection: true, invoice: "受託者の請求により",
 *   text: "月払いとし、当該月分の履行検査確認後、受託者の請求により支払う", source: { seed: "000", section: "第14" } });
 */
export const paymentTermsSchema = z.strictObject({
  frequency: z.enum(["monthly", "lump-sum"]),
  afterInspection: z.boolean(),
  /** 総価契約 … */
  contractType: z.string().min(1).optional(),
  invoice: z.string().min(1),
  /** Due rule of the invoice, when the text gives one. */
  invoiceDue: dueRuleSchema.optional(),
  text: z.string().min(1),
  source: sourceRefSchema,
});
/** Payment terms as written. */
export type PaymentTermsInput = z.input<typeof paymentTermsSchema>;
/** Parsed payment terms. */
export type PaymentTerms = z.output<typeof paymentTermsSchema>;
