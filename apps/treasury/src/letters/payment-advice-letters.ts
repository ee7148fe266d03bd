import { formatWareki } from "@ward/calendar-jp";
import { TreasuryError } from "../domain/errors.js";
import type { PaymentAdviceList } from "../domain/payment-advice-list.js";
import { openTreasuryPdf } from "../internal/treasury-pdf.js";
import { adviceMonthLabel } from "../reports/payment-advice-report.js";
import { formatYen } from "../ui/parts.js";

/** Options of {@link writePaymentAdviceLetters}. */
export interface PaymentAdviceLetterOptions {
  /** A TrueType font file; default `WARD_PDF_FONT`, else the bundled Noto Sans JP. */
  readonly fontPath?: string;
  /** 差出人; default 練馬区 会計管理室. */
  readonly sender?: string;
}

/**
 * The month's 支払案内書 (第5-2-(4)) as ONE A4 PDF, one page per creditor (in the list's order):
 * run date in wareki, addressee 様, sender, a short body, the payments (date, 支出命令番号, amount)
 * with the total, and the registered account with its number masked.
 *
 * @param list - from `paymentAdviceList`
 * @param options - font, sender
 * @returns the PDF bytes
 * @throws TreasuryError `NO_PAYMENTS` when the month has no payments: no letters to send
 * @throws TreasuryError `PDF_FONT_UNREADABLE` when `fontPath` (or `WARD_PDF_FONT`) is missing or not a font
 * @example
 * await writeFileAtomic("annai-2025-12.pdf", await writePaymentAdviceLetters(await paymentAdviceList(platform, { year: 2025, month: 12 })));
 */
export async function writePaymentAdviceLetters(
  list: PaymentAdviceList,
  options: PaymentAdviceLetterOptions = {},
): Promise<Uint8Array> {
  const month = adviceMonthLabel(list);
  if (list.creditors.length === 0) {
    throw new TreasuryError(
      "NO_PAYMENTS",
      `no payments in ${list.year}-${String(list.month).padStart(2, "0")}: no payment advice to print`,
      {
        messageJa: `${month}の支払はありません。支払案内書は作成しません。`,
        details: { reason: "NO_PAYMENTS", year: list.year, month: list.month },
      },
    );
  }
  const doc = await openTreasuryPdf({
    title: `支払案内書（${month}）`,
    ...(options.fontPath === undefined ? {} : { fontPath: options.fontPath }),
  });
  const date = formatWareki(list.runDate);
  list.creditors.forEach((c, i) => {
    if (i > 0) doc.newPage();
    const a = c.account;
    doc.text(date, { right: true });
    if (c.postalCode !== "") doc.text(`〒${c.postalCode}`);
    if (c.address !== "") doc.text(c.address);
    doc.text(`${c.creditorName}　様`, { size: 13, gap: 20 });
    doc.text(`債権者登録番号 ${c.creditorId}`, { size: 9, gap: 30 });
    doc.text(options.sender ?? "練馬区 会計管理室", { right: true, gap: 50 });
    doc.text("支払案内書", { size: 18, center: true, gap: 44 });
    doc.text("日頃より区政にご協力いただき、ありがとうございます。");
    doc.text(`${month}として、下記のとおりご登録の口座へお支払いしましたので、ご案内します。`, {
      gap: 30,
    });
    doc.text("記", { center: true, gap: 26 });
    doc.text(
      `振込先口座　${a.bankName || a.bankCode}　${a.branchName || a.branchCode}　${a.accountTypeName}　${a.maskedNumber}`,
      { gap: 26 },
    );
    doc.table(
      [
        { header: "支払日", width: 160 },
        { header: "支出命令番号", width: 160 },
        { header: "金額", width: 160, align: "right" },
      ],
      [
        ...c.payments.map((p) => [formatWareki(p.date), p.orderNumber, formatYen(p.amount)]),
        [`合計（${c.payments.length}件）`, "", formatYen(c.totalYen)],
      ],
      { size: 10 },
    );
    doc.space(10);
    doc.text("ご不明な点は、練馬区 会計管理室までお問い合わせください。");
    doc.text("以上", { right: true });
  });
  return doc.save();
}
