import { readFileSync } from "node:fs";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { IngestError, ingestDocument, normalizeJapanese, parseDocument } from "../src/domain/index.js";
import { buildDocx, buildPasswordPdf, buildPdf, buildPptx, buildXlsx } from "./support/build-files.js";

const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`fixtures/${name}`, import.meta.url)));

async function ingestError(promise: Promise<unknown>): Promise<IngestError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof IngestError)) throw new Error(`expected an IngestError, got ${String(error)}`);
  return error;
}

describe("Word .docx", () => {
  it("gives every paragraph its heading path and renders tables as cell rows", async () => {
    const bytes = buildDocx(
      [
        { text: "第1章 総則", heading: 1 },
        { text: "この規程は文書の取扱いを定める。" },
        { text: "第1節 定義", heading: 2 },
        { text: "文書とは、職員が職務上作成したものをいう。" },
        { text: "第2章 管理", heading: 1 },
        { text: "文書は課長が管理する。" },
      ],
      [
        ["区分", "保存期間"],
        ["会計書類", "5年"],
      ],
    );
    const { kind, sections } = await parseDocument({ bytes, fileName: "文書規程.docx" });
    expect(kind).toBe("docx");
    expect(sections.map((section) => section.locator)).toEqual([
      { kind: "section", path: ["第1章 総則"] },
      { kind: "section", path: ["第1章 総則", "第1節 定義"] },
      { kind: "section", path: ["第2章 管理"] },
    ]);
    expect(sections[1]?.text).toBe("第1節 定義\n文書とは、職員が職務上作成したものをいう。");
    expect(sections[2]?.text).toContain("区分 | 保存期間\n会計書類 | 5年");
  });

  it("reports a damaged zip as CORRUPT in Japanese and English", async () => {
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]);
    const error = await ingestError(parseDocument({ bytes, fileName: "壊れた.docx" }));
    expect(error.code).toBe("CORRUPT");
    expect(error.messageJa).toMatch(/^壊れた\.docx: ファイルが破損/);
    expect(error.message).toMatch(/^@ward\/documents: 壊れた\.docx: the file is damaged/);
  });

  it("reports a password-protected Office file (an OLE container) as ENCRYPTED", async () => {
    const bytes = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const error = await ingestError(parseDocument({ bytes, fileName: "秘密.xlsx" }));
    expect(error.code).toBe("ENCRYPTED");
    expect(error.messageJa).toContain("パスワード");
  });
});

describe("PDF", () => {
  it("returns one section per page and flags the page without a text layer", async () => {
    const bytes = await buildPdf(["Opening hours are 9 to 5.", null, "Fees are listed on page three."]);
    const { sections } = await parseDocument({ bytes, fileName: "guide.pdf" });
    expect(sections.map((section) => [section.locator, section.noTextLayer])).toEqual([
      [{ kind: "page", page: 1 }, false],
      [{ kind: "page", page: 2 }, true],
      [{ kind: "page", page: 3 }, false],
    ]);
    expect(sections[2]?.text).toContain("Fees are listed on page three.");
  });

  it("reports a PDF that needs a password to open as ENCRYPTED", async () => {
    const error = await ingestError(parseDocument({ bytes: buildPasswordPdf(), fileName: "非公開.pdf" }));
    expect(error.code).toBe("ENCRYPTED");
    expect(error.messageJa).toBe(
      "非公開.pdf: ファイルがパスワードで保護されています。パスワードを解除してから登録し直してください",
    );
  });

  it("reports a truncated PDF as CORRUPT", async () => {
    const whole = await buildPdf(["text"]);
    const error = await ingestError(parseDocument({ bytes: whole.subarray(0, 60), fileName: "途中.pdf" }));
    expect(error.code).toBe("CORRUPT");
  });

  it("reads the owner-password PDF of the Ministry of Finance and maps Kangxi radicals to kanji", async () => {
    const { chunks } = await ingestDocument({ bytes: fixture("qa_futankeigen.pdf"), fileName: "qa.pdf" });
    const first = chunks.find((chunk) => chunk.locator.kind === "page" && chunk.locator.page === 1);
    expect(first?.text).toContain("小規模事業者");
    expect(chunks.some((chunk) => chunk.text.includes("⼩"))).toBe(false);
    expect(new Set(chunks.map((chunk) => JSON.stringify(chunk.locator))).size).toBe(15);
  });

  it("joins letter-spaced Japanese (調 査 の 概 要) back into words", async () => {
    const raw = await parseDocument({ bytes: fixture("letter-spaced.pdf"), fileName: "10.pdf" });
    expect(raw.sections[0]?.text).toContain("調 査 の 概 要");
    const { chunks } = await ingestDocument({ bytes: fixture("letter-spaced.pdf"), fileName: "10.pdf" });
    expect(chunks[0]?.text).toContain("調査の概要");
    expect(chunks.every((chunk) => chunk.locator.kind === "page" && chunk.locator.page === 1)).toBe(true);
  });

  it("lists the scanned page of a Digital Agency deck as without text", async () => {
    const ingested = await ingestDocument({ bytes: fixture("no-text-layer.pdf"), fileName: "outline.pdf" });
    expect(ingested.pagesWithoutText).toEqual([2]);
    expect(ingested.chunks.map((chunk) => chunk.locator)).toEqual([{ kind: "page", page: 1 }]);
    expect(ingested.chunks[0]?.text).toContain("標準仕様書への適合確認の考え方");
  });
});

