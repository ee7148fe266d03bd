import type { IsoDate } from "@ward/calendar-jp";
import { assertRunningBalance, type Movement, type StampLedger, stampLedger, yen } from "@ward/ledger";

/** A stored 郵券受払簿 line. */
export interface StampEntry {
  readonly id?: number;
  readonly date: IsoDate;
  readonly denomination: number;
  readonly received: number;
  readonly used: number;
  readonly description: string;
  /** The count found on hand after this line (実査残); checked. */
  readonly counted?: number;
}

/** The stamps on hand at the end of one day. */
export interface StampDay {
  readonly date: IsoDate;
  /** Face value → count on hand at the day's end (every denomination seen so far). */
  readonly remaining: Readonly<Record<number, number>>;
  readonly receivedYen: number;
  readonly usedYen: number;
  /** Value of every stamp on hand at the day's end. */
  readonly valueYen: number;
}

/** The result of {@link stampBook}. */
export interface StampBook {
  readonly ledger: StampLedger;
  readonly days: readonly StampDay[];
}

/**
 * Runs the 郵券受払簿 through `@ward/ledger`'s `stampLedger` (per face value, never below zero, 実査残 checked)
 * and closes every day, asserting with `assertRunningBalance` that the day's yen value equals the previous
 * value + received − used.
 *
 * @param entries - lines in date order (same-date lines in the order entered)
 * @returns the ledger and the day closings
 * @throws LedgerError `INSUFFICIENT_STOCK` (messageJa: 110円切手の残数が足りません…) or `BALANCE_MISMATCH`
 * @example
 * stampBook([{ date: "2025-07-01", denomination: 110, received: 50, used: 0, description: "購入" }]).days[0].valueYen; // => 5500
 */
export function stampBook(entries: readonly StampEntry[]): StampBook {
  const ledger = stampLedger({
    movements: entries.map((e) => ({
      date: e.date,
      description: e.description,
      denomination: e.denomination,
      received: e.received,
      used: e.used,
      ...(e.counted === undefined ? {} : { expectedRemaining: e.counted }),
    })),
  });
  const days: StampDay[] = [];
  const remaining: Record<number, number> = {};
  const movements: Movement<"JPY">[] = [];
  ledger.lines.forEach((line, i) => {
    remaining[line.denomination] = line.remaining;
    const date = line.date as IsoDate;
    const last = days.at(-1);
    const receivedYen = line.received * line.denomination;
    const usedYen = line.used * line.denomination;
    const next = entries[i + 1];
    const day =
      last?.date === date
        ? { ...last, receivedYen: last.receivedYen + receivedYen, usedYen: last.usedYen + usedYen }
        : { date, receivedYen, usedYen, remaining: {}, valueYen: 0 };
    if (last?.date === date) days.pop();
    if (next === undefined || next.date !== date) {
      const valueYen = Object.entries(remaining).reduce((s, [face, n]) => s + Number(face) * n, 0);
      movements.push({
        date,
        receipts: yen(day.receivedYen),
        payments: yen(day.usedYen),
        expectedClosing: yen(valueYen),
      });
      days.push({ ...day, remaining: { ...remaining }, valueYen });
    } else days.push(day);
  });
  assertRunningBalance(yen(0), movements);
  return { ledger, days };
}
