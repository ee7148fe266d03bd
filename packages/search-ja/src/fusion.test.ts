import { describe, expect, it } from "vitest";
import type { IndexedChunk } from "./indexed-chunk.js";
import { reciprocalRankFusion } from "./reciprocal-rank-fusion.js";
import { createVectorIndex } from "./vector-index.js";

const chunk = (chunkId: string, folderId: string, documentId = chunkId): IndexedChunk => ({
  chunkId,
  documentId,
  folderId,
  ordinal: 0,
  text: chunkId,
  locator: { kind: "page", page: 1 },
});

describe("reciprocalRankFusion", () => {
  it("favours items both rankings agree on and keeps first-seen order on ties", () => {
    const fused = reciprocalRankFusion(
      [
        ["a", "b", "c"],
        ["c", "b", "d"],
      ],
      { key: (id) => id },
    );
    // c: 1/63 + 1/61 edges out b: 1/62 + 1/62; a and d tie at 1/61 and keep first-seen order.
    expect(fused.map((entry) => entry.item)).toEqual(["c", "b", "a", "d"]);
    expect(fused[0]?.score).toBeCloseTo(1 / 63 + 1 / 61, 12);
    expect(reciprocalRankFusion([["x", "y"]], { key: (id) => id, limit: 1 })).toEqual([
      { item: "x", score: 1 / 61 },
    ]);
    expect(reciprocalRankFusion([], { key: (id: string) => id })).toEqual([]);
  });
});

describe("createVectorIndex", () => {
  it("ranks by cosine similarity over readable folders only", () => {
    const vectors = createVectorIndex();
    vectors.add([
      { ...chunk("near", "open"), embedding: [1, 0.1] },
      { ...chunk("far", "open"), embedding: [0, 1] },
      { ...chunk("secret", "closed"), embedding: [1, 0] },
    ]);
    expect(vectors.search([1, 0], { readableFolderIds: ["open"] }).map((hit) => hit.chunkId)).toEqual([
      "near",
      "far",
    ]);
    expect(vectors.search([1, 0], { readableFolderIds: ["open", "closed"], limit: 1 })[0]?.chunkId).toBe(
      "secret",
    );
  });

  it("replaces and removes a document's vectors and checks dimensions", () => {
    const vectors = createVectorIndex();
    vectors.add([{ ...chunk("a", "f", "doc"), embedding: [1, 0, 0] }]);
    vectors.replaceDocument("doc", [
      { ...chunk("b", "f", "doc"), embedding: [0, 1, 0] },
      { ...chunk("c", "f", "doc"), embedding: [0, 0, 1] },
    ]);
    expect(vectors.size).toBe(2);
    expect(vectors.dimensions).toBe(3);
    expect(() => vectors.add([{ ...chunk("d", "f"), embedding: [1, 0] }])).toThrow(
      /2 dimensions, expected 3/,
    );
    expect(() => vectors.search([1, 0], { readableFolderIds: ["f"] })).toThrow(/query has 2 dimensions/);
    expect(vectors.removeDocument("doc")).toBe(2);
    expect(vectors.search([1, 0, 0], { readableFolderIds: ["f"] })).toEqual([]);
  });
});
