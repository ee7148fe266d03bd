import type { PaymentNotice } from "./payment-notice.js";

/** The result of {@link findReimports}. */
export interface ReimportSplit<T extends Pick<PaymentNotice, "noticeNumber">> {
  /** Notices never imported before: these are the ones to store and count. */
  readonly fresh: readonly T[];
  /** Notices whose number was already imported: skip them so nothing counts twice. */
  readonly reimports: readonly T[];
}

/**
 * Splits parsed notices into new ones and re-imports, given the notice numbers already imported, so
 * importing the same file (or an overlapping one) twice never counts a notice twice.
 *
 * @param notices - notices from {@link parsePaymentNotices}
 * @param alreadyImported - notice numbers already stored
 * @returns `fresh` and `reimports`, each in input order
 * @example
 * findReimports([{ noticeNumber: "A1" }, { noticeNumber: "A2" }], new Set(["A1"]));
 * // => { fresh: [{ noticeNumber: "A2" }], reimports: [{ noticeNumber: "A1" }] }
 */
export function findReimports<T extends Pick<PaymentNotice, "noticeNumber">>(
  notices: readonly T[],
  alreadyImported: ReadonlySet<string>,
): ReimportSplit<T> {
  const fresh: T[] = [];
  const reimports: T[] = [];
  for (const notice of notices) (alreadyImported.has(notice.noticeNumber) ? reimports : fresh).push(notice);
  return { fresh, reimports };
}
