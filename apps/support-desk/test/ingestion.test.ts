import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  dropTestSchemas,
  type TestClient,
  type TestStorage,
  testClient,
  testDatabases,
} from "@ward/platform/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareDocument } from "../src/storage/prepare-document.js";
import { openTestDesk, seedOrganisation } from "./support/desk.js";

const enc = (s: string) => new TextEncoder().encode(s);
type Desk = Awaited<ReturnType<typeof openTestDesk>>;

async function setUp(t: Desk) {
  const org = await seedOrganisation(t.platform);
  const admin = testClient(t.app);
  await admin.login("admin");
  const res = await admin.form("/folders", { name: "窓口", departmentId: String(org.soumu.id) });
  const folderId = Number(/\/folders\/(\d+)/.exec(res.headers.get("location") ?? "")?.[1]);
  return { org, admin, folderId };
}

async function upload(admin: TestClient, folderId: number, files: Array<{ name: string; data: Uint8Array }>) {
  const res = await admin.form(`/folders/${folderId}/documents`, { files });
  expect(res.status).toBe(303);
  return Number(/\/jobs\/(\d+)/.exec(res.headers.get("location") ?? "")?.[1]);
}

const search = async (t: Desk, q: string, folderId: number) =>
  await t.desk.index.search(q, { readableFolderIds: [String(folderId)], limit: 5 });

const { backends } = await testDatabases();
afterAll(dropTestSchemas);

