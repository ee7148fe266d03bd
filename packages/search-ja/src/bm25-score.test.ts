import { describe, expect, it } from "vitest";
import { bm25Idf, bm25TermScore, countTerms } from "./bm25-score.js";

describe("BM25 scoring helpers", () => {
  it("gives rare terms a higher idf than common ones, never a negative one", () => {
    expect(bm25Idf(1000, 10)).toBeGreaterThan(bm25Idf(1000, 500));
    expect(bm25Idf(10, 10)).toBeGreaterThan(0);
    expect(bm25Idf(1000, 10)).toBeCloseTo(4.557, 3);
  });

  it("saturates with term frequency and favours shorter chunks", () => {
    expect(bm25TermScore(2, 1, 100, 100)).toBeCloseTo(2, 10);
    expect(bm25TermScore(2, 10, 100, 100)).toBeLessThan(2 * 2.2);
    expect(bm25TermScore(2, 1, 50, 100)).toBeGreaterThan(bm25TermScore(2, 1, 200, 100));
    expect(bm25TermScore(2, 1, 200, 100, { b: 0 })).toBeCloseTo(2, 10);
  });

  it("counts repeats in first-seen order", () => {
    expect([...countTerms(["窓口", "|窓口", "窓口"])]).toEqual([
      ["窓口", 2],
      ["|窓口", 1],
    ]);
  });
});
