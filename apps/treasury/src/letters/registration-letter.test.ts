import { PDFDict, PDFDocument, PDFName } from "pdf-lib";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";
import { TreasuryError } from "../domain/errors.js";
import type { RegisteredCreditor } from "../storage/creditor-accounts.js";
import { writeRegistrationLetter } from "./registration-letter.js";

const creditor: RegisteredCreditor = {
  id: 42,
  creditorName: "練馬商事株式会社",
  postalCode: "176-8501",
  address: "東京都練馬区豊玉北6-12-1",
  registeredAt: new Date("2025-07-10T01:00:00Z"),
  account: {
    bankCode: "0001",
    branchCode: "001",
    accountType: "1",
    accountNumber: "1234567",
    holderName: "ﾈﾘﾏｼﾖｳｼﾞ(ｶ",
    bankKana: "ﾐｽﾞﾎ",
    branchKana: "ﾄｳｷﾖｳ",
  },
};

async function pdfPages(bytes: Uint8Array): Promise<{ pages: number; text: string }> {
  const doc = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false })
    .promise;
  const content = await (await doc.getPage(1)).getTextContent();
  return { pages: doc.numPages, text: content.items.map((i) => ("str" in i ? i.str : "")).join("\n") };
}

/** The /BaseFont of every Type0 font in the PDF, without pdf-lib's subset suffix (`-1234`). */
async function embeddedFonts(bytes: Uint8Array): Promise<string[]> {
  const objects = (await PDFDocument.load(bytes)).context.enumerateIndirectObjects().map(([, o]) => o);
  return objects
    .filter((o): o is PDFDict => o instanceof PDFDict && o.get(PDFName.of("Subtype")) === PDFName.of("Type0"))
    .map((o) => String(o.get(PDFName.of("BaseFont"))).replace(/^\/(.*)-\d+$/, "$1"));
}

describe("writeRegistrationLetter", () => {
  it("writes a one-page PDF in the bundled font whose extracted text has the title, addressee and account", async () => {
    const bytes = await writeRegistrationLetter(creditor, { date: "2025-07-10" });
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe("%PDF-");
    const { pages, text } = await pdfPages(bytes);
    expect(pages).toBe(1);
    for (const expected of [
      "登録完了のお知らせ",
      "令和7年7月10日",
      "〒176-8501",
      "東京都練馬区豊玉北6-12-1",
      "練馬商事株式会社",
      "様",
      "ﾐｽﾞﾎ（0001）",
      "1234567",
      "ﾈﾘﾏｼﾖｳｼﾞ(ｶ",
      "普通",
      "練馬区会計管理室",
    ]) {
      expect(text).toContain(expected);
    }
    expect(await embeddedFonts(bytes)).toEqual(["NotoSansJP-Regular"]);
  });

  it("embeds only the glyphs used: the letter stays far below the 5 MB font file", async () => {
    const bytes = await writeRegistrationLetter(creditor, { date: "2025-07-10" });
    expect(bytes.length).toBeLessThan(100_000);
  });

  it("refuses to write without a usable font instead of printing tofu", async () => {
    const written = writeRegistrationLetter(creditor, {
      date: "2025-07-10",
      fontPath: "/nonexistent/font.ttf",
    });
    await expect(written).rejects.toBeInstanceOf(TreasuryError);
    await expect(written).rejects.toMatchObject({ code: "PDF_FONT_UNREADABLE" });
  });
});
