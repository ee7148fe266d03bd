import { openJapanesePdf } from "@ward/platform/pdf";

/**
 * A PDF with one A4 page per entry (lines split on `\n`), the Japanese text drawn in the platform's
 * bundled Noto Sans JP (or `WARD_PDF_FONT`) embedded as a subset: the same on Linux, macOS and Windows.
 */
export async function buildJapanesePdf(pages: readonly string[]): Promise<Uint8Array> {
  const doc = await openJapanesePdf({ title: "テスト文書", creator: "@ward/support-desk" });
  pages.forEach((text, i) => {
    if (i > 0) doc.newPage();
    for (const line of text.split("\n")) doc.text(line, { size: 12, gap: 20 });
  });
  return doc.save();
}