describe("PowerPoint .pptx", () => {
  it("numbers slides in presentation order, adds speaker notes and skips slide-number fields", async () => {
    const bytes = buildPptx([
      { lines: ["生成AI研修", "基本操作"], notes: ["研修は対面で実施する"] },
      { lines: ["RAGの仕組み", "資料を検索して回答する"] },
      { lines: [] },
      { lines: ["まとめ & 質疑"] },
    ]);
    const { sections } = await parseDocument({ bytes, fileName: "研修.pptx" });
    expect(sections.map((section) => section.locator)).toEqual([
      { kind: "slide", slide: 1 },
      { kind: "slide", slide: 2 },
      { kind: "slide", slide: 4 },
    ]);
    expect(sections[0]?.text).toBe("生成AI研修\n基本操作\n（ノート）\n研修は対面で実施する");
    expect(sections[2]?.text).toBe("まとめ & 質疑");
  });

  it("reports a zip without a presentation as CORRUPT", async () => {
    const bytes = zipSync({ "hello.txt": strToU8("hi") });
    const error = await ingestError(parseDocument({ bytes, fileName: "x.pptx" }));
    expect(error.code).toBe("CORRUPT");
  });
});

describe("Excel .xlsx", () => {
  it("cuts each sheet into row ranges that repeat the header row", async () => {
    const rows: (string | number)[][] = [["課名", "内線", "担当業務"]];
    for (let i = 1; i <= 30; i += 1) rows.push([`第${i}課`, 1000 + i, "窓口受付と問い合わせ対応の業務"]);
    const bytes = await buildXlsx({
      内線表: rows,
      日程: [
        ["日付", "行事"],
        [new Date(Date.UTC(2026, 3, 1)), "入庁式"],
      ],
    });
    const ingested = await ingestDocument({ bytes, fileName: "内線.xlsx" }, { size: 300, overlap: 0 });
    const sheetChunks = ingested.chunks.filter(
      (chunk) => chunk.locator.kind === "sheet" && chunk.locator.sheet === "内線表",
    );
    expect(sheetChunks.length).toBeGreaterThan(2);
    for (const chunk of sheetChunks) {
      expect(chunk.text.startsWith("課名 | 内線 | 担当業務\n")).toBe(true);
      expect(chunk.text.length).toBeLessThanOrEqual(300);
    }
    expect(sheetChunks[0]?.locator).toMatchObject({ fromRow: 2 });
    expect(sheetChunks.at(-1)?.locator).toMatchObject({ toRow: 31 });
    const covered = sheetChunks.flatMap((chunk) =>
      chunk.locator.kind === "sheet" ? [[chunk.locator.fromRow, chunk.locator.toRow]] : [],
    );
    for (let i = 1; i < covered.length; i += 1) expect(covered[i]?.[0]).toBe((covered[i - 1]?.[1] ?? 0) + 1);
    expect(ingested.chunks.at(-1)).toMatchObject({
      text: "日付 | 行事\n2026-04-01 | 入庁式",
      locator: { kind: "sheet", sheet: "日程", fromRow: 2, toRow: 2 },
    });
  });
});

