import { formatWareki, toWareki } from "@ward/calendar-jp";
import type { PaymentAdviceList } from "../domain/payment-advice-list.js";
import { type CsvExportEncoding, csvBytes } from "../internal/csv-bytes.js";
import { type SheetRow, writeClerkWorkbook } from "../internal/xlsx-sheet.js";

/**
 * The month of a list in wareki, from its run date: `令和7年12月分`.
 *
 * @example
 * adviceMonthLabel(list); // => "令和7年12月分"
 */
export function adviceMonthLabel(list: Pick<PaymentAdviceList, "runDate">): string {
  const w = toWareki(list.runDate);
  return `${w.era.name}${w.year === 1 ? "元" : w.year}年${w.month}月分`;
}

const COLUMNS = [
  { header: "登録番号", width: 8 },
  { header: "債権者名", width: 24 },
  { header: "郵便番号", width: 9 },
  { header: "住所", width: 28 },
  { header: "金融機関", width: 14 },
  { header: "支店", width: 14 },
  { header: "種目", width: 6 },
  { header: "口座番号", width: 11 },
  { header: "支払日", width: 11 },
  { header: "支出命令番号", width: 13 },
  { header: "金額", width: 13, kind: "yen" as const },
];

/**
 * The month's 支払案内書 list as an A4 clerk sheet: title with the month and run date in wareki, one
 * row per payment (creditor on its first row), a 小計 per creditor and the 合計; amounts `#,##0`.
 *
 * @param list - from `paymentAdviceList`
 * @returns the .xlsx bytes (a month without payments gives the header and a zero 合計)
 * @example
 * await writeFileAtomic("shiharai-annai-2025-12.xlsx", await writePaymentAdviceWorkbook(list));
 */
export async function writePaymentAdviceWorkbook(list: PaymentAdviceList): Promise<Uint8Array> {
  const rows: SheetRow[] = [];
  for (const c of list.creditors) {
    const a = c.account;
    c.payments.forEach((p, i) => {
      const first = i === 0;
      rows.push({
        values: [
          first ? c.creditorId : null,
          first ? c.creditorName : null,
          first ? c.postalCode : null,
          first ? c.address : null,
          first ? a.bankName || a.bankCode : null,
          first ? a.branchName || a.branchCode : null,
          first ? a.accountTypeName : null,
          first ? a.maskedNumber : null,
          p.date,
          p.orderNumber,
          p.amount,
        ],
      });
    });
    rows.push({
      values: [null, `${c.creditorName} 小計（${c.payments.length}件）`, ...Array(8).fill(null), c.totalYen],
      emphasis: "subtotal",
    });
  }
  rows.push({
    values: [
      "合計",
      `債権者 ${list.creditors.length}件　支払 ${list.paymentCount}件`,
      ...Array(8).fill(null),
      list.totalYen,
    ],
    emphasis: "total",
  });
  return writeClerkWorkbook([
    {
      name: "支払案内書一覧",
      title: `支払案内書 送付一覧　${adviceMonthLabel(list)}（出力日 ${formatWareki(list.runDate)}）`,
      subtitle: `練馬区 会計管理室　債権者 ${list.creditors.length}件　支払 ${list.paymentCount}件${
        list.unregisteredCount > 0 ? `　口座未登録の支出命令 ${list.unregisteredCount}件（対象外）` : ""
      }`,
      columns: COLUMNS,
      rows,
    },
  ]);
}

/** The header of {@link writePaymentAdviceCsv}. */
export const PAYMENT_ADVICE_CSV_COLUMNS = [
  "登録番号",
  "債権者名",
  "郵便番号",
  "住所",
  "金融機関コード",
  "金融機関名",
  "支店コード",
  "支店名",
  "預金種目",
  "口座番号",
  "支払日",
  "支出命令番号",
  "金額",
] as const;

/**
 * The month's list as CSV, one row per payment with its creditor (account number masked), amounts
 * as integer yen; UTF-8 with BOM or Shift_JIS (a character Shift_JIS lacks is a `CsvError`).
 *
 * @param list - from `paymentAdviceList`
 * @param encoding - default UTF-8 with BOM
 * @returns the CSV bytes (only the header for a month without payments)
 * @example
 * writePaymentAdviceCsv(list, "shift_jis");
 */
export function writePaymentAdviceCsv(
  list: PaymentAdviceList,
  encoding: CsvExportEncoding = "utf-8",
): Uint8Array {
  return csvBytes(
    PAYMENT_ADVICE_CSV_COLUMNS,
    list.creditors.flatMap((c) =>
      c.payments.map((p) => [
        c.creditorId,
        c.creditorName,
        c.postalCode,
        c.address,
        c.account.bankCode,
        c.account.bankName,
        c.account.branchCode,
        c.account.branchName,
        c.account.accountTypeName,
        c.account.maskedNumber,
        p.date,
        p.orderNumber,
        p.amount,
      ]),
    ),
    encoding,
  );
}
