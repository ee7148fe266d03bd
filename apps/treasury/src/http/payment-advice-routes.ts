import { formatWareki, type IsoDate } from "@ward/calendar-jp";
import {
  dataTable,
  field,
  type Html,
  html,
  type Platform,
  type PlatformEnv,
  renderPage,
  requirePermission,
} from "@ward/platform";
import type { Hono } from "hono";
import { type AdviceMonth, type PaymentAdviceList, parseAdviceMonth } from "../domain/payment-advice-list.js";
import { formatYen } from "../internal/format-yen.js";
import { writePaymentAdviceLetters } from "../letters/payment-advice-letters.js";
import {
  adviceMonthLabel,
  writePaymentAdviceCsv,
  writePaymentAdviceWorkbook,
} from "../reports/payment-advice-report.js";
import { paymentAdviceList } from "../storage/payment-advice-list.js";
import { auditPersonalDataRead } from "../storage/personal-data.js";
import { type Ctx, download } from "./page-parts.js";

const monthText = (m: AdviceMonth) => `${m.year}-${String(m.month).padStart(2, "0")}`;

/** What the list page says about a month without payments. */
export const NO_PAYMENTS_JA = "この月の支払はありません。支払案内書は作成しません。";

/**
 * The 支払案内書 screens (第5-2-(4)): `/payment-advice?month=YYYY-MM` shows the run date (a warning
 * on the day itself), the list per creditor and links to `/payment-advice.xlsx|.csv|.pdf?month=`.
 * Addresses and accounts are personal data: every route needs `personal_data` and every read is
 * audited with the number of creditors it shows.
 *
 * @example
 * createApp(platform, { routes: (app) => registerPaymentAdviceRoutes(app, platform, () => "2025-12-26") });
 */
export function registerPaymentAdviceRoutes(
  app: Hono<PlatformEnv>,
  platform: Platform,
  today: () => IsoDate,
): void {
  const monthOf = (c: Ctx): AdviceMonth | undefined => {
    const v = c.req.query("month");
    return v === undefined || v === "" ? parseAdviceMonth(today().slice(0, 7)) : parseAdviceMonth(v);
  };
  const form = (value: string) =>
    html`<form method="get" action="/payment-advice">${field({ name: "month", label: "対象月（YYYY-MM）", value, hint: "例：2025-12" })}<button type="submit">表示</button></form>`;
  const badMonth = (c: Ctx) =>
    renderPage(c, {
      title: "支払案内書",
      status: 422,
      body: html`<div class="alert" role="alert"><p>対象月は YYYY-MM（例：2025-12）で指定してください。</p></div>${form(c.req.query("month") ?? "")}`,
    });

  const audited = async (c: Ctx, m: AdviceMonth, format: string) => {
    const list = await paymentAdviceList(platform, m);
    await auditPersonalDataRead(platform, c.get("actor"), {
      output: "payment_advice",
      target: monthText(m),
      format,
      records: list.creditors.length,
    });
    return list;
  };

  const listTable = (list: PaymentAdviceList): Html =>
    dataTable({
      caption: `支払案内書 送付一覧 ${adviceMonthLabel(list)}（債権者 ${list.creditors.length}件、支払 ${list.paymentCount}件、合計 ${formatYen(list.totalYen)}）`,
      columns: ["登録番号", "債権者名", "住所", "振込先口座", "支払日", "支出命令番号", "金額"],
      empty: NO_PAYMENTS_JA,
      rows: list.creditors.flatMap((c) => {
        const a = c.account;
        const account = `${a.bankName || a.bankCode} ${a.branchName || a.branchCode} ${a.accountTypeName} ${a.maskedNumber}`;
        return [
          ...c.payments.map((p, i) =>
            i === 0
              ? [
                  c.creditorId,
                  c.creditorName,
                  [c.postalCode && `〒${c.postalCode}`, c.address].join(" ").trim(),
                  account,
                  p.date,
                  p.orderNumber,
                  formatYen(p.amount),
                ]
              : ["", "", "", "", p.date, p.orderNumber, formatYen(p.amount)],
          ),
          [
            "",
            html`<strong>小計（${c.payments.length}件）</strong>`,
            "",
            "",
            "",
            "",
            html`<strong>${formatYen(c.totalYen)}</strong>`,
          ],
        ];
      }),
    });

  app.get("/payment-advice", requirePermission("personal_data"), async (c) => {
    const m = monthOf(c);
    if (m === undefined) return badMonth(c);
    const list = await audited(c, m, "html");
    const month = monthText(m);
    const runDay = today() === list.runDate;
    const links = html`<p>一覧：<a href="/payment-advice.xlsx?month=${month}">Excel</a>｜<a href="/payment-advice.csv?month=${month}">CSV</a>${
      list.creditors.length > 0
        ? html`　支払案内書（債権者ごとに1ページ）：<a href="/payment-advice.pdf?month=${month}">PDF</a>`
        : ""
    }</p>`;
    return renderPage(c, {
      title: `支払案内書（${adviceMonthLabel(list)}）`,
      body: html`${form(month)}
${
  runDay
    ? html`<div class="alert" role="alert"><p>本日（${formatWareki(list.runDate)}）は${adviceMonthLabel(list)}の支払案内書の出力日（最終営業日）です。出力して各債権者に送付してください。</p></div>`
    : ""
}<p>出力日（毎月最終営業日）：<strong>${formatWareki(list.runDate)}</strong>（${list.runDate}）</p>
${list.creditors.length === 0 ? html`<div class="notice" role="status"><p>${adviceMonthLabel(list)}：${NO_PAYMENTS_JA}</p></div>` : ""}
${list.unregisteredCount > 0 ? html`<div class="alert" role="alert"><p>債権者口座が登録されていない支出命令が ${list.unregisteredCount}件あります（支払案内書の対象外）。</p></div>` : ""}
${links}${listTable(list)}`,
    });
  });

  app.get("/payment-advice.xlsx", requirePermission("personal_data"), async (c) => {
    const m = monthOf(c);
    if (m === undefined) return badMonth(c);
    const list = await audited(c, m, "xlsx");
    return download(c, await writePaymentAdviceWorkbook(list), `shiharai-annai-${monthText(m)}.xlsx`);
  });
  app.get("/payment-advice.csv", requirePermission("personal_data"), async (c) => {
    const m = monthOf(c);
    if (m === undefined) return badMonth(c);
    const list = await audited(c, m, "csv");
    return download(c, writePaymentAdviceCsv(list), `shiharai-annai-${monthText(m)}.csv`);
  });
  app.get("/payment-advice.pdf", requirePermission("personal_data"), async (c) => {
    const m = monthOf(c);
    if (m === undefined) return badMonth(c);
    const list = await audited(c, m, "pdf");
    if (list.creditors.length === 0) {
      return renderPage(c, {
        title: "支払案内書",
        status: 422,
        body: html`<div class="alert" role="alert"><p>${adviceMonthLabel(list)}：${NO_PAYMENTS_JA}</p></div>${form(monthText(m))}`,
      });
    }
    return download(c, await writePaymentAdviceLetters(list), `shiharai-annai-${monthText(m)}.pdf`);
  });
}
