import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { PDFDocument, type PDFFont, type PDFPage, rgb } from "pdf-lib";
import { PlatformError } from "../errors.js";
import { subsettingFontkit } from "../internal/subsetting-fontkit.js";

/**
 * The font shipped with the platform: Noto Sans JP Regular (SIL OFL 1.1) from
 * `@expo-google-fonts/noto-sans-jp`, as an import specifier.
 *
 * @example
 * ```ts
 * BUNDLED_FONT_MODULE; // "@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf"
 * ```
 */
export const BUNDLED_FONT_MODULE = "@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf";

/**
 * The environment variable that points the PDFs at another TrueType font file.
 *
 * @example
 * ```ts
 * process.env[PDF_FONT_ENV] = "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf"; // a TrueType file, not a .ttc
 * ```
 */
export const PDF_FONT_ENV = "WARD_PDF_FONT";

/**
 * The bundled font's absolute path, resolved like an import (works wherever `npm install` put it,
 * on Linux, macOS and Windows alike).
 *
 * @example
 * ```ts
 * bundledFontPath(); // ".../node_modules/@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf"
 * ```
 */
export function bundledFontPath(): string {
  return createRequire(import.meta.url).resolve(BUNDLED_FONT_MODULE);
}

/**
 * The font file {@link openJapanesePdf} embeds: `fontPath` if given, else the file named by
 * `WARD_PDF_FONT` (when set and not empty), else the bundled Noto Sans JP.
 *
 * @example
 * ```ts
 * pdfFontPath("/fonts/ipaexg.ttf"); // "/fonts/ipaexg.ttf"
 * pdfFontPath(); // WARD_PDF_FONT, or bundledFontPath()
 * ```
 */
export function pdfFontPath(fontPath?: string): string {
  if (fontPath !== undefined) return fontPath;
  const env = process.env[PDF_FONT_ENV];
  return env === undefined || env === "" ? bundledFontPath() : env;
}

// Font bytes per path, read once per process (the bundled TTF is 5 MB); a failed read is not kept.
const fontBytes = new Map<string, Promise<Uint8Array>>();

function readFontOnce(path: string): Promise<Uint8Array> {
  let bytes = fontBytes.get(path);
  if (bytes === undefined) {
    bytes = readFile(path).then((b) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength));
    fontBytes.set(path, bytes);
    bytes.catch(() => fontBytes.delete(path));
  }
  return bytes;
}

const fontError = (path: string, cause: unknown) =>
  new PlatformError("PDF_FONT_UNREADABLE", {
    message: `cannot embed the PDF font ${path}: ${String(cause)}`,
    messageJa: `PDFのフォントを読み込めません（${path}）。`,
    cause,
  });

const A4: [number, number] = [595.28, 841.89];
const LEFT = 60;
const RIGHT = 540;
const TOP = 780;
const BOTTOM = 60;
const black = rgb(0, 0, 0);

/** How {@link JapanesePdf.text} places a line (points; A4 is 595 × 842, text runs from x 60 to 540). */
export interface TextOptions {
  readonly size?: number;
  readonly x?: number;
  readonly right?: boolean;
  readonly center?: boolean;
  /** Points to move down after the line; 0 keeps the line (another text on the same line follows). */
  readonly gap?: number;
}

/** A column of {@link JapanesePdf.table}. */
export interface PdfColumn {
  readonly header: string;
  /** Width in points. */
  readonly width: number;
  readonly align?: "left" | "right";
}

/** Options of {@link openJapanesePdf}. */
export interface JapanesePdfOptions {
  /** The document title (PDF metadata). */
  readonly title: string;
  /** A TrueType font file; default `WARD_PDF_FONT`, else the bundled Noto Sans JP (see {@link pdfFontPath}). */
  readonly fontPath?: string;
  /** The PDF's Creator entry, e.g. the app's package name; default `@ward/platform`. */
  readonly creator?: string;
}

