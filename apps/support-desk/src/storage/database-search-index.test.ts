import type { Platform } from "@ward/platform";
import { dropTestSchemas, testDatabases } from "@ward/platform/testing";
import { createBm25Index, type IndexedChunk } from "@ward/search-ja";
import { searchIndexContract } from "@ward/search-ja/contract";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabaseSearchIndex } from "./database-search-index.js";
import { type SupportDeskDb, supportDeskMigrations } from "./schema.js";

const { backends } = await testDatabases();
afterAll(dropTestSchemas);

for (const backend of backends) {
  describe.skipIf(backend.skip)(`the database search index ${backend.label}`, () => {
    let platform: Platform;
    let db: SupportDeskDb;
    beforeAll(async () => {
      platform = await backend.open({ migrations: supportDeskMigrations });
      db = platform.db as unknown as SupportDeskDb;
    });
    afterAll(async () => platform?.close());
    const empty = async () => {
      await sql`truncate support_desk_search_chunks, support_desk_search_terms, support_desk_search_folders`.execute(
        db,
      );
      return createDatabaseSearchIndex(db);
    };

    describe("meets the SearchIndex contract", () => {
      for (const contractCase of searchIndexContract) {
        it(contractCase.name, async () => contractCase.run(await empty()));
      }
    });

    it("keeps statistics equal to a rebuild after replacements and removals", async () => {
      const index = await empty();
      const chunk = (id: string, doc: string, folder: string, text: string): IndexedChunk => ({
        chunkId: id,
        documentId: doc,
        folderId: folder,
        ordinal: 0,
        text,
        locator: { kind: "section", path: [] },
      });
      await index.add([
        chunk("x1", "x", "1", "公印の使用は総務課長の承認"),
        chunk("y1", "y", "2", "公印の管理"),
      ]);
      await index.replaceDocument("x", [chunk("x2", "x", "1", "公印の廃止")]);
      await index.removeDocument("y");
      const folders = await db
        .selectFrom("support_desk_search_folders")
        .selectAll()
        .orderBy("folder_id")
        .execute();
      expect(folders.map((f) => [f.folder_id, Number(f.chunks)])).toEqual([
        ["1", 1],
        ["2", 0],
      ]);
      const live = await db
        .selectFrom("support_desk_search_terms")
        .select(["term", "df"])
        .where("df", ">", 0)
        .execute();
      const reference = createBm25Index();
      reference.add([chunk("x2", "x", "1", "公印の廃止")]);
      const expected = new Set(reference.rows()[0]?.terms.split(" "));
      expect(new Set(live.map((row) => row.term))).toEqual(expected);
    });

    it("rolls its writes back with the caller's transaction", async () => {
      await empty();
      await expect(
        db.transaction().execute(async (trx) => {
          await createDatabaseSearchIndex(trx).add([
            {
              chunkId: "t1",
              documentId: "t",
              folderId: "1",
              ordinal: 0,
              text: "ロールバックされる文",
              locator: { kind: "page", page: 1 },
            },
          ]);
          throw new Error("commit fails");
        }),
      ).rejects.toThrow("commit fails");
      const index = createDatabaseSearchIndex(db);
      expect(await index.search("ロールバック", { readableFolderIds: ["1"] })).toEqual([]);
      expect((await index.snapshot()).rows).toEqual([]);
    });
  });
}
