import type { IsoDate } from "@ward/calendar-jp";
import { runningBalance, toMinorUnits, yen } from "@ward/ledger";
import type { PaymentNotice } from "../domain/index.js";

/** One day of the 収入日計表. */
export interface DailyReceiptLine {
  readonly date: IsoDate;
  readonly count: number;
  readonly yen: number;
  readonly cumulativeCount: number;
  readonly cumulativeYen: number;
}

/**
 * The 収入日計表: notices grouped by cash date in date order, with cumulative count and yen
 * (cumulative yen through `@ward/ledger`'s running balance, so it is checked integer money).
 *
 * @param notices - notices in any order
 * @returns one line per cash date that has notices
 * @example
 * dailyReceipts(notices)[0]; // => { date: "2025-07-01", count: 2, yen: 4600, cumulativeCount: 2, cumulativeYen: 4600 }
 */
export function dailyReceipts(notices: Iterable<PaymentNotice>): DailyReceiptLine[] {
  const days = new Map<IsoDate, { count: number; yen: number }>();
  for (const n of notices) {
    const d = days.get(n.cashDate) ?? { count: 0, yen: 0 };
    d.count += 1;
    d.yen += n.amount;
    days.set(n.cashDate, d);
  }
  const dates = [...days.keys()].sort();
  const balance = runningBalance(
    yen(0),
    dates.map((date) => ({ date, receipts: yen(days.get(date)?.yen ?? 0) })),
  );
  let cumulativeCount = 0;
  return dates.map((date, i) => {
    const d = days.get(date) ?? { count: 0, yen: 0 };
    cumulativeCount += d.count;
    const line = balance.lines[i];
    return {
      date,
      count: d.count,
      yen: d.yen,
      cumulativeCount,
      cumulativeYen: line ? toMinorUnits(line.cumulativeReceipts) : d.yen,
    };
  });
}
