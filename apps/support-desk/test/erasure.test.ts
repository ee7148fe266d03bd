import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { promisify } from "node:util";
import { reclaimErasedSpace } from "@ward/platform";
import {
  dropTestSchemas,
  ensureWalRecycleOff,
  postgresDataDirectory,
  scanFilesFor,
  TEST_DATABASE_URL,
  tempDir,
  testClient,
  testDatabases,
} from "@ward/platform/testing";
import { afterAll, describe, expect, it } from "vitest";
import { ERASED_EXCERPT } from "../src/domain/index.js";
import { openTestDesk, seedOrganisation } from "./support/desk.js";

const { backends } = await testDatabases();
afterAll(dropTestSchemas);
const run = promisify(execFile);

/**
 * Ingests a document carrying a unique canary, has alice ask a question whose answer quotes it,
 * and checks the canary is really stored (so a scan that finds nothing later means something).
 */
async function plantCanary(t: Awaited<ReturnType<typeof openTestDesk>>) {
  const canary = `CANARY-${randomUUID()}`;
  const org = await seedOrganisation(t.platform);
  const admin = testClient(t.app);
  await admin.login("admin");
  const created = await admin.form("/folders", { name: "窓口", departmentId: String(org.soumu.id) });
  const folderId = Number(/\/folders\/(\d+)/.exec(created.headers.get("location") ?? "")?.[1]);
  await admin.form(`/folders/${folderId}/grants`, { principal: `user:${org.alice.id}`, right: "read" });
  const body = `# 窓口の手引き\n\n窓口の受付時間は8時30分から17時15分までです。\n\n## 合言葉\n\n窓口の合言葉は ${canary} です。他の人に教えないでください。\n`;
  await admin.form(`/folders/${folderId}/documents`, {
    files: [
      { name: "窓口の手引き.md", data: new TextEncoder().encode(body) },
      {
        name: "別の資料.md",
        data: new TextEncoder().encode("# 別の資料\n\n窓口の受付時間は平日のみです。\n"),
      },
    ],
  });
  await t.queue.idle();
  const { id: documentId } = await t.desk.db
    .selectFrom("support_desk_documents")
    .select("id")
    .where("name", "=", "窓口の手引き.md")
    .executeTakeFirstOrThrow();
  const alice = testClient(t.app);
  await alice.login("alice");
  const asked = await alice.form("/chat/ask", { question: "窓口の合言葉は何ですか" });
  const threadId = Number(/\/chat\/(\d+)/.exec(asked.headers.get("location") ?? "")?.[1]);
  const thread = await (await alice.request(`/api/chat/threads/${threadId}`)).text();
  expect(thread).toContain(canary);
  expect(thread).toContain(documentId);
  return { canary, admin, alice, folderId, documentId, threadId };
}

type Planted = Awaited<ReturnType<typeof plantCanary>>;

/** Deletes or erases the document through the folder screen's forms. */
async function remove(planted: Planted, how: "delete" | "erase") {
  const res =
    how === "delete"
      ? await planted.admin.form(`/documents/${planted.documentId}/delete`, {})
      : await planted.admin.form(`/documents/${planted.documentId}/erase`, { reason: "保存期間満了" });
  expect(res.status).toBe(303);
}

/** What must hold in the database and the app after removal, whatever the engine. */
async function expectNoLogicalCopy(t: Awaited<ReturnType<typeof openTestDesk>>, planted: Planted) {
  const thread = (await (await planted.alice.request(`/api/chat/threads/${planted.threadId}`)).json()) as {
    messages: Array<{ role: string; content: string }>;
  };
  expect(JSON.stringify(thread)).not.toContain(planted.canary);
  expect(thread.messages.map((m) => m.role)).toEqual(["user", "assistant"]);
  expect(thread.messages[0]?.content).toBe("窓口の合言葉は何ですか");
  expect(thread.messages[1]?.content).toContain(ERASED_EXCERPT);
  const hits = await t.desk.retrieve(planted.canary, {
    readableFolderIds: [String(planted.folderId)],
    limit: 5,
  });
  expect(hits.filter((h) => h.documentId === planted.documentId)).toEqual([]);
  const audit = await t.platform.db.selectFrom("audit_log").selectAll().execute();
  expect(JSON.stringify(audit)).not.toContain(planted.canary);
}

