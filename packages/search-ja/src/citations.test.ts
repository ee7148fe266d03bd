import { describe, expect, it } from "vitest";
import { citationHref } from "./citation-link.js";
import { citePassages } from "./citations.js";
import type { SearchHit } from "./indexed-chunk.js";
import { describeLocator, type Locator, locatorKey, parseLocator, sameLocator } from "./locator.js";

describe("citationHref", () => {
  it("links PDF pages by fragment and slides, sheets, rows and sections by query", () => {
    expect(citationHref("d 1", { kind: "page", page: 3 })).toBe("/documents/d%201/view#page=3");
    expect(citationHref("d1", { kind: "slide", slide: 2 })).toBe("/documents/d1/view?slide=2");
    expect(citationHref("d1", { kind: "sheet", sheet: "名簿&一覧", fromRow: 2, toRow: 9 })).toBe(
      "/documents/d1/view?sheet=%E5%90%8D%E7%B0%BF%26%E4%B8%80%E8%A6%A7&rows=2-9",
    );
    expect(citationHref("d1", { kind: "rows", fromRow: 5, toRow: 5 })).toBe("/documents/d1/view?rows=5-5");
    expect(citationHref("d1", { kind: "section", path: ["第1章", "第2節"] })).toBe(
      "/documents/d1/view?section=%E7%AC%AC1%E7%AB%A0%20%3E%20%E7%AC%AC2%E7%AF%80",
    );
    expect(citationHref("d1", { kind: "section", path: [] })).toBe("/documents/d1/view");
  });
});

describe("locators", () => {
  it("describes every kind in Japanese", () => {
    const labels = (
      [
        { kind: "page", page: 3 },
        { kind: "slide", slide: 4 },
        { kind: "sheet", sheet: "名簿", fromRow: 2, toRow: 21 },
        { kind: "rows", fromRow: 7, toRow: 7 },
        { kind: "section", path: ["総則", "目的"] },
        { kind: "section", path: [] },
      ] satisfies Locator[]
    ).map(describeLocator);
    expect(labels).toEqual(["3ページ", "スライド4", "シート「名簿」 2〜21行", "7行", "総則 > 目的", "本文"]);
  });

  it("parses valid locators and rejects invalid ones", () => {
    expect(parseLocator({ kind: "slide", slide: 1 })).toEqual({ kind: "slide", slide: 1 });
    expect(() => parseLocator({ kind: "page", page: 0 })).toThrow();
    expect(() => parseLocator({ kind: "chapter", n: 1 })).toThrow();
  });

  it("compares locators by value", () => {
    expect(sameLocator({ kind: "rows", fromRow: 1, toRow: 2 }, { kind: "rows", fromRow: 1, toRow: 2 })).toBe(
      true,
    );
    expect(sameLocator({ kind: "page", page: 1 }, { kind: "slide", slide: 1 })).toBe(false);
    expect(locatorKey({ kind: "section", path: ["a > b"] })).not.toBe(
      locatorKey({ kind: "section", path: ["a", "b"] }),
    );
  });
});

describe("citePassages", () => {
  const hit = (chunkId: string, documentId: string, locator: Locator): SearchHit => ({
    chunkId,
    documentId,
    folderId: "f",
    ordinal: 0,
    text: chunkId,
    locator,
    score: 1,
  });

  it("gives passages from the same page one citation number", () => {
    const { passages, citations } = citePassages(
      [
        hit("a", "d1", { kind: "page", page: 3 }),
        hit("b", "d2", { kind: "slide", slide: 1 }),
        hit("c", "d1", { kind: "page", page: 3 }),
      ],
      (id) => (id === "d1" ? "手引き.pdf" : "研修.pptx"),
    );
    expect(passages.map((passage) => passage.citation.number)).toEqual([1, 2, 1]);
    expect(citations).toEqual([
      {
        number: 1,
        documentId: "d1",
        documentName: "手引き.pdf",
        locator: { kind: "page", page: 3 },
        label: "3ページ",
        href: "/documents/d1/view#page=3",
      },
      {
        number: 2,
        documentId: "d2",
        documentName: "研修.pptx",
        locator: { kind: "slide", slide: 1 },
        label: "スライド1",
        href: "/documents/d2/view?slide=1",
      },
    ]);
  });
});
