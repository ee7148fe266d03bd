import { createBm25Index } from "../bm25-index.js";
import type { IndexedChunk, SearchHit } from "../indexed-chunk.js";
import { SearchError } from "../search-error.js";
import type { SearchIndex } from "../search-index.js";

/** One behaviour every {@link SearchIndex} must have; `run` throws when the index lacks it. */
export interface SearchIndexContractCase {
  readonly name: string;
  run(index: SearchIndex): Promise<void>;
}

class ContractViolation extends Error {
  override readonly name = "ContractViolation";
}

function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new ContractViolation(`@ward/search-ja contract: ${message}`);
}

const chunk = (
  chunkId: string,
  documentId: string,
  folderId: string,
  text: string,
  ordinal = 0,
): IndexedChunk => ({
  chunkId,
  documentId,
  folderId,
  ordinal,
  text,
  locator: { kind: "page", page: ordinal + 1 },
});

const corpus: readonly IndexedChunk[] = [
  chunk("a1", "a", "総務課", "住民票の写しの交付は区民事務所の窓口で受け付けます。", 0),
  chunk("a2", "a", "総務課", "窓口の受付時間は平日の午前8時30分から午後5時までです。", 1),
  chunk("b1", "b", "総務課", "印鑑登録証明書はマイナンバーカードでコンビニ交付もできます。"),
  chunk("c1", "c", "保育課", "保育園の入園申込は毎月10日までに保育課へ提出してください。"),
  chunk("c2", "c", "保育課", "入園の内定通知は申込の翌月に送付します。保育料は所得で決まります。", 1),
  chunk("d1", "d", "税務課", "住民税の納付書を紛失したときは税務課へ再発行を申し込みます。"),
];

const queries = [
  "住民票の交付窓口",
  "保育園の入園申込",
  "住民税 納付書",
  "窓口の受付時間",
  "マイナンバーカード",
];

const ids = (hits: readonly SearchHit[]): string[] => hits.map((hit) => hit.chunkId);

async function expectSearchError(action: () => unknown, code: SearchError["code"]): Promise<void> {
  try {
    await action();
  } catch (error) {
    check(
      error instanceof SearchError && error.code === code,
      `expected SearchError ${code}, got ${String(error)}`,
    );
    return;
  }
  check(false, `expected SearchError ${code}, nothing was thrown`);
}

async function sameAsReference(index: SearchIndex, folders: readonly string[]): Promise<void> {
  const reference = createBm25Index();
  reference.add((await index.snapshot()).rows.map(({ terms: _terms, ...rest }) => rest));
  for (const query of queries) {
    const expected = reference.search(query, { readableFolderIds: folders, limit: 5 });
    const actual = await index.search(query, { readableFolderIds: folders, limit: 5 });
    check(
      ids(actual).join() === ids(expected).join(),
      `"${query}": ranking ${ids(actual).join()} differs from in-process BM25 ${ids(expected).join()}`,
    );
    actual.forEach((hit, i) => {
      const score = expected[i]?.score ?? Number.NaN;
      check(
        Math.abs(hit.score - score) < 1e-6 * Math.max(1, score),
        `"${query}": score ${hit.score} ≠ ${score}`,
      );
    });
  }
}

/**
 * The behaviours every {@link SearchIndex} implementation must share, as cases to run against a
 * fresh empty index each (one test per case in any runner). Throws plain errors; needs no test
 * framework.
 *
 * @example
 * for (const contractCase of searchIndexContract) {
 *   it(contractCase.name, async () => contractCase.run(await createEmptyIndex()));
 * }
 */
