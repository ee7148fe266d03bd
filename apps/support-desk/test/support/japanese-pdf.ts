import { existsSync, readFileSync } from "node:fs";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument } from "pdf-lib";

const FONT = "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf";

/** Whether a Japanese TrueType font is installed for {@link buildJapanesePdf}. */
export const japaneseFontAvailable = existsSync(FONT);

/** A PDF with one page per entry, Japanese text drawn with IPAexGothic (subset embedded). */
export async function buildJapanesePdf(pages: readonly string[]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const font = await pdf.embedFont(readFileSync(FONT), { subset: true });
  for (const text of pages) {
    const page = pdf.addPage([595, 842]);
    text.split("\n").forEach((line, i) => {
      page.drawText(line, { x: 30, y: 800 - i * 20, size: 12, font });
    });
  }
  return pdf.save();
}
