export {
  BUNDLED_FONT_MODULE,
  bundledFontPath,
  type JapanesePdf,
  type JapanesePdfOptions,
  openJapanesePdf,
  PDF_FONT_ENV,
  type PdfColumn,
  pdfFontPath,
  type TextOptions,
} from "./japanese-pdf.js";
