import { formatWareki, type IsoDate } from "@ward/calendar-jp";
import { accountTypeName } from "@ward/zengin";
import { openTreasuryPdf } from "../internal/treasury-pdf.js";
import type { RegisteredCreditor } from "../storage/creditor-accounts.js";

/** Options of {@link writeRegistrationLetter}. */
export interface RegistrationLetterOptions {
  /** 発送日, ISO. */
  readonly date: IsoDate;
  /** A TrueType font file; default `WARD_PDF_FONT`, else the bundled Noto Sans JP. */
  readonly fontPath?: string;
  /** 差出人; default 練馬区会計管理室. */
  readonly sender?: string;
}

/**
 * The 登録完了のお知らせ (第5-3(1)ウ) as a one-page A4 PDF with the Japanese font embedded as a subset:
 * addressee, the registered account (bank, branch, type, number, holder) and the sender.
 *
 * @param creditor - the stored registration
 * @param options - date, font, sender
 * @returns the PDF bytes
 * @throws TreasuryError `PDF_FONT_UNREADABLE` when `fontPath` (or `WARD_PDF_FONT`) is missing or not a font
 * @example
 * await writeFile("letter.pdf", await writeRegistrationLetter(creditor, { date: "2025-07-10" }));
 */
export async function writeRegistrationLetter(
  creditor: RegisteredCreditor,
  options: RegistrationLetterOptions,
): Promise<Uint8Array> {
  const doc = await openTreasuryPdf({
    title: "登録完了のお知らせ",
    ...(options.fontPath === undefined ? {} : { fontPath: options.fontPath }),
  });
  const a = creditor.account;
  doc.text(formatWareki(options.date), { right: true });
  doc.text(`〒${creditor.postalCode}`);
  doc.text(creditor.address);
  doc.text(`${creditor.creditorName}　様`, { size: 13, gap: 40 });
  doc.text(options.sender ?? "練馬区会計管理室", { right: true, gap: 50 });
  doc.text("登録完了のお知らせ", { size: 18, center: true, gap: 50 });
  doc.text("日頃より区政にご協力いただき、ありがとうございます。");
  doc.text("ご提出いただいた「債権者口座登録依頼書」により、下記の口座を登録しましたので");
  doc.text("お知らせします。", { gap: 36 });
  doc.text("記", { x: 290, gap: 30 });
  const rows: [string, string][] = [
    ["登録番号", String(creditor.id)],
    ["金融機関", `${a.bankKana ?? ""}（${a.bankCode}）`],
    ["支店", `${a.branchKana ?? ""}（${a.branchCode}）`],
    ["預金種目", accountTypeName(a.accountType)],
    ["口座番号", a.accountNumber],
    ["口座名義", a.holderName],
  ];
  for (const [label, value] of rows) {
    doc.text(label, { x: 100, gap: 0 });
    doc.text(value, { x: 220, gap: 22 });
  }
  doc.space(20);
  doc.text("登録内容に誤りがある場合は、会計管理室までご連絡ください。");
  doc.text("以上", { right: true });
  return doc.save();
}
