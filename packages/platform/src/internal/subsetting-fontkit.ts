import { Readable } from "node:stream";
import * as fontkit from "fontkit";
import type { PDFDocument } from "pdf-lib";

type Fontkit = Parameters<PDFDocument["registerFontkit"]>[0];

/**
 * Upstream `fontkit` 2 shaped for `PDFDocument.registerFontkit`.
 *
 * `@pdf-lib/fontkit` 1.1.1 (an unmaintained fork of fontkit 1.7) writes broken subsets: a TrueType
 * subset gets a short `loca` without padding odd-length glyph records, so most glyphs of Noto Sans JP
 * come out blank (text extraction still works; only the drawing is lost), and CID-keyed CFF subsets
 * get an invalid header. fontkit 2 subsets both correctly; pdf-lib only still calls the removed
 * `subset.encodeStream()`, which this adapter supplies from `subset.encode()`.
 */
export const subsettingFontkit: Fontkit = {
  create(bytes, postscriptName) {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const font = fontkit.create(buffer, postscriptName);
    if (!("createSubset" in font)) {
      throw new Error("@ward/platform: a font collection needs the font's PostScript name");
    }
    const createSubset = font.createSubset.bind(font);
    return Object.assign(font, {
      createSubset: () => {
        const subset = createSubset();
        return Object.assign(subset, { encodeStream: () => Readable.from([subset.encode()]) });
      },
    }) as unknown as ReturnType<Fontkit["create"]>;
  },
};
