import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { dropTestSchemas, type TestStorage, testClient, testDatabases } from "@ward/platform/testing";
import { afterAll, describe, expect, it } from "vitest";
import { openTestDesk, seedOrganisation } from "./support/desk.js";

const enc = (s: string) => new TextEncoder().encode(s);
type Desk = Awaited<ReturnType<typeof openTestDesk>>;

async function setUp(t: Desk) {
  const org = await seedOrganisation(t.platform);
  const admin = testClient(t.app);
  await admin.login("admin");
  const res = await admin.form("/folders", { name: "窓口", departmentId: String(org.soumu.id) });
  const folderId = Number(/\/folders\/(\d+)/.exec(res.headers.get("location") ?? "")?.[1]);
  return { admin, folderId };
}

async function upload(
  t: Desk,
  admin: ReturnType<typeof testClient>,
  folderId: number,
  name: string,
  text: string,
) {
  const res = await admin.form(`/folders/${folderId}/documents`, { files: [{ name, data: enc(text) }] });
  expect(res.status).toBe(303);
  await t.queue.idle();
}

const names = async (t: Desk, q: string, folderId: number) =>
  (await t.desk.retrieve(q, { readableFolderIds: [String(folderId)], limit: 5 })).map(
    (hit) => t.desk.documents.get(hit.documentId)?.name,
  );

const { backends } = await testDatabases();
afterAll(dropTestSchemas);

for (const backend of backends) {
  describe.skipIf(backend.skip)(
    `the in-process index's snapshot ${backend.label}`,
    { timeout: 120_000 },
    () => {
      const dir = mkdtempSync(join(tmpdir(), "support-desk-search-"));
      afterAll(() => rmSync(dir, { recursive: true, force: true }));
      const storage: TestStorage =
        backend.name === "pglite" || backend.skip ? { dataDir: join(dir, "db") } : backend.storage();
      const snapshotPath = join(dir, "index.snapshot");
      const search = { kind: "memory" as const, snapshotPath, snapshotDelayMs: 60_000 };

      it("restarts from the snapshot, reloading only the documents changed since it was written", async () => {
        const first = await openTestDesk({ storage, search });
        expect(first.desk.search.kind).toBe("memory");
        const { admin, folderId } = await setUp(first);
        await upload(
          first,
          admin,
          folderId,
          "公印規程.txt",
          "公印の使用は総務課長の承認を受けなければならない。",
        );
        await upload(first, admin, folderId, "旅費規程.txt", "旅費の精算は出張後5日以内に行う。");
        await first.desk.search.flush();
        // After the snapshot: one document deleted, one added; neither reaches the snapshot file.
        const travel = [...first.desk.documents].find(([, d]) => d.name === "旅費規程.txt")?.[0];
        const deleted = await admin.form(`/documents/${travel}/delete`, {});
        expect(deleted.status).toBe(303);
        await upload(
          first,
          admin,
          folderId,
          "庁舎管理.txt",
          "庁舎の開庁時間は午前8時30分から午後5時15分まで。",
        );
        expect(await names(first, "旅費の精算", folderId)).not.toContain("旅費規程.txt");
        await first.platform.close();

        const again = await openTestDesk({ storage, search });
        try {
          expect(await names(again, "公印の使用", folderId)).toContain("公印規程.txt");
          expect(await names(again, "開庁時間", folderId)).toContain("庁舎管理.txt");
          expect(await names(again, "旅費の精算", folderId)).not.toContain("旅費規程.txt");
          const rows = (await again.desk.index.snapshot()).rows;
          const stored = await again.desk.db.selectFrom("support_desk_chunks").select("chunk_id").execute();
          expect(rows.map((r) => r.chunkId).sort()).toEqual(stored.map((r) => r.chunk_id).sort());
        } finally {
          await again.platform.close();
        }
      });

      it("rebuilds from the stored rows when the snapshot is unreadable", async () => {
        writeFileSync(snapshotPath, "not an index");
        const t = await openTestDesk({ storage, search });
        try {
          const folders = [...t.desk.documents.values()].map((d) => String(d.folderId));
          expect(folders.length).toBeGreaterThan(0);
          expect((await t.desk.index.search("公印", { readableFolderIds: folders }))[0]?.text).toContain(
            "総務課長",
          );
        } finally {
          await t.platform.close();
        }
      });
    },
  );
}

const postgres = backends.find((b) => b.name === "postgres");
describe.skipIf(postgres === undefined || postgres.skip)(
  "the database index shared by two instances",
  { timeout: 120_000 },
  () => {
    it("finds through instance B a document ingested through instance A, and forgets it on deletion", async () => {
      const storage = (postgres as (typeof backends)[number]).storage();
      const a = await openTestDesk({ storage });
      const b = await openTestDesk({ storage });
      try {
        expect(a.desk.search.kind).toBe("database");
        const { admin, folderId } = await setUp(a);
        await upload(
          a,
          admin,
          folderId,
          "公印規程.txt",
          "公印の使用は総務課長の承認を受けなければならない。",
        );
        const hits = await b.desk.index.search("公印の使用", { readableFolderIds: [String(folderId)] });
        expect(hits[0]?.text).toContain("総務課長の承認");
        const documentId = hits[0]?.documentId;
        const deleted = await admin.form(`/documents/${documentId}/delete`, {});
        expect(deleted.status).toBe(303);
        expect(await b.desk.index.search("公印の使用", { readableFolderIds: [String(folderId)] })).toEqual(
          [],
        );
      } finally {
        await a.platform.close();
        await b.platform.close();
      }
    });
  },
);
