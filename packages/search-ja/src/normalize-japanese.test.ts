import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeJapanese } from "./normalize-japanese.js";
import { tokenize } from "./tokenize.js";

describe("normalizeJapanese", () => {
  it("maps Kangxi-radical look-alikes and full-width forms with NFKC", () => {
    expect(normalizeJapanese("⼩規模事業者（令和５年３⽉）")).toBe("小規模事業者(令和5年3月)");
  });

  it("removes the spaces of letter-spaced text but keeps spaces between Latin words", () => {
    expect(normalizeJapanese("調 査 の 概 要")).toBe("調査の概要");
    expect(normalizeJapanese("65 歳 以 上 の 者")).toBe("65歳以上の者");
    expect(normalizeJapanese("Open  Data　ポリシー")).toBe("Open Data ポリシー");
  });

  it("keeps line breaks, trims lines and collapses blank runs", () => {
    expect(normalizeJapanese("  一行目  \r\n\n\n\n二行目\t")).toBe("一行目\n\n二行目");
  });

  it("is idempotent (property)", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom("調", "査", " ", "　", "⼩", "５", "a", "\n", "。") }),
        (text) => {
          const once = normalizeJapanese(text);
          expect(normalizeJapanese(once)).toBe(once);
        },
      ),
    );
  });
});

describe("tokenize", () => {
  it("produces segmenter words and marked character bigrams", () => {
    expect(tokenize("⼩規模事業者")).toEqual([
      "小規模",
      "事業",
      "者",
      "|小規",
      "|規模",
      "|模事",
      "|事業",
      "|業者",
    ]);
  });

  it("gives the same bigrams to letter-spaced and wrapped text as to clean text", () => {
    const bigrams = (text: string): string[] => tokenize(text).filter((term) => term.startsWith("|"));
    expect(bigrams("調 査 の\n概 要")).toEqual(bigrams("調査の概要"));
    expect(bigrams("調査の概要")).toHaveLength(4);
  });

  it("lower-cases Latin words", () => {
    expect(tokenize("PDF ファイル")).toContain("pdf");
  });
});
