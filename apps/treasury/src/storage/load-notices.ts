import type { IsoDate } from "@ward/calendar-jp";
import type { Platform } from "@ward/platform";
import { sql } from "kysely";
import type { PaymentNotice } from "../domain/index.js";
import { treasuryDb } from "./db.js";
import { type NoticeRow, noticeColumns, noticeFromRow } from "./import-notices.js";

/**
 * The stored notices whose cash date is in `[from, to]` (ISO dates, inclusive), ordered by date and number.
 *
 * @param platform - the running platform
 * @param range - first and last cash date
 * @returns the notices
 * @example
 * await loadNotices(platform, { from: "2025-07-01", to: "2025-07-31" });
 */
export async function loadNotices(
  platform: Pick<Platform, "db">,
  range: { readonly from: IsoDate; readonly to: IsoDate },
): Promise<PaymentNotice[]> {
  const rows = await sql<NoticeRow>`select ${noticeColumns} from treasury_notices
    where cash_date between ${range.from}::date and ${range.to}::date
    order by cash_date, notice_number`.execute(treasuryDb(platform));
  return rows.rows.map(noticeFromRow);
}