/** A top-to-bottom A4 writer with the Japanese font embedded as a subset; new pages as needed. */
export interface JapanesePdf {
  readonly font: PDFFont;
  text(text: string, options?: TextOptions): void;
  /** Moves the cursor down. */
  space(points: number): void;
  /** Starts a new page (one letter per page). */
  newPage(): void;
  /** A bordered table with a header row, repeated on each new page. */
  table(
    columns: readonly PdfColumn[],
    rows: readonly (readonly string[])[],
    options?: { size?: number },
  ): void;
  save(): Promise<Uint8Array>;
}

/**
 * Opens an A4 PDF with a Japanese TrueType font embedded as a subset: `fontPath`, else the file
 * named by `WARD_PDF_FONT`, else the bundled Noto Sans JP. Font bytes are read once per path.
 *
 * @throws PlatformError `PDF_FONT_UNREADABLE` when the font file is missing or not a font
 *
 * @example
 * ```ts
 * const doc = await openJapanesePdf({ title: "登録完了のお知らせ", creator: "@ward/treasury" });
 * doc.text("令和7年7月10日", { right: true });
 * doc.text("登録完了のお知らせ", { size: 18, center: true });
 * doc.table([{ header: "項目", width: 120 }, { header: "内容", width: 300 }], [["登録番号", "42"]]);
 * doc.newPage();
 * await writeFile("letter.pdf", await doc.save());
 * ```
 */
export async function openJapanesePdf(o: JapanesePdfOptions): Promise<JapanesePdf> {
  const fontPath = pdfFontPath(o.fontPath);
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(subsettingFontkit);
  let font: PDFFont;
  try {
    font = await pdf.embedFont(await readFontOnce(fontPath), { subset: true });
  } catch (cause) {
    throw fontError(fontPath, cause);
  }
  pdf.setTitle(o.title);
  pdf.setCreator(o.creator ?? "@ward/platform");
  let page: PDFPage = pdf.addPage(A4);
  let y = TOP;
  const room = (needed: number) => {
    if (y - needed >= BOTTOM) return false;
    page = pdf.addPage(A4);
    y = TOP;
    return true;
  };
  const draw = (text: string, x: number, size: number) =>
    page.drawText(text, { x, y, size, font, color: black });
  const fit = (text: string, width: number, size: number) => {
    let t = text;
    while (t.length > 1 && font.widthOfTextAtSize(t, size) > width) t = t.slice(0, -1);
    return t === text ? t : `${t.slice(0, -1)}…`;
  };
  return {
    font,
    text(text, t = {}) {
      const size = t.size ?? 11;
      room(size);
      const width = font.widthOfTextAtSize(text, size);
      const x = t.right ? RIGHT - width : t.center ? (A4[0] - width) / 2 : (t.x ?? LEFT);
      draw(text, x, size);
      y -= t.gap ?? size + 9;
    },
    space(points) {
      y -= points;
    },
    newPage() {
      page = pdf.addPage(A4);
      y = TOP;
    },
    table(columns, rows, t = {}) {
      const size = t.size ?? 9;
      const height = size + 8;
      const header = () => {
        let x = LEFT;
        for (const c of columns) {
          page.drawRectangle({
            x,
            y: y - 5,
            width: c.width,
            height,
            borderColor: black,
            borderWidth: 0.5,
            color: rgb(0.87, 0.92, 0.97),
          });
          draw(fit(c.header, c.width - 6, size), x + 3, size);
          x += c.width;
        }
        y -= height;
      };
      room(height * 2);
      header();
      for (const row of rows) {
        if (room(height)) header();
        let x = LEFT;
        columns.forEach((c, i) => {
          const cell = fit(row[i] ?? "", c.width - 6, size);
          page.drawRectangle({ x, y: y - 5, width: c.width, height, borderColor: black, borderWidth: 0.5 });
          const cx = c.align === "right" ? x + c.width - 3 - font.widthOfTextAtSize(cell, size) : x + 3;
          draw(cell, cx, size);
          x += c.width;
        });
        y -= height;
      }
      y -= 10;
    },
    save: () => pdf.save(),
  };
}
