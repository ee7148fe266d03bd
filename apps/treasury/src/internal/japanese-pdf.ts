import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, type PDFFont, type PDFPage, rgb } from "pdf-lib";

/** TrueType Japanese fonts tried in order (Debian `fonts-ipaexfont-gothic`, `fonts-ipafont-gothic`). */
export const JAPANESE_FONT_CANDIDATES = [
  "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf",
  "/usr/share/fonts/truetype/ipaexfont-gothic/ipaexg.ttf",
  "/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf",
  "/usr/share/fonts/truetype/ipafont-gothic/ipag.ttf",
] as const;

const A4: [number, number] = [595.28, 841.89];
const LEFT = 60;
const RIGHT = 540;
const TOP = 780;
const BOTTOM = 60;
const black = rgb(0, 0, 0);

/** How {@link JapanesePdf.text} places a line. */
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

/** A top-to-bottom A4 writer with the Japanese font embedded as a subset; new pages as needed. */
export interface JapanesePdf {
  readonly font: PDFFont;
  text(text: string, options?: TextOptions): void;
  /** Moves the cursor down. */
  space(points: number): void;
  /** A bordered table with a header row, repeated on each new page. */
  table(
    columns: readonly PdfColumn[],
    rows: readonly (readonly string[])[],
    options?: { size?: number },
  ): void;
  save(): Promise<Uint8Array>;
}

/**
 * Opens an A4 PDF with a Japanese TrueType font (IPAex Gothic) embedded as a subset.
 *
 * @throws Error when no Japanese TrueType font is installed (install `fonts-ipaexfont-gothic`)
 */
export async function openJapanesePdf(o: {
  readonly title: string;
  readonly fontPath?: string;
}): Promise<JapanesePdf> {
  const fontPath = o.fontPath ?? JAPANESE_FONT_CANDIDATES.find((p) => existsSync(p));
  if (fontPath === undefined) {
    throw new Error(
      "@ward/treasury: no Japanese TrueType font found; install Debian's fonts-ipaexfont-gothic (apt-get install fonts-ipaexfont-gothic)",
    );
  }
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const font = await pdf.embedFont(await readFile(fontPath), { subset: true });
  pdf.setTitle(o.title);
  pdf.setCreator("@ward/treasury");
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
