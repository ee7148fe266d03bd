import ExcelJS from "exceljs";
import { strToU8, zipSync } from "fflate";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { IngestError } from "./ingest-error.js";
import { parseDocument } from "./parse-document.js";

const utf8 = (text: string) => new TextEncoder().encode(text);

async function failure(promise: Promise<unknown>): Promise<IngestError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof IngestError)) throw new Error(`expected an IngestError, got ${String(error)}`);
  return error;
}

describe("parseDocument", () => {
  it("reads text by heading path and CSV by row range", async () => {
    const text = await parseDocument({
      bytes: utf8("第1章 総則\n窓口は平日に開く。"),
      fileName: "手引き.txt",
    });
    expect(text).toEqual({
      kind: "text",
      sections: [
        {
          text: "第1章 総則\n窓口は平日に開く。",
          locator: { kind: "section", path: ["第1章 総則"] },
          noTextLayer: false,
        },
      ],
    });
    const csv = await parseDocument({ bytes: utf8("課,内線\n総務課,1001\n"), fileName: "内線.csv" });
    expect(csv.sections).toEqual([
      {
        text: "課 | 内線\n総務課 | 1001",
        locator: { kind: "rows", fromRow: 2, toRow: 2 },
        noTextLayer: false,
      },
    ]);
  });

  it("reads a workbook sheet by sheet, within tableChars", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("名簿");
    sheet.addRow(["氏名", "課"]);
    for (let i = 1; i <= 6; i += 1) sheet.addRow([`職員${i}`, "総務課"]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const parsed = await parseDocument({ bytes, fileName: "名簿.xlsx" }, { tableChars: 40 });
    expect(parsed.kind).toBe("xlsx");
    expect(parsed.sections.length).toBeGreaterThan(1);
    expect(parsed.sections[0]?.locator).toEqual({ kind: "sheet", sheet: "名簿", fromRow: 2, toRow: 4 });
    expect(parsed.sections.every((section) => section.text.startsWith("氏名 | 課"))).toBe(true);
  });

  it("reads a PDF page by page and flags a page without text", async () => {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    pdf.addPage([300, 200]).drawText("Office hours", { x: 20, y: 150, size: 12, font });
    pdf.addPage([300, 200]);
    const parsed = await parseDocument({ bytes: await pdf.save(), fileName: "hours.pdf" });
    expect(parsed.sections).toEqual([
      { text: "Office hours", locator: { kind: "page", page: 1 }, noTextLayer: false },
      { text: "", locator: { kind: "page", page: 2 }, noTextLayer: true },
    ]);
    const tooLong = await failure(
      parseDocument({ bytes: await pdf.save(), fileName: "hours.pdf" }, { maxPages: 1 }),
    );
    expect(tooLong.code).toBe("TOO_MANY_PAGES");
  });

  it("fails with a stable code, the package's prefix and a Japanese reason", async () => {
    const legacy = await failure(parseDocument({ bytes: utf8("x"), fileName: "様式.xls" }));
    expect(legacy.code).toBe("UNSUPPORTED_TYPE");
    expect(legacy.message).toMatch(/^@ward\/documents: 様式\.xls: this file type is not supported/);
    expect(legacy.messageJa).toMatch(/^様式\.xls: このファイル形式には対応していません/);
    expect((await failure(parseDocument({ bytes: new Uint8Array(), fileName: "a.txt" }))).code).toBe(
      "EMPTY_FILE",
    );
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect((await failure(parseDocument({ bytes: ole, fileName: "a.docx" }))).code).toBe("ENCRYPTED");
    const noSlides = zipSync({ "a.xml": strToU8("<a/>") });
    expect((await failure(parseDocument({ bytes: noSlides, fileName: "a.pptx" }))).code).toBe("CORRUPT");
    expect((await failure(parseDocument({ bytes: utf8("%PDF-1.7\n"), fileName: "a.pdf" }))).code).toBe(
      "CORRUPT",
    );
  });
});