for (const backend of backends) {
  describe.skipIf(backend.skip)(`ingestion jobs ${backend.label}`, () => {
    let t: Desk;
    let ctx: Awaited<ReturnType<typeof setUp>>;
    beforeAll(async () => {
      t = await openTestDesk({ storage: backend.storage() });
      ctx = await setUp(t);
    });
    afterAll(async () => t?.platform.close());

    it("ingests files in the background with per-file status; a bad file says why in Japanese and spares the rest", async () => {
      const jobId = await upload(ctx.admin, ctx.folderId, [
        { name: "受付案内.txt", data: enc("窓口の受付時間は平日の午前8時30分から午後5時15分までです。") },
        { name: "壊れた.pdf", data: enc("これはPDFではありません") },
        { name: "手数料.csv", data: enc("種類,手数料\n住民票の写し,300円\n印鑑登録証明書,300円\n") },
        { name: "空.txt", data: new Uint8Array() },
      ]);
      await t.queue.idle();
      const page = await ctx.admin.request(`/jobs/${jobId}`);
      const html = await page.text();
      expect(html).toContain("4件中4件を処理しました（2件は失敗）");
      expect(html).toContain("壊れた.pdf: ファイルが破損しているか、拡張子と中身が一致しません");
      expect(html).toContain("空.txt: ファイルが空です");
      const json = (await (
        await ctx.admin.request(`/jobs/${jobId}`, { headers: { accept: "application/json" } })
      ).json()) as {
        status: string;
        files: Array<{ status: string }>;
      };
      expect(json.status).toBe("done");
      expect(json.files.map((f) => f.status)).toEqual(["done", "failed", "done", "failed"]);
      expect((await search(t, "受付時間", ctx.folderId))[0]?.text).toContain("午前8時30分");
      expect((await search(t, "印鑑登録証明書", ctx.folderId))[0]?.locator).toEqual({
        kind: "rows",
        fromRow: 2,
        toRow: 3,
      });
      const docs = await t.desk.db.selectFrom("support_desk_documents").select("name").execute();
      expect(docs.map((d) => d.name).sort()).toEqual(["受付案内.txt", "手数料.csv"]);
      const actions = await t.desk.db.selectFrom("audit_log").select(["action", "result"]).execute();
      expect(actions.filter((a) => a.action === "document.create")).toHaveLength(2);
      expect(actions.filter((a) => a.action === "document.ingest" && a.result === "failure")).toHaveLength(2);
      // Lexical-only is the default: no embeddings server, no vectors, nothing marked as missing them.
      expect(t.desk.dense).toBeUndefined();
      expect(await t.desk.db.selectFrom("support_desk_chunk_vectors").select("chunk_id").execute()).toEqual(
        [],
      );
      expect(await (await ctx.admin.request(`/folders/${ctx.folderId}`)).text()).not.toContain("ベクトル");
    });

    it("keeps originals encrypted in the platform's file store and serves them only through folder rights", async () => {
      const doc = await t.desk.db
        .selectFrom("support_desk_documents as d")
        .innerJoin("support_desk_versions as v", "v.id", "d.current_version_id")
        .select(["d.id", "v.file_id"])
        .where("d.name", "=", "受付案内.txt")
        .executeTakeFirstOrThrow();
      const file = await t.desk.db
        .selectFrom("files")
        .select("ciphertext")
        .where("id", "=", doc.file_id)
        .executeTakeFirstOrThrow();
      expect(Buffer.from(file.ciphertext ?? new Uint8Array()).toString("utf8")).not.toContain("受付時間");
      const lastFileRead = () =>
        t.desk.db
          .selectFrom("audit_log")
          .select(["actor_login", "result", "target_id"])
          .where("action", "=", "file.read")
          .orderBy("seq", "desc")
          .executeTakeFirstOrThrow();
      const original = await ctx.admin.request(`/documents/${doc.id}/file`);
      expect(original.status).toBe(200);
      expect(await original.text()).toContain("受付時間");
      expect(await lastFileRead()).toEqual({
        actor_login: "admin",
        result: "success",
        target_id: doc.file_id,
      });
      const direct = await ctx.admin.request(`/files/${doc.file_id}`);
      expect(direct.status).toBe(200);
      expect(await direct.text()).toContain("受付時間");
      // alice is in the folder's department but holds no grant: the folder rule, not the department, decides.
      const alice = testClient(t.app);
      await alice.login("alice");
      expect((await alice.request(`/documents/${doc.id}/file`)).status).toBe(404);
      expect((await alice.request(`/documents/${doc.id}/view`)).status).toBe(404);
      expect((await alice.request(`/files/${doc.file_id}`)).status).toBe(404);
      expect(await lastFileRead()).toEqual({
        actor_login: "alice",
        result: "denied",
        target_id: doc.file_id,
      });
      await ctx.admin.form(`/folders/${ctx.folderId}/grants`, {
        principal: `user:${ctx.org.alice.id}`,
        right: "read",
      });
      expect((await alice.request(`/files/${doc.file_id}`)).status).toBe(200);
      expect(await lastFileRead()).toEqual({
        actor_login: "alice",
        result: "success",
        target_id: doc.file_id,
      });
      const bob = testClient(t.app);
      await bob.login("bob");
      expect((await bob.request(`/files/${doc.file_id}`)).status).toBe(404);
    });

    it("replaces a document with a new version atomically and re-indexes it", async () => {
      const doc = await t.desk.db
        .selectFrom("support_desk_documents")
        .select("id")
        .where("name", "=", "受付案内.txt")
        .executeTakeFirstOrThrow();
      const res = await ctx.admin.form(`/documents/${doc.id}/replace`, {
        file: [
          {
            name: "受付案内.txt",
            data: enc("窓口の受付時間は令和8年4月から午前9時から午後5時までに変わります。"),
          },
        ],
      });
      expect(res.status).toBe(303);
      await t.queue.idle();
      const hits = await search(t, "受付時間", ctx.folderId);
      expect(hits[0]?.text).toContain("午前9時");
      expect(hits.some((h) => h.text.includes("8時30分"))).toBe(false);
      const versions = await t.desk.db
        .selectFrom("support_desk_versions")
        .select("version")
        .where("document_id", "=", doc.id)
        .execute();
      expect(versions.map((v) => v.version).sort()).toEqual([1, 2]);
      const chunkVersions = await t.desk.db
        .selectFrom("support_desk_chunks")
        .select("version_id")
        .distinct()
        .where("document_id", "=", doc.id)
        .execute();
      expect(chunkVersions).toHaveLength(1);
      expect(await ctx.admin.request(`/folders/${ctx.folderId}`).then((r) => r.text())).toContain("第2版");
    });

    it("refuses an upload without files and a replacement with several", async () => {
      const none = await ctx.admin.form(`/folders/${ctx.folderId}/documents`, {});
      expect(none.status).toBe(422);
      expect(await none.text()).toContain("ファイルを選択してください。");
      const doc = await t.desk.db
        .selectFrom("support_desk_documents")
        .select("id")
        .where("name", "=", "手数料.csv")
        .executeTakeFirstOrThrow();
      const two = await ctx.admin.form(`/documents/${doc.id}/replace`, {
        file: [
          { name: "a.txt", data: enc("一") },
          { name: "b.txt", data: enc("二") },
        ],
      });
      expect(two.status).toBe(422);
    });

    it("deletes a document from storage and the index, audited", async () => {
      const doc = await t.desk.db
        .selectFrom("support_desk_documents")
        .select("id")
        .where("name", "=", "手数料.csv")
        .executeTakeFirstOrThrow();
      expect((await ctx.admin.form(`/documents/${doc.id}/delete`, {})).status).toBe(303);
      expect(await search(t, "印鑑登録証明書", ctx.folderId)).toEqual([]);
      expect(
        await t.desk.db
          .selectFrom("support_desk_chunks")
          .select("chunk_id")
          .where("document_id", "=", doc.id)
          .execute(),
      ).toEqual([]);
      expect((await ctx.admin.request(`/documents/${doc.id}/view`)).status).toBe(404);
      const audit = await t.desk.db
        .selectFrom("audit_log")
        .select("action")
        .where("action", "=", "document.delete")
        .execute();
      expect(audit).toHaveLength(1);
    });

    it("re-chunks a folder's documents when its chunk size changes", async () => {
      const long = Array.from(
        { length: 40 },
        (_, i) => `第${i + 1}項 窓口で申請書を受け付けたときは、受付番号を記録します。`,
      ).join("\n");
      await upload(ctx.admin, ctx.folderId, [{ name: "長文.txt", data: enc(long) }]);
      await t.queue.idle();
      const count = async () =>
        (await t.desk.db.selectFrom("support_desk_chunks").select("chunk_id").execute()).length;
      const before = await count();
      const res = await ctx.admin.form(`/folders/${ctx.folderId}/settings`, {
        chunkSize: "200",
        chunkOverlap: "20",
        topK: "3",
      });
      expect(res.headers.get("location")).toMatch(/^\/jobs\/\d+$/);
      await t.queue.idle();
      expect(await count()).toBeGreaterThan(before);
      expect((await t.desk.index.snapshot()).rows.length).toBe(await count());
    });
  });

  describe.skipIf(backend.skip)(`crash safety and restart ${backend.label}`, () => {
    const dir = mkdtempSync(join(tmpdir(), "support-desk-"));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    // The same storage is opened twice: a PGlite data dir, or one PostgreSQL schema.
    const storage: TestStorage =
      backend.name === "pglite" || backend.skip ? { dataDir: dir } : backend.storage();

    it("leaves no half-indexed document when a parser throws mid-way, or the commit fails, and rebuilds the index on restart", async () => {
      let failOn: string | undefined;
      let failInCommit: string | undefined;
      const t = await openTestDesk({
        storage,
        prepare: async (input, policy) => {
          const prepared = await prepareDocument(input, policy);
          if (input.fileName === failOn) throw new Error("parser crashed after chunking half the file");
          return prepared;
        },
        beforeCommit: (fileName) => {
          if (fileName === failInCommit) throw new Error("power cut before commit");
        },
      });
      const { admin, folderId } = await setUp(t);
      failOn = "途中で落ちる.txt";
      const first = await upload(admin, folderId, [
        { name: "規程.txt", data: enc("公印の使用は総務課長の承認を受けなければならない。") },
        { name: "途中で落ちる.txt", data: enc("この文書の公印規定は索引に入ってはならない。") },
      ]);
      await t.queue.idle();
      const job = (await (
        await admin.request(`/jobs/${first}`, { headers: { accept: "application/json" } })
      ).json()) as {
        files: Array<{ status: string; errorJa: string | null }>;
      };
      expect(job.files.map((f) => f.status)).toEqual(["done", "failed"]);
      expect(job.files[1]?.errorJa).toBe(
        "途中で落ちる.txt: 取り込み中にエラーが発生しました。ファイルを確認して登録し直してください",
      );
      expect((await search(t, "索引に入ってはならない", folderId)).map((h) => h.text)).not.toContainEqual(
        expect.stringContaining("索引"),
      );
      expect(await t.desk.db.selectFrom("support_desk_documents").select("name").execute()).toEqual([
        { name: "規程.txt" },
      ]);

      // A failure inside the version-swap transaction keeps version 1 in storage and in the index.
      const doc = await t.desk.db.selectFrom("support_desk_documents").select("id").executeTakeFirstOrThrow();
      failInCommit = "規程.txt";
      await admin.form(`/documents/${doc.id}/replace`, {
        file: [{ name: "規程.txt", data: enc("公印は廃止する。") }],
      });
      await t.queue.idle();
      expect((await search(t, "公印", folderId))[0]?.text).toContain("総務課長の承認");
      expect(await t.desk.db.selectFrom("support_desk_versions").select("version").execute()).toEqual([
        { version: 1 },
      ]);
      const rowsBefore = (await t.desk.index.snapshot()).rows.map((r) => r.chunkId).sort();
      await t.platform.close();

      // Restart: the index is rebuilt from chunk rows, with the same chunks and answers.
      const again = await openTestDesk({ storage });
      try {
        expect((await again.desk.index.snapshot()).rows.map((r) => r.chunkId).sort()).toEqual(rowsBefore);
        expect((await search(again, "公印", folderId))[0]?.text).toContain("総務課長の承認");
        expect(again.desk.documents.get(doc.id)?.name).toBe("規程.txt");
      } finally {
        await again.platform.close();
      }
    });
  });
}
