import type { IsoDate } from "@ward/calendar-jp";
import type { Actor, Platform } from "@ward/platform";
import type { PaymentNotice } from "../domain/index.js";
import { tallyNotices as tally } from "../reports/notice-tally.js";
import { receiptTallyRows } from "../reports/tally-workbook.js";
import { loadNotices } from "../storage/load-notices.js";
import { DIRECT_WORK, type TreasuryWorkers } from "../workers/treasury-workers.js";
import { authorize } from "./policies.js";

/** One day's notices and the rows of its 済通集計表. */
export interface DayTally {
  readonly notices: readonly PaymentNotice[];
  readonly rows: ReturnType<typeof receiptTallyRows>;
}

/**
 * The 済通集計表 of one receipt date.
 *
 * @example
 * const { notices, rows } = await tallyNotices(platform, actor, "2025-07-10");
 */
export async function tallyNotices(platform: Platform, actor: Actor, date: IsoDate): Promise<DayTally> {
  authorize(actor, "viewReceipts");
  const notices = await loadNotices(platform, { from: date, to: date });
  return { notices, rows: receiptTallyRows(tally(notices)) };
}

/**
 * The tally workbook (済通集計表・公金収納集計表・収入日計表) of one receipt date.
 *
 * @example
 * const bytes = await tallyWorkbook(platform, actor, { date: "2025-07-10", today: "2025-07-11" });
 */
export async function tallyWorkbook(
  platform: Platform,
  actor: Actor,
  o: { readonly date: IsoDate; readonly today: IsoDate },
  workers: TreasuryWorkers = DIRECT_WORK,
): Promise<Uint8Array> {
  authorize(actor, "viewReceipts");
  const notices = await loadNotices(platform, { from: o.date, to: o.date });
  return workers.run({
    op: "tally-workbook",
    notices,
    options: { period: { from: o.date, to: o.date }, createdOn: o.today },
  });
}
