import { type IsoDate, toEpochDay } from "@ward/calendar-jp";
import { z } from "zod";
import { TreasuryError } from "./errors.js";

/** A bank-transfer application (e ビジネスサイト申請) or a payment order (支出命令書 / 支払通知書). */
export interface TransferItem {
  readonly id: string;
  /** 振込指定日 / 支払日. */
  readonly transferDate: IsoDate;
  /** Yen. */
  readonly amount: number;
  /** The payee (e.g. creditor id or account); give it on both sides or on neither. */
  readonly payee?: string;
}

/** One line of the matching result. */
export type TransferMatch<A extends TransferItem = TransferItem, O extends TransferItem = TransferItem> =
  | { readonly status: "matched"; readonly application: A; readonly order: O }
  | {
      readonly status: "amount-differs";
      readonly application: A;
      readonly order: O;
      readonly amountDifference: number;
    }
  | {
      readonly status: "date-differs";
      readonly application: A;
      readonly order: O;
      readonly dayDifference: number;
    }
  | { readonly status: "missing-order"; readonly application: A }
  | { readonly status: "missing-application"; readonly order: O };

const itemSchema = z.object({
  id: z.string().min(1),
  transferDate: z.iso.date(),
  amount: z.number().int(),
  payee: z.string().optional(),
});

const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function validate(items: readonly TransferItem[], side: string): void {
  const ids = new Set<string>();
  items.forEach((item, index) => {
    const parsed = itemSchema.safeParse(item);
    if (!parsed.success) {
      throw new TreasuryError(
        "INVALID_INPUT",
        `${side} #${index + 1} is invalid: ${parsed.error.issues[0]?.message}`,
        {
          messageJa: `${side === "applications" ? "振込申請" : "支出命令"}の${index + 1}件目が正しくありません`,
        },
      );
    }
    if (ids.has(item.id)) {
      throw new TreasuryError("INVALID_INPUT", `${side} id ${item.id} appears twice`, {
        messageJa: `${side === "applications" ? "振込申請" : "支出命令"}の番号${item.id}が重複しています`,
      });
    }
    ids.add(item.id);
  });
}

/**
 * Matches bank-transfer applications against payment orders one to one on payee, transfer date and
 * amount (仕様書 第5-2-(3)), deterministically, in four passes over what is still unpaired:
 * 1. same payee, date and amount → `matched`;
 * 2. same payee and date → `amount-differs`;
 * 3. same payee and amount → `date-differs`;
 * 4. the rest → `missing-order` / `missing-application`.
 * Tie-breaking: within a pass, candidates of one key are paired in ascending order of
 * (amount in pass 2, date in pass 3, then id), so the result never depends on input order.
 * The result is sorted by date (the application's, else the order's), pairs and missing orders
 * before missing applications, then by application id and order id.
 *
 * @param applications - transfer applications
 * @param orders - payment orders
 * @returns one entry per pair or unpaired item
 * @throws {TreasuryError} `INVALID_INPUT` for a malformed item or a repeated id on one side
 * @example
 * matchTransfers([{ id: "A1", transferDate: "2025-07-25", amount: 5000 }], [{ id: "P1", transferDate: "2025-07-25", amount: 5000 }]);
 * // => [{ status: "matched", application: { id: "A1", … }, order: { id: "P1", … } }]
 */
export function matchTransfers<A extends TransferItem, O extends TransferItem>(
  applications: readonly A[],
  orders: readonly O[],
): TransferMatch<A, O>[] {
  validate(applications, "applications");
  validate(orders, "orders");
  const byKey = (a: TransferItem, b: TransferItem): number =>
    a.transferDate.localeCompare(b.transferDate) || a.amount - b.amount || compareIds(a.id, b.id);
  let apps = [...applications].sort(byKey);
  let ords = [...orders].sort(byKey);
  const results: TransferMatch<A, O>[] = [];

  const pass = (key: (item: TransferItem) => string, emit: (a: A, o: O) => TransferMatch<A, O>): void => {
    const waiting = new Map<string, O[]>();
    for (const order of ords) {
      const k = key(order);
      const list = waiting.get(k);
      if (list === undefined) waiting.set(k, [order]);
      else list.push(order);
    }
    const paired = new Set<O>();
    const left: A[] = [];
    for (const app of apps) {
      const list = waiting.get(key(app));
      const order = list?.shift();
      if (order === undefined) left.push(app);
      else {
        paired.add(order);
        results.push(emit(app, order));
      }
    }
    apps = left;
    ords = ords.filter((order) => !paired.has(order));
  };

  const payee = (item: TransferItem): string => item.payee ?? "";
  pass(
    (item) => `${payee(item)}\u0000${item.transferDate}\u0000${item.amount}`,
    (application, order) => ({ status: "matched", application, order }),
  );
  // Both sides are still sorted by date, amount, id: within a day, pairs line up by amount.
  pass(
    (item) => `${payee(item)}\u0000${item.transferDate}`,
    (application, order) => ({
      status: "amount-differs",
      application,
      order,
      amountDifference: application.amount - order.amount,
    }),
  );
  const byAmountThenDate = (a: TransferItem, b: TransferItem): number =>
    a.amount - b.amount || a.transferDate.localeCompare(b.transferDate) || compareIds(a.id, b.id);
  apps.sort(byAmountThenDate);
  ords.sort(byAmountThenDate);
  pass(
    (item) => `${payee(item)}\u0000${item.amount}`,
    (application, order) => ({
      status: "date-differs",
      application,
      order,
      dayDifference: toEpochDay(application.transferDate) - toEpochDay(order.transferDate),
    }),
  );
  for (const application of apps) results.push({ status: "missing-order", application });
  for (const order of ords) results.push({ status: "missing-application", order });

  const dateOf = (m: TransferMatch<A, O>): string =>
    ("application" in m ? m.application : m.order).transferDate;
  const appId = (m: TransferMatch<A, O>): string => ("application" in m ? m.application.id : "");
  const orderId = (m: TransferMatch<A, O>): string => ("order" in m ? m.order.id : "");
  const rank = (m: TransferMatch<A, O>): number => ("application" in m ? 0 : 1);
  return results.sort(
    (a, b) =>
      dateOf(a).localeCompare(dateOf(b)) ||
      rank(a) - rank(b) ||
      compareIds(appId(a), appId(b)) ||
      compareIds(orderId(a), orderId(b)),
  );
}