for (const how of ["delete", "erase"] as const) {
  describe(`${how} on PGlite leaves no copy of the document's text in the data directory`, () => {
    it("finds the canary before and not in any file after (heap, TOAST, indexes, WAL)", {
      timeout: 120_000,
    }, async () => {
      const dir = tempDir("ward-desk-erase-");
      try {
        const t = await openTestDesk({ storage: { dataDir: dir.path } });
        const planted = await plantCanary(t);
        await reclaimErasedSpace(t.platform, []); // checkpoint: the text is in the data files now
        expect((await scanFilesFor(dir.path, planted.canary)).hits.length).toBeGreaterThan(0);
        await remove(planted, how);
        await expectNoLogicalCopy(t, planted);
        if (how === "erase") {
          const erasures = await t.platform.db.selectFrom("file_erasures").selectAll().execute();
          expect(erasures).toHaveLength(1);
          expect(JSON.stringify(erasures)).not.toContain(planted.canary);
        }
        await t.platform.close();
        const scan = await scanFilesFor(dir.path, planted.canary);
        expect(scan.scanned).toBeGreaterThan(100);
        expect(scan.unreadable).toEqual([]);
        expect(scan.hits).toEqual([]);
      } finally {
        dir.remove();
      }
    });
  });
}

const postgres = backends.find((b) => b.name === "postgres");
for (const how of ["delete", "erase"] as const) {
  describe.skipIf(postgres?.skip !== false)(`${how} on PostgreSQL leaves no copy of the text`, () => {
    it("has no canary in a pg_dump of the schema nor in the cluster's data files (WAL included)", {
      timeout: 120_000,
    }, async () => {
      expect(await ensureWalRecycleOff(TEST_DATABASE_URL)).toBe("off");
      const storage = (postgres as NonNullable<typeof postgres>).storage();
      const t = await openTestDesk({ storage });
      try {
        const planted = await plantCanary(t);
        const dataDir = await postgresDataDirectory(TEST_DATABASE_URL);
        // Running as the cluster's owner or root here; elsewhere the data files cannot be read.
        expect(dataDir).toBeDefined();
        await reclaimErasedSpace(t.platform, []);
        expect((await scanFilesFor(dataDir ?? "", planted.canary)).hits.length).toBeGreaterThan(0);
        await remove(planted, how);
        await expectNoLogicalCopy(t, planted);
        const schema = "schema" in storage ? storage.schema : "";
        const dump = await run("pg_dump", ["--schema", schema, TEST_DATABASE_URL], {
          maxBuffer: 256 * 1024 * 1024,
        });
        expect(dump.stdout).toContain("support_desk_messages");
        expect(dump.stdout).not.toContain(planted.canary);
        const scan = await scanFilesFor(dataDir ?? "", planted.canary);
        expect(scan.scanned).toBeGreaterThan(100);
        expect(scan.hits).toEqual([]);
      } finally {
        await t.platform.close();
      }
    });
  });
}

describe("erasure from the folder screen", () => {
  it("erases a deleted document's originals, asks for a reason, and refuses readers", async () => {
    const t = await openTestDesk();
    try {
      const planted = await plantCanary(t);
      await remove(planted, "delete");
      const folderPage = async () => (await planted.admin.request(`/folders/${planted.folderId}`)).text();
      expect(await folderPage()).toContain("削除済みの文書");
      expect(await folderPage()).toContain(`action="/documents/${planted.documentId}/erase"`);

      const reader = await planted.alice.form(`/documents/${planted.documentId}/erase`, { reason: "不要" });
      expect(reader.status).toBe(403);
      const blank = await planted.admin.form(`/documents/${planted.documentId}/erase`, { reason: " " });
      expect(blank.status).toBe(422);
      expect(await blank.text()).toContain("消去の理由を200文字以内で入力してください");
      expect(await t.platform.db.selectFrom("file_erasures").selectAll().execute()).toEqual([]);

      const erased = await planted.admin.form(`/documents/${planted.documentId}/erase`, {
        reason: "保存期間満了",
      });
      expect(erased.headers.get("location")).toBe(`/folders/${planted.folderId}?erased=1`);
      const page = await (await planted.admin.request(erased.headers.get("location") ?? "")).text();
      expect(page).toContain("文書を完全に消去しました");
      expect(page).not.toContain(`action="/documents/${planted.documentId}/erase"`);
      const [record] = await t.platform.db.selectFrom("file_erasures").selectAll().execute();
      expect(record).toMatchObject({
        file_name: "窓口の手引き.md",
        reason: "保存期間満了",
        erased_by_login: "admin",
      });
      const audit = await t.platform.db
        .selectFrom("audit_log")
        .select(["action", "detail"])
        .where("action", "in", ["document.delete", "document.erase", "file.erase"])
        .orderBy("seq")
        .execute();
      expect(audit.map((a) => a.action)).toEqual(["document.delete", "file.erase", "document.erase"]);
      expect(JSON.stringify(audit)).not.toContain(planted.canary);
    } finally {
      await t.platform.close();
    }
  });
});
