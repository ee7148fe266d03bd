import { isPlatformError } from "@ward/platform";
import { type JapanesePdf, openJapanesePdf, pdfFontPath } from "@ward/platform/pdf";
import { TreasuryError } from "../domain/errors.js";

/**
 * The platform's A4 Japanese PDF writer (`@ward/platform/pdf`) for the treasury's letters and
 * reports: Creator `@ward/treasury`, and an unusable font reported in the treasury's own error.
 *
 * @throws TreasuryError `PDF_FONT_UNREADABLE` (details `{ path }`) when the font file is missing or not a font
 */
export async function openTreasuryPdf(o: {
  readonly title: string;
  readonly fontPath?: string;
}): Promise<JapanesePdf> {
  const fontPath = pdfFontPath(o.fontPath);
  try {
    return await openJapanesePdf({ title: o.title, fontPath, creator: "@ward/treasury" });
  } catch (cause) {
    if (!isPlatformError(cause, "PDF_FONT_UNREADABLE")) throw cause;
    throw new TreasuryError(
      "PDF_FONT_UNREADABLE",
      `cannot embed the PDF font ${fontPath}: ${String(cause.cause)}`,
      {
        messageJa: cause.messageJa,
        details: { path: fontPath },
      },
    );
  }
}