export const searchIndexContract: readonly SearchIndexContractCase[] = [
  {
    name: "ranks chunks with the query's words first, with the same ranking and scores as in-process BM25",
    async run(index) {
      await index.add(corpus);
      const hits = await index.search("保育園の入園申込", { readableFolderIds: ["保育課"], limit: 2 });
      check(hits[0]?.chunkId === "c1", `expected c1 first, got ${ids(hits).join()}`);
      check(hits.length === 2, `limit 2 returned ${hits.length}`);
      check((hits[0]?.score ?? 0) >= (hits[1]?.score ?? 0), "hits are not best first");
      check(hits[0]?.text === corpus[3]?.text, "a hit does not carry its chunk's text");
      check(hits[0]?.locator.kind === "page", "a hit does not carry its chunk's locator");
      await sameAsReference(index, ["総務課", "保育課", "税務課"]);
      await sameAsReference(index, ["総務課"]);
    },
  },
  {
    name: "never returns chunks of unreadable folders, and their content does not change readable scores",
    async run(index) {
      await index.add(corpus.filter((c) => c.folderId === "総務課"));
      const before = await index.search("住民票の交付窓口", { readableFolderIds: ["総務課"] });
      await index.add(corpus.filter((c) => c.folderId !== "総務課"));
      const after = await index.search("住民票の交付窓口", { readableFolderIds: new Set(["総務課"]) });
      check(ids(after).join() === ids(before).join(), "unreadable chunks changed the ranking");
      after.forEach((hit, i) => {
        check(
          Math.abs(hit.score - (before[i]?.score ?? Number.NaN)) < 1e-9,
          "unreadable chunks changed a score",
        );
      });
      const tax = await index.search("住民税 納付書", { readableFolderIds: ["保育課"] });
      check(
        tax.every((hit) => hit.folderId === "保育課"),
        "a chunk of an unreadable folder was returned",
      );
      check(
        (await index.search("住民票", { readableFolderIds: [] })).length === 0,
        "no readable folder, yet hits",
      );
      check(
        (await index.search("住民票", { readableFolderIds: ["存在しない課"] })).length === 0,
        "unknown folder hits",
      );
      check(
        (await index.search("", { readableFolderIds: ["総務課"] })).length === 0,
        "an empty query has hits",
      );
    },
  },
  {
    name: "replaces a document's chunks in one step and removes documents",
    async run(index) {
      await index.add(corpus);
      await index.replaceDocument("a", [
        chunk("a9", "a", "総務課", "戸籍謄本の請求は本籍地の区役所で行います。"),
      ]);
      const old = await index.search("住民票の写しの交付", { readableFolderIds: ["総務課"] });
      check(!ids(old).some((id) => id === "a1" || id === "a2"), "the replaced version is still found");
      const fresh = await index.search("戸籍謄本", { readableFolderIds: ["総務課"] });
      check(fresh[0]?.chunkId === "a9", "the new version is not found");
      check((await index.removeDocument("c")) === 2, "removeDocument did not count 2 chunks");
      check((await index.removeDocument("c")) === 0, "removing twice removed something");
      check(
        (await index.search("入園申込", { readableFolderIds: ["保育課"] })).length === 0,
        "removed chunks found",
      );
      await index.replaceDocument("e", [chunk("e1", "e", "保育課", "一時保育の予約は前日までです。")]);
      check(
        (await index.search("一時保育", { readableFolderIds: ["保育課"] }))[0]?.chunkId === "e1",
        "new doc",
      );
      await sameAsReference(index, ["総務課", "保育課", "税務課"]);
    },
  },
  {
    name: "rejects duplicate and foreign chunks without changing anything",
    async run(index) {
      await index.add(corpus);
      const before = await index.snapshot();
      await expectSearchError(
        () => index.add([chunk("z1", "z", "総務課", "新しい文書"), chunk("a1", "z", "総務課", "重複")]),
        "DUPLICATE_CHUNK",
      );
      await expectSearchError(
        () => index.replaceDocument("a", [chunk("b1", "a", "総務課", "他の文書のチャンク")]),
        "FOREIGN_CHUNK",
      );
      await expectSearchError(
        () => index.replaceDocument("a", [chunk("a7", "b", "総務課", "文書IDが違う")]),
        "FOREIGN_CHUNK",
      );
      const after = await index.snapshot();
      const key = (rows: typeof before.rows) =>
        rows
          .map((row) => `${row.chunkId}:${row.terms}`)
          .sort()
          .join("\n");
      check(key(after.rows) === key(before.rows), "a rejected change left chunks behind");
      check(
        (await index.search("新しい文書", { readableFolderIds: ["総務課"] })).every(
          (h) => h.chunkId !== "z1",
        ),
        "z1",
      );
    },
  },
  {
    name: "snapshots every chunk with its terms",
    async run(index) {
      await index.add(corpus);
      await index.removeDocument("d");
      const snapshot = await index.snapshot();
      check(snapshot.format === "ward-bm25@1", "snapshot format");
      check(
        snapshot.rows
          .map((row) => row.chunkId)
          .sort()
          .join() === "a1,a2,b1,c1,c2",
        `snapshot rows ${snapshot.rows.map((row) => row.chunkId).join()}`,
      );
      const reference = createBm25Index();
      reference.add(corpus.filter((c) => c.documentId !== "d"));
      const expected = new Map(reference.rows().map((row) => [row.chunkId, row.terms]));
      for (const row of snapshot.rows) {
        const terms = (text: string) => text.split(" ").sort().join(" ");
        check(terms(row.terms) === terms(expected.get(row.chunkId) ?? ""), `terms of ${row.chunkId}`);
      }
    },
  },
];
