import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createBm25Index, loadBm25Index } from "./bm25-index.js";
import type { IndexedChunk } from "./indexed-chunk.js";

const chunk = (
  chunkId: string,
  folderId: string,
  text: string,
  documentId = `doc-${chunkId}`,
): IndexedChunk => ({
  chunkId,
  documentId,
  folderId,
  ordinal: 0,
  text,
  locator: { kind: "page", page: 1 },
});

describe("createBm25Index", () => {
  it("ranks the chunk that shares the most rare terms first", () => {
    const index = createBm25Index();
    index.add([
      chunk("a", "f", "住民票の写しは区民事務所の窓口で交付します。"),
      chunk("b", "f", "戸籍謄本は本庁舎で交付します。"),
      chunk("c", "f", "粗大ごみの収集は申し込みが必要です。"),
    ]);
    const hits = index.search("住民票の写しはどこでもらえますか", { readableFolderIds: ["f"] });
    expect(hits[0]?.chunkId).toBe("a");
    expect(hits[0]?.score).toBeGreaterThan(2 * (hits[1]?.score ?? 0));
  });

  it("never returns a chunk from an unreadable folder, even the one that would rank first", () => {
    const index = createBm25Index();
    index.add([
      chunk("secret", "人事課", "職員の給与額の一覧 給与 給与 給与額"),
      chunk("public", "総務課", "職員の給与は条例で定める。"),
    ]);
    const everyone = index.search("職員の給与額", { readableFolderIds: ["人事課", "総務課"] });
    expect(everyone[0]?.chunkId).toBe("secret");
    const clerk = index.search("職員の給与額", { readableFolderIds: ["総務課"] });
    expect(clerk.map((hit) => hit.chunkId)).toEqual(["public"]);
    expect(index.search("職員の給与額", { readableFolderIds: [] })).toEqual([]);
    expect(index.search("職員の給与額", { readableFolderIds: ["存在しない課"] })).toEqual([]);
  });

  it("scores readable chunks exactly as if unreadable folders did not exist", () => {
    const words = ["窓口", "申請", "住民票", "給与", "納税", "保育", "手当", "受付"];
    const text = fc
      .array(fc.constantFrom(...words), { minLength: 1, maxLength: 8 })
      .map((parts) => parts.join("の"));
    fc.assert(
      fc.property(
        fc.array(text, { minLength: 1, maxLength: 6 }),
        fc.array(text, { maxLength: 6 }),
        fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
        text,
        (readableTexts, hiddenTexts, interleave, query) => {
          const readable = readableTexts.map((t, i) => chunk(`r${i}`, "open", t));
          const hidden = hiddenTexts.map((t, i) => chunk(`h${i}`, "closed", t));
          const alone = createBm25Index();
          alone.add(readable);
          const mixed = createBm25Index();
          const queue = [...readable];
          const others = [...hidden];
          for (const pickHidden of interleave) {
            const next = pickHidden ? others.shift() : queue.shift();
            if (next !== undefined) mixed.add([next]);
          }
          mixed.add([...queue, ...others]);
          const options = { readableFolderIds: ["open"], limit: 20 };
          expect(mixed.search(query, options)).toEqual(alone.search(query, options));
        },
      ),
      { numRuns: 60 },
    );
  });

  it("removes a document's chunks and swaps versions in one step", () => {
    const index = createBm25Index();
    index.add([
      chunk("v1-0", "f", "旧版の手数料は300円です。", "fees"),
      chunk("other", "f", "開庁時間", "hours"),
    ]);
    index.replaceDocument("fees", [chunk("v2-0", "f", "新版の手数料は400円です。", "fees")]);
    expect(index.size).toBe(2);
    expect(index.search("手数料", { readableFolderIds: ["f"] }).map((hit) => hit.chunkId)).toEqual(["v2-0"]);
    expect(index.removeDocument("fees")).toBe(1);
    expect(index.removeDocument("fees")).toBe(0);
    expect(index.search("手数料", { readableFolderIds: ["f"] })).toEqual([]);
    expect(index.size).toBe(1);
  });

  it("refuses a chunk id twice and a replacement chunk of another document", () => {
    const index = createBm25Index();
    index.add([chunk("a", "f", "一")]);
    expect(() => index.add([chunk("a", "f", "二")])).toThrow(/already in the index/);
    expect(() => index.replaceDocument("x", [chunk("a", "f", "三", "doc-a")])).toThrow(/does not belong/);
    expect(index.search("一", { readableFolderIds: ["f"] })).toHaveLength(1);
  });

  it("keeps answering correctly after many removals compact the postings", () => {
    const index = createBm25Index();
    for (let i = 0; i < 3000; i += 1)
      index.add([chunk(`c${i}`, "f", `文書${i % 7}の本文 番号${i}`, `d${i}`)]);
    for (let i = 0; i < 2500; i += 1) index.removeDocument(`d${i}`);
    expect(index.size).toBe(500);
    const hits = index.search("番号2999", { readableFolderIds: ["f"], limit: 1 });
    expect(hits[0]?.chunkId).toBe("c2999");
    index.add([chunk("c5", "f", "番号2999 番号2999", "again")]);
    expect(index.search("番号2999", { readableFolderIds: ["f"], limit: 1 })[0]?.chunkId).toBe("c5");
  });

  it("round-trips through JSON and rows without changing results", () => {
    const index = createBm25Index({ k1: 1.5, b: 0.6 });
    index.add([
      chunk("a", "f", "介護保険の申請窓口"),
      chunk("b", "g", "国民健康保険の窓口"),
      chunk("c", "f", "保険料"),
    ]);
    const copy = loadBm25Index(JSON.parse(JSON.stringify(index)));
    const options = { readableFolderIds: new Set(["f", "g"]) };
    expect(copy.search("保険の窓口", options)).toEqual(index.search("保険の窓口", options));
    const fromRows = createBm25Index({ k1: 1.5, b: 0.6 });
    fromRows.addRows(index.rows());
    expect(fromRows.search("保険の窓口", options)).toEqual(index.search("保険の窓口", options));
  });

  it("rejects a malformed snapshot", () => {
    expect(() =>
      loadBm25Index({ format: "ward-bm25@1", k1: 1.2, b: 0.75, rows: [{ chunkId: "x" }] }),
    ).toThrow();
    expect(() => loadBm25Index({ format: "other", k1: 1.2, b: 0.75, rows: [] })).toThrow();
  });
});
