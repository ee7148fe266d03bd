import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as fontkit from "fontkit";
import { decodePDFRawStream, PDFDict, PDFDocument, PDFName, PDFRawStream } from "pdf-lib";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { PlatformError } from "../errors.js";
import { bundledFontPath, openJapanesePdf, PDF_FONT_ENV, pdfFontPath } from "./japanese-pdf.js";

/** The /BaseFont of every Type0 font in the PDF, without pdf-lib's subset suffix (`-1234`). */
async function embeddedFonts(bytes: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(bytes);
  return doc.context
    .enumerateIndirectObjects()
    .map(([, o]) => o)
    .filter((o): o is PDFDict => o instanceof PDFDict && o.get(PDFName.of("Subtype")) === PDFName.of("Type0"))
    .map((o) => String(o.get(PDFName.of("BaseFont"))).replace(/^\/(.*)-\d+$/, "$1"));
}

/** The outlines (SVG paths) of every glyph of the embedded TrueType subset. */
async function embeddedOutlines(bytes: Uint8Array): Promise<Set<string>> {
  const doc = await PDFDocument.load(bytes);
  const descriptor = doc.context
    .enumerateIndirectObjects()
    .map(([, o]) => o)
    .find((o): o is PDFDict => o instanceof PDFDict && o.has(PDFName.of("FontFile2")));
  const file = descriptor?.lookup(PDFName.of("FontFile2"));
  if (!(file instanceof PDFRawStream)) throw new Error("no FontFile2 stream in the PDF");
  const subset = fontkit.create(Buffer.from(decodePDFRawStream(file).decode())) as fontkit.Font;
  return new Set(Array.from({ length: subset.numGlyphs }, (_, id) => subset.getGlyph(id).path.toSVG()));
}

async function pdfText(bytes: Uint8Array): Promise<{ pages: number; text: string }> {
  const doc = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false })
    .promise;
  const texts: string[] = [];
  for (let p = 1; p <= doc.numPages; p += 1) {
    const content = await (await doc.getPage(p)).getTextContent();
    texts.push(content.items.map((i) => ("str" in i ? i.str : "")).join("\n"));
  }
  return { pages: doc.numPages, text: texts.join("\n") };
}

