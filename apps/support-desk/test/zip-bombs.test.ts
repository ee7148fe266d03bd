import { testClient } from "@ward/platform/testing";
import ExcelJS from "exceljs";
import { strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import {
  ArchiveLimitError,
  DEFAULT_ARCHIVE_LIMITS,
  parseDocument,
  parsePptx,
  parseXlsx,
} from "../src/domain/index.js";
import {
  docxBomb,
  manyEntries,
  pptxBomb,
  repeatedDeflate,
  sheetXml,
  zipWithDeflated,
} from "./support/build-bombs.js";
import { buildXlsx } from "./support/build-files.js";
import { openTestDesk, seedOrganisation } from "./support/desk.js";

const MiB = 1024 * 1024;

async function rejection(run: () => unknown): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection");
}

/** Runs a parse and returns its error and how much the process grew meanwhile (rss, MiB). */
async function measured(run: () => unknown) {
  const before = process.memoryUsage().rss;
  const error = await rejection(run);
  return { error, grewMiB: (process.memoryUsage().rss - before) / MiB };
}

/** A real exceljs workbook whose first sheet is replaced by `xml`. */
async function workbookWithSheet(xml: string): Promise<Uint8Array> {
  const files = unzipSync(await buildXlsx({ 名簿: [["氏名"]] }));
  files["xl/worksheets/sheet1.xml"] = strToU8(xml);
  return zipSync(files, { level: 1 });
}

describe("zip bombs stop while inflating", () => {
  it("stops a 1 MB .pptx that inflates to 2 GiB at the compression-ratio limit", async () => {
    const bomb = pptxBomb(2048);
    expect(bomb.length).toBeLessThan(3 * MiB);
    const { error, grewMiB } = await measured(() => parsePptx(bomb, "研修.pptx"));
    expect(error).toBeInstanceOf(ArchiveLimitError);
    expect(error).toMatchObject({ code: "ARCHIVE_LIMIT", limit: "ratio", value: 200 });
    expect((error as ArchiveLimitError).messageJa).toBe(
      "研修.pptx: 展開すると上限を超える大きさ・件数になるため取り込みを中止しました。ファイルを分割するか、不要なシートや画像を削除してから登録してください（圧縮率が異常に高い要素があります（200倍超））",
    );
    expect(grewMiB).toBeLessThan(200);
  });

  it("stops an entry at its byte limit and an archive at its total, whatever the ratio", async () => {
    const limits = {
      ...DEFAULT_ARCHIVE_LIMITS,
      maxRatio: 1e9,
      maxEntryBytes: 8 * MiB,
      maxTotalBytes: 12 * MiB,
    };
    // The directory claims 4 KiB: only counting the inflated bytes catches it.
    expect(await rejection(() => parsePptx(pptxBomb(64), "a.pptx", limits))).toMatchObject({
      limit: "entryBytes",
    });
    const honest = zipWithDeflated({
      "ppt/presentation.xml": "<p:presentation/>",
      "ppt/slides/slide1.xml": { deflated: repeatedDeflate(" ", 16), size: 16 * MiB },
    });
    expect(await rejection(() => parsePptx(honest, "h.pptx", limits))).toMatchObject({ limit: "entryBytes" });
    const twoParts = zipWithDeflated({
      "ppt/presentation.xml": "<p:presentation/>",
      "ppt/slides/slide1.xml": { deflated: repeatedDeflate(" ", 16), size: 1 },
      "ppt/slides/slide2.xml": { deflated: repeatedDeflate(" ", 16), size: 16 * MiB },
    });
    const total = { ...limits, maxEntryBytes: 20 * MiB, maxTotalBytes: 24 * MiB };
    expect(await rejection(() => parsePptx(twoParts, "b.pptx", total))).toMatchObject({
      limit: "totalBytes",
    });
  });

  it("refuses an archive of too many entries before inflating any", async () => {
    expect(await rejection(() => parsePptx(manyEntries(5001), "c.pptx"))).toMatchObject({
      limit: "entries",
      value: 5000,
    });
  });

  it("stops a .docx bomb before mammoth sees it", async () => {
    const { error, grewMiB } = await measured(() =>
      parseDocument({ bytes: docxBomb(2048), fileName: "規程.docx" }),
    );
    expect(error).toMatchObject({ code: "ARCHIVE_LIMIT", limit: "ratio" });
    expect(grewMiB).toBeLessThan(200);
  });

  it("stops a workbook past 400,000 cells or 200,000 rows while counting, under the byte limits", async () => {
    const cells = await workbookWithSheet(sheetXml(41_000, 10));
    const { error, grewMiB } = await measured(() =>
      parseXlsx(cells, { fileName: "名簿.xlsx", maxChars: 800 }),
    );
    expect(error).toMatchObject({ code: "ARCHIVE_LIMIT", limit: "cells", value: 400_000 });
    expect((error as ArchiveLimitError).messageJa).toContain("セルが400,000個を超えています");
    expect(grewMiB).toBeLessThan(300);
    const rows = await workbookWithSheet(sheetXml(200_001, 1));
    expect(await rejection(() => parseXlsx(rows, { fileName: "行.xlsx", maxChars: 800 }))).toMatchObject({
      limit: "rows",
    });
  });

  it("counts namespaced cells (<x:c>) and cells split across inflated chunks", async () => {
    const xml = `<x:worksheet><x:sheetData><x:row r="1">${'<x:c r="A1"><x:v>1</x:v></x:c>'.repeat(3000)}</x:row></x:sheetData></x:worksheet>`;
    const limits = { ...DEFAULT_ARCHIVE_LIMITS, maxCells: 2999 };
    expect(
      await rejection(() => parseXlsx(strToU8("x"), { fileName: "x.xlsx", maxChars: 800, limits })),
    ).toMatchObject({ code: "CORRUPT" });
    const bytes = await workbookWithSheet(xml);
    expect(
      await rejection(() => parseXlsx(bytes, { fileName: "x.xlsx", maxChars: 800, limits })),
    ).toMatchObject({
      limit: "cells",
    });
  });
});

