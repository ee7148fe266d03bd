import { type Currency, createTally, currencyFromCode, defineTally, rollUp, type Tally } from "@ward/ledger";
import type { PaymentNotice } from "../domain/index.js";
import { ACCOUNT_LABELS, CHANNEL_REPORT_LABELS } from "./labels.js";

const JPY = currencyFromCode("JPY") as Currency<"JPY">;

/** The 済通集計表's tally: 収納区分 × 会計 × 科目 (款・項・目・節) × 所属. */
export const noticeTallySchema = defineTally({
  currency: JPY,
  dimensions: [
    {
      name: "channel",
      label: "収納区分",
      order: ["bank", "japan-post", "counter"],
      labels: CHANNEL_REPORT_LABELS,
    },
    { name: "account", label: "会計", labels: ACCOUNT_LABELS },
    { name: "subject", label: "科目", levels: ["款", "項", "目", "節"] },
    { name: "department", label: "所属" },
  ],
});

/** Depths of the 済通集計表's levels: 1 収納区分, 2 会計, 3 款 … 6 節, 7 所属. */
export const NOTICE_TALLY_LEVELS = ["収納区分", "会計", "款", "項", "目", "節", "所属"] as const;

/**
 * Tallies notices into the 済通集計表's grain (each notice once, keyed by its number).
 *
 * @param notices - stored or parsed notices
 * @returns the tally snapshot
 * @example
 * tallyNotices(notices).total.units; // => total yen
 */
export function tallyNotices(notices: Iterable<PaymentNotice>): Tally<"JPY"> {
  const builder = createTally(noticeTallySchema);
  for (const n of notices) {
    builder.addUnits(n.noticeNumber, n.amount, [
      n.channel,
      n.accountCode,
      n.subjectCode.replaceAll("-", "/"),
      n.departmentCode,
    ]);
  }
  return builder.snapshot();
}

/**
 * The 公金収納集計表's grain: 会計 × 歳入区分 (款), from a notice tally.
 *
 * @example
 * revenueSummary(tallyNotices(notices)).rows();
 */
export function revenueSummary(tally: Tally<"JPY">): Tally<"JPY"> {
  return rollUp(tally, ["account", { name: "subject", depth: 1 }]);
}
