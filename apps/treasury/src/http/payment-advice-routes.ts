import { fileResponse, renderPage, requirePermission } from "@ward/platform";
import { type AdviceMonth, parseAdviceMonth } from "../domain/payment-advice-list.js";
import { adviceMonthLabel } from "../reports/payment-advice-report.js";
import {
  BAD_MONTH_JA,
  NO_PAYMENTS_JA,
  paymentAdvicePage,
  paymentAdviceRefusal,
} from "../ui/payment-advice.js";
import { POLICIES } from "../use-cases/policies.js";
import { adviceMonthText, exportPaymentAdvice, showPaymentAdvice } from "../use-cases/show-payment-advice.js";
import { type RouteDeps, screenApp } from "./route-deps.js";

/**
 * The 支払案内書 screens (第5-2-(4)): `/payment-advice?month=YYYY-MM` shows the run date (a warning
 * on the day itself), the list per creditor and links to `/payment-advice.xlsx|.csv|.pdf?month=`.
 * Addresses and accounts are personal data: every route needs `personal_data` and every read is
 * audited with the number of creditors it shows.
 *
 * @example
 * app.route("/", paymentAdviceRoutes({ platform, today: () => "2025-12-26" }));
 */
export function paymentAdviceRoutes({ platform, today, workers }: RouteDeps) {
  const gate = requirePermission(POLICIES.readPersonalData);
  const monthOf = (v: string | undefined): AdviceMonth | undefined =>
    parseAdviceMonth(v === undefined || v === "" ? today().slice(0, 7) : v);
  const app = screenApp().get("/payment-advice", gate, async (c) => {
    const m = monthOf(c.req.query("month"));
    if (m === undefined)
      return renderPage(
        c,
        paymentAdviceRefusal({ message: BAD_MONTH_JA, month: c.req.query("month") ?? "" }),
      );
    const list = await showPaymentAdvice(platform, c.get("actor"), m, "html");
    return renderPage(c, paymentAdvicePage({ month: adviceMonthText(m), today: today(), list }));
  });
  for (const format of ["xlsx", "csv", "pdf"] as const) {
    app.get(`/payment-advice.${format}`, gate, async (c) => {
      const m = monthOf(c.req.query("month"));
      if (m === undefined)
        return renderPage(
          c,
          paymentAdviceRefusal({ message: BAD_MONTH_JA, month: c.req.query("month") ?? "" }),
        );
      const { list, bytes } = await exportPaymentAdvice(platform, c.get("actor"), m, format, workers);
      if (bytes === undefined)
        return renderPage(
          c,
          paymentAdviceRefusal({
            message: `${adviceMonthLabel(list)}：${NO_PAYMENTS_JA}`,
            month: adviceMonthText(m),
          }),
        );
      return fileResponse(c, bytes, `shiharai-annai-${adviceMonthText(m)}.${format}`);
    });
  }
  return app;
}