describe("legitimate files still parse", () => {
  it("reads a workbook with an embedded image (images are never inflated)", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("内線表");
    sheet.addRow(["課", "内線"]);
    sheet.addRow(["総務課", 1001]);
    const png = Buffer.from(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
      "base64",
    );
    const image = workbook.addImage({ buffer: png as never, extension: "png" });
    sheet.addImage(image, "C1:D3");
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(Object.keys(unzipSync(bytes)).some((name) => name.startsWith("xl/media/"))).toBe(true);
    const sections = await parseXlsx(bytes, { fileName: "内線表.xlsx", maxChars: 800 });
    expect(sections.map((s) => s.text)).toEqual(["課 | 内線\n総務課 | 1001"]);
  });

  it("reads 39,000 cells of a real workbook within the limits", async () => {
    const sections = await parseXlsx(await workbookWithSheet(sheetXml(3900, 10)), {
      fileName: "大.xlsx",
      maxChars: 4000,
    });
    expect(sections.length).toBeGreaterThan(10);
  });
});

describe("a zip bomb uploaded to a folder", () => {
  it("fails that file with the Japanese reason on the job screen; the other file is ingested", async () => {
    const t = await openTestDesk();
    try {
      const org = await seedOrganisation(t.platform);
      const admin = testClient(t.app);
      await admin.login("admin");
      const created = await admin.form("/folders", { name: "研修", departmentId: String(org.soumu.id) });
      const folderId = Number(/\/folders\/(\d+)/.exec(created.headers.get("location") ?? "")?.[1]);
      const res = await admin.form(`/folders/${folderId}/documents`, {
        files: [
          { name: "爆弾.pptx", data: pptxBomb(2048) },
          { name: "手引き.md", data: strToU8("# 手引き\n\n受付は平日です。\n") },
        ],
      });
      await t.queue.idle();
      const page = await (await admin.request(res.headers.get("location") ?? "")).text();
      expect(page).toContain("爆弾.pptx: 展開すると上限を超える大きさ・件数になるため取り込みを中止しました");
      expect(page).toContain("1件は失敗");
    } finally {
      await t.platform.close();
    }
  });
});