describe("CSV and text", () => {
  it("reads Shift_JIS CSV with quoted commas and line breaks, repeating the header", async () => {
    const sjis = new Uint8Array([
      ...new TextEncoder().encode("id,name\r\n1,"),
      0x93,
      0xfa,
      0x96,
      0x7b, // 日本 in Shift_JIS
      ...new TextEncoder().encode('\r\n2,"a,b\r\nc"\r\n'),
    ]);
    const { sections } = await parseDocument({ bytes: sjis, fileName: "list.csv" });
    expect(sections).toEqual([
      {
        text: "id | name\n1 | 日本\n2 | a,b c",
        locator: { kind: "rows", fromRow: 2, toRow: 3 },
        noTextLayer: false,
      },
    ]);
  });

  it("splits Markdown by heading path and ignores # inside code fences", async () => {
    const text = "# 手引き\n概要です。\n## 申請\n```\n# not a heading\n```\n申請書を出す。\n";
    const { sections } = await parseDocument({ bytes: strToU8(text), fileName: "guide.md" });
    expect(sections.map((section) => section.locator)).toEqual([
      { kind: "section", path: ["手引き"] },
      { kind: "section", path: ["手引き", "申請"] },
    ]);
    expect(sections[1]?.text).toContain("# not a heading");
  });

  it("treats 第N章 lines of plain text as headings", async () => {
    const text = "第1章 総則\n目的を定める。\n第1節 用語\n用語を定める。\n第2章 雑則\n細則は別に定める。";
    const { sections } = await parseDocument({ bytes: strToU8(text), fileName: "rules.txt" });
    expect(sections.map((section) => section.locator)).toEqual([
      { kind: "section", path: ["第1章 総則"] },
      { kind: "section", path: ["第1章 総則", "第1節 用語"] },
      { kind: "section", path: ["第2章 雑則"] },
    ]);
  });

  it("refuses unsupported and legacy types with a reason", async () => {
    const legacy = await ingestError(parseDocument({ bytes: strToU8("x"), fileName: "old.doc" }));
    expect(legacy.code).toBe("UNSUPPORTED_TYPE");
    expect(legacy.message).toContain("save it as .docx");
    const image = await ingestError(parseDocument({ bytes: strToU8("x"), fileName: "photo.png" }));
    expect(image.code).toBe("UNSUPPORTED_TYPE");
    const empty = await ingestError(parseDocument({ bytes: new Uint8Array(), fileName: "empty.txt" }));
    expect(empty.code).toBe("EMPTY_FILE");
    const renamed = await ingestError(parseDocument({ bytes: strToU8("hello"), fileName: "fake.pdf" }));
    expect(renamed.code).toBe("CORRUPT");
  });

  it("uses the MIME type when the name has no extension", async () => {
    const parsed = await parseDocument({
      bytes: strToU8("a,b\n1,2\n"),
      fileName: "download",
      mimeType: "text/csv; charset=utf-8",
    });
    expect(parsed.kind).toBe("csv");
  });
});

describe("normalisation on real text", () => {
  it("is idempotent on the parsed fixture", async () => {
    const { sections } = await parseDocument({ bytes: fixture("letter-spaced.pdf"), fileName: "10.pdf" });
    const once = normalizeJapanese(sections[0]?.text ?? "");
    expect(normalizeJapanese(once)).toBe(once);
  });
});
