import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createBm25Index, decodeBm25Index } from "./bm25-index.js";
import type { IndexedChunk } from "./indexed-chunk.js";
import { SearchError } from "./search-error.js";

const chunk = (chunkId: string, documentId: string, folderId: string, text: string): IndexedChunk => ({
  chunkId,
  documentId,
  folderId,
  ordinal: 0,
  text,
  locator: { kind: "sheet", sheet: "名簿", fromRow: 2, toRow: 9 },
});

describe("encode / decodeBm25Index", () => {
  it("round-trips chunks, terms and scores, after removals too", () => {
    const index = createBm25Index({ k1: 1.5, b: 0.5 });
    index.add([
      chunk("a", "d1", "f1", "住民票の写しの交付は窓口で受け付けます"),
      chunk("b", "d2", "f1", "印鑑登録証明書の交付"),
      chunk("c", "d3", "f2", "保育園の入園申込"),
    ]);
    index.removeDocument("d2");
    const copy = decodeBm25Index(index.encode());
    expect(copy.size).toBe(2);
    expect(copy.rows()).toEqual(index.rows());
    expect(copy.chunks().map((c) => c.chunkId)).toEqual(["a", "c"]);
    expect(copy.toJSON().k1).toBe(1.5);
    const query = { readableFolderIds: ["f1", "f2"] };
    expect(copy.search("交付の窓口", query)).toEqual(index.search("交付の窓口", query));
    copy.add([chunk("b", "d2", "f1", "再登録")]);
    expect(copy.search("再登録", query)[0]?.chunkId).toBe("b");
  });

  it("gives the same hits as the encoded index for any texts and query", () => {
    const text = fc.string({ unit: fc.constantFrom(..."住民票交付窓口の保育園申込税 abc"), maxLength: 30 });
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 8 }), text, (texts, query) => {
        const index = createBm25Index();
        index.add(texts.map((t, i) => chunk(`c${i}`, `d${i}`, `f${i % 2}`, t)));
        const copy = decodeBm25Index(index.encode());
        const options = { readableFolderIds: ["f0", "f1"], limit: 5 };
        expect(copy.search(query, options)).toEqual(index.search(query, options));
      }),
    );
  });

  it("encodes an empty index", () => {
    expect(decodeBm25Index(createBm25Index().encode()).size).toBe(0);
  });

  it("rejects bytes that are not an encoded index, truncated or with a wrong version", () => {
    const bytes = createBm25Index().encode();
    const code = (input: Uint8Array) => {
      try {
        decodeBm25Index(input);
        return "none";
      } catch (error) {
        return error instanceof SearchError ? error.code : String(error);
      }
    };
    expect(code(new TextEncoder().encode("not an index at all, really not"))).toBe("INVALID_SNAPSHOT");
    expect(code(bytes.subarray(0, 10))).toBe("INVALID_SNAPSHOT");
    const index = createBm25Index();
    index.add([chunk("a", "d", "f", "住民票")]);
    const full = index.encode();
    expect(code(full.subarray(0, full.length - 2))).toBe("INVALID_SNAPSHOT");
    const wrongVersion = full.slice();
    wrongVersion[8] = 9;
    expect(code(wrongVersion)).toBe("INVALID_SNAPSHOT");
  });
});