async function onePdf(text: string, fontPath?: string): Promise<Uint8Array> {
  const doc = await openJapanesePdf({ title: "試験", ...(fontPath === undefined ? {} : { fontPath }) });
  doc.text(text);
  return doc.save();
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("openJapanesePdf", () => {
  it("resolves the bundled Noto Sans JP TrueType file from node_modules", () => {
    const path = bundledFontPath();
    expect(path).toMatch(/NotoSansJP_400Regular\.ttf$/);
    // "\0\1\0\0": a TrueType (glyf) font, which fontkit can subset.
    expect([...readFileSync(path).subarray(0, 4)]).toEqual([0, 1, 0, 0]);
  });

  it("writes Japanese text that pdfjs extracts again, in the bundled font by default", async () => {
    vi.stubEnv(PDF_FONT_ENV, "");
    const bytes = await onePdf("業務日報 令和7年7月10日 ｶﾅ 髙橋 ①");
    expect((await pdfText(bytes)).text).toContain("業務日報 令和7年7月10日 ｶﾅ 髙橋 ①");
    expect(await embeddedFonts(bytes)).toEqual(["NotoSansJP-Regular"]);
  });

  it("draws every character with the font's own outline: the embedded subset is not corrupt", async () => {
    // @pdf-lib/fontkit 1.1.1 passed the text checks but left most of these glyphs blank.
    const text = "登録完了のお知らせ 令和7年7月10日 〒176-8501 練馬商事株式会社 ﾈﾘﾏｼﾖｳｼﾞ(ｶ 業務日報 髙橋";
    const outlines = await embeddedOutlines(await onePdf(text));
    const source = fontkit.create(readFileSync(bundledFontPath())) as fontkit.Font;
    const missing = [...new Set(text.replaceAll(" ", ""))].filter(
      (ch) => !outlines.has(source.glyphForCodePoint(ch.codePointAt(0) ?? 0).path.toSVG()),
    );
    expect(missing).toEqual([]);
  });

  it("picks the font path: explicit, else a non-empty WARD_PDF_FONT, else the bundled font", () => {
    vi.stubEnv(PDF_FONT_ENV, "");
    expect(pdfFontPath()).toBe(bundledFontPath());
    vi.stubEnv(PDF_FONT_ENV, "/fonts/env.ttf");
    expect(pdfFontPath()).toBe("/fonts/env.ttf");
    expect(pdfFontPath("/fonts/explicit.ttf")).toBe("/fonts/explicit.ttf");
  });

  it("records the title and the creator in the PDF's metadata", async () => {
    const named = await openJapanesePdf({ title: "登録完了のお知らせ", creator: "@ward/treasury" });
    const plain = await openJapanesePdf({ title: "試験" });
    const [a, b] = await Promise.all(
      [named.save(), plain.save()].map(async (p) => PDFDocument.load(await p)),
    );
    expect([a?.getTitle(), a?.getCreator()]).toEqual(["登録完了のお知らせ", "@ward/treasury"]);
    expect(b?.getCreator()).toBe("@ward/platform");
  });

  it("takes another TrueType font from WARD_PDF_FONT, and an explicit fontPath over it", async () => {
    const bold = createRequire(import.meta.url).resolve(
      "@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf",
    );
    vi.stubEnv(PDF_FONT_ENV, bold);
    expect(await embeddedFonts(await onePdf("完了報告書"))).toEqual(["NotoSansJP-Bold"]);
    expect(await embeddedFonts(await onePdf("完了報告書", bundledFontPath()))).toEqual([
      "NotoSansJP-Regular",
    ]);
  });

  it("fails with PDF_FONT_UNREADABLE for a missing file and for a file that is not a font", async () => {
    vi.stubEnv(PDF_FONT_ENV, "/nonexistent/font.ttf");
    await expect(onePdf("テスト")).rejects.toMatchObject({
      code: "PDF_FONT_UNREADABLE",
      status: 500,
      message: expect.stringMatching(/^@ward\/platform: PDF_FONT_UNREADABLE: .*\/nonexistent\/font\.ttf/),
      messageJa: "PDFのフォントを読み込めません（/nonexistent/font.ttf）。",
      cause: expect.objectContaining({ code: "ENOENT" }),
    });
    const notAFont = createRequire(import.meta.url).resolve("@expo-google-fonts/noto-sans-jp/package.json");
    const error = await onePdf("テスト", notAFont).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlatformError);
    expect(error).toMatchObject({
      code: "PDF_FONT_UNREADABLE",
      messageJa: expect.stringContaining("フォント"),
    });
  });

  it("does not keep a failed read: the same path works once the font is there", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ward-pdf-font-"));
    try {
      const path = join(dir, "font.ttf");
      await expect(onePdf("テスト", path)).rejects.toMatchObject({ code: "PDF_FONT_UNREADABLE" });
      copyFileSync(bundledFontPath(), path);
      expect((await pdfText(await onePdf("テスト", path))).text).toContain("テスト");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("breaks a long table over pages, repeating the header, and stays a small subset", async () => {
    const doc = await openJapanesePdf({ title: "日別内訳" });
    const rows = Array.from({ length: 80 }, (_, i) => [`7月${i + 1}日`, String(i * 1000)]);
    doc.table(
      [
        { header: "月日", width: 200 },
        { header: "金額", width: 200, align: "right" },
      ],
      rows,
    );
    const bytes = await doc.save();
    const { pages, text } = await pdfText(bytes);
    expect(pages).toBeGreaterThan(1);
    expect(text.split("月日")).toHaveLength(pages + 1);
    expect(text).toContain("7月80日");
    expect(bytes.length).toBeLessThan(100_000);
  });
});
