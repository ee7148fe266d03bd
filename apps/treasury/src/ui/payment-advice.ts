import { formatWareki } from "@ward/calendar-jp";
import { dataTable, field, type Html, html } from "@ward/platform";
import type { PaymentAdviceList } from "../domain/payment-advice-list.js";
import { adviceMonthLabel } from "../reports/payment-advice-report.js";
import { alertBox, formatYen, noticeBox, type Page } from "./parts.js";

/** What the list page says about a month without payments. */
export const NO_PAYMENTS_JA = "この月の支払はありません。支払案内書は作成しません。";

const monthForm = (value: string) =>
  html`<form method="get" action="/payment-advice">${field({ name: "month", label: "対象月（YYYY-MM）", value, hint: "例：2025-12" })}<button type="submit">表示</button></form>`;

function listTable(list: PaymentAdviceList): Html {
  return dataTable({
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
}

/**
 * 支払案内書 of a month: the run date (a warning on the day itself), export links and the list.
 *
 * @example
 * paymentAdvicePage({ month: "2025-12", today: "2025-12-26", list }).title; // => "支払案内書（令和7年12月分）"
 */
export function paymentAdvicePage(vm: {
  readonly month: string;
  readonly today: string;
  readonly list: PaymentAdviceList;
}): Page {
  const { list, month } = vm;
  const label = adviceMonthLabel(list);
  const links = html`<p>一覧：<a href="/payment-advice.xlsx?month=${month}">Excel</a>｜<a href="/payment-advice.csv?month=${month}">CSV</a>${
    list.creditors.length > 0
      ? html`　支払案内書（債権者ごとに1ページ）：<a href="/payment-advice.pdf?month=${month}">PDF</a>`
      : ""
  }</p>`;
  return {
    title: `支払案内書（${label}）`,
    body: html`${monthForm(month)}
${
  vm.today === list.runDate
    ? alertBox(
        `本日（${formatWareki(list.runDate)}）は${label}の支払案内書の出力日（最終営業日）です。出力して各債権者に送付してください。`,
      )
    : ""
}<p>出力日（毎月最終営業日）：<strong>${formatWareki(list.runDate)}</strong>（${list.runDate}）</p>
${list.creditors.length === 0 ? noticeBox(`${label}：${NO_PAYMENTS_JA}`) : ""}
${list.unregisteredCount > 0 ? alertBox(`債権者口座が登録されていない支出命令が ${list.unregisteredCount}件あります（支払案内書の対象外）。`) : ""}
${links}${listTable(list)}`,
  };
}

/**
 * A refused 支払案内書 request (bad month, or a PDF of a month without payments), with the month form.
 *
 * @example
 * paymentAdviceRefusal({ message: "…", month: "2025-13" }).status; // => 422
 */
export function paymentAdviceRefusal(vm: { readonly message: string; readonly month: string }): Page {
  return { title: "支払案内書", status: 422, body: html`${alertBox(vm.message)}${monthForm(vm.month)}` };
}

/** The refusal text of a malformed month. */
export const BAD_MONTH_JA = "対象月は YYYY-MM（例：2025-12）で指定してください。";
