import type { IsoDate } from "@ward/calendar-jp";
import type { Actor, Platform } from "@ward/platform";
import { getCreditor } from "../storage/creditor-accounts.js";
import { auditPersonalDataRead } from "../storage/personal-data.js";
import { DIRECT_WORK, type TreasuryWorkers } from "../workers/treasury-workers.js";
import { requirePersonalData } from "./policies.js";

/**
 * The 登録完了のお知らせ PDF of a creditor (personal data: audited), or undefined when none.
 *
 * @example
 * const pdf = await printCreditorLetter(platform, actor, { id: 3, today: "2025-07-10" });
 */
export async function printCreditorLetter(
  platform: Platform,
  actor: Actor,
  o: { readonly id: number; readonly today: IsoDate },
  workers: TreasuryWorkers = DIRECT_WORK,
): Promise<{ readonly id: number; readonly bytes: Uint8Array } | undefined> {
  await requirePersonalData(platform, actor, "creditor_letter");
  const creditor = await getCreditor(platform, o.id);
  if (!creditor) return undefined;
  await auditPersonalDataRead(platform, actor, {
    output: "creditor_letter",
    target: String(creditor.id),
    format: "pdf",
    records: 1,
  });
  return {
    id: creditor.id,
    bytes: await workers.run({ op: "registration-letter", creditor, date: o.today }),
  };
}
