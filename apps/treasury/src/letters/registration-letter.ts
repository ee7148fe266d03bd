import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import fontkit from "@pdf-lib/fontkit";
import { formatWareki, type IsoDate } from "@ward/calendar-jp";
import { PDFDocument, rgb } from "pdf-lib";
import { accountTypeName } from "../domain/index.js";
import type { RegisteredCreditor } from "../storage/creditor-accounts.js";

/** TrueType Japanese fonts tried in order (Debian `fonts-ipaexfont-gothic`, `fonts-ipafont-gothic`). */
export const JAPANESE_FONT_CANDIDATES = [
  "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf",
  "/usr/share/fonts/truetype/ipaexfont-gothic/ipaexg.ttf",
  "/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf",
  "/usr/share/fonts/truetype/ipafont-gothic/ipag.ttf",
] as const;

/** Options of {@link writeRegistrationLetter}. */
export interface RegistrationLetterOptions {
  /** 発送日, ISO. */
  readonly date: IsoDate;
  /** A TTF file; default the first of {@link JAPANESE_FONT_CANDIDATES} that exists. */
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
 * @throws Error when no Japanese TrueType font is installed (install `fonts-ipaexfont-gothic`)
 * @example
 * await writeFile("letter.pdf", await writeRegistrationLetter(creditor, { date: "2025-07-10" }));
 */
export async function writeRegistrationLetter(
  creditor: RegisteredCreditor,
  options: RegistrationLetterOptions,
): Promise<Uint8Array> {
  const fontPath = options.fontPath ?? JAPANESE_FONT_CANDIDATES.find((p) => existsSync(p));
  if (fontPath === undefined) {
    throw new Error(
      "@ward/treasury: no Japanese TrueType font found; install Debian's fonts-ipaexfont-gothic (apt-get install fonts-ipaexfont-gothic)",
    );
  }
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const font = await pdf.embedFont(await readFile(fontPath), { subset: true });
  pdf.setTitle("登録完了のお知らせ");
  pdf.setCreator("@ward/treasury");
  const page = pdf.addPage([595.28, 841.89]);
  const black = rgb(0, 0, 0);
  let y = 780;
  const line = (text: string, o: { size?: number; x?: number; gap?: number; right?: boolean } = {}) => {
    const size = o.size ?? 11;
    const x = o.right ? 540 - font.widthOfTextAtSize(text, size) : (o.x ?? 60);
    page.drawText(text, { x, y, size, font, color: black });
    y -= o.gap ?? size + 9;
  };
  const a = creditor.account;
  line(formatWareki(options.date), { right: true });
  line(`〒${creditor.postalCode}`);
  line(creditor.address);
  line(`${creditor.creditorName}　様`, { size: 13, gap: 40 });
  line(options.sender ?? "練馬区会計管理室", { right: true, gap: 50 });
  const title = "登録完了のお知らせ";
  page.drawText(title, {
    x: (595.28 - font.widthOfTextAtSize(title, 18)) / 2,
    y,
    size: 18,
    font,
    color: black,
  });
  y -= 50;
  line("日頃より区政にご協力いただき、ありがとうございます。");
  line("ご提出いただいた「債権者口座登録依頼書」により、下記の口座を登録しましたのでお知らせします。", {
    gap: 36,
  });
  line("記", { x: 290, gap: 30 });
  const rows: [string, string][] = [
    ["登録番号", String(creditor.id)],
    ["金融機関", `${a.bankKana ?? ""}（${a.bankCode}）`],
    ["支店", `${a.branchKana ?? ""}（${a.branchCode}）`],
    ["預金種目", accountTypeName(a.accountType)],
    ["口座番号", a.accountNumber],
    ["口座名義", a.holderName],
  ];
  for (const [label, value] of rows) {
    page.drawText(label, { x: 100, y, size: 11, font });
    page.drawText(value, { x: 220, y, size: 11, font });
    y -= 22;
  }
  y -= 20;
  line("登録内容に誤りがある場合は、会計管理室までご連絡ください。");
  line("以上", { right: true });
  return pdf.save();
}
