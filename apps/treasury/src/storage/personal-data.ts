import { type Actor, appendAudit, type Platform } from "@ward/platform";

/** Outputs that carry creditors' or payees' personal data (addresses, bank accounts, names). */
export type PersonalDataOutput = "payment_advice" | "creditor_letter" | "failed_transfers";

/** What {@link auditPersonalDataRead} records about one read. */
export interface PersonalDataRead {
  readonly output: PersonalDataOutput;
  /** Month, creditor id or filter the read covered. */
  readonly target: string;
  /** `html`, `xlsx`, `csv` or `pdf`. */
  readonly format: string;
  /** How many people's records the output holds. */
  readonly records: number;
}

/**
 * Records who read which personal data and how many people's records it held, before the
 * output leaves the app (an unaudited read is never served: if this fails, nothing is sent).
 *
 * @example
 * await auditPersonalDataRead(platform, actor, { output: "payment_advice", target: "2025-12", format: "pdf", records: 12 });
 */
export async function auditPersonalDataRead(
  platform: Platform,
  actor: Actor,
  read: PersonalDataRead,
): Promise<void> {
  await appendAudit(
    platform.db,
    actor,
    {
      action: "treasury.personal_data.read",
      targetType: read.output,
      targetId: read.target,
      detail: { format: read.format, records: read.records },
    },
    { clock: platform.clock },
  );
}
