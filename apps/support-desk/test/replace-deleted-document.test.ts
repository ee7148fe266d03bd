import { dropTestSchemas, testClient, testDatabases } from "@ward/platform/testing";
import { afterAll, describe, expect, it } from "vitest";
import { prepareDocument } from "../src/storage/prepare-document.js";
import { openTestDesk, seedOrganisation } from "./support/desk.js";

const enc = (s: string) => new TextEncoder().encode(s);
const { backends } = await testDatabases();
afterAll(dropTestSchemas);

for (const backend of backends) {
  describe.skipIf(backend.skip)(`replacing a document deleted meanwhile ${backend.label}`, () => {
    it("fails the file with the reason in Japanese (told by the error code, not by its text) and keeps it deleted", async () => {
      let onPrepare: (() => Promise<void>) | undefined;
      const t = await openTestDesk({
        storage: backend.storage(),
        prepare: async (input, policy) => {
          const prepared = await prepareDocument(input, policy);
          await onPrepare?.();
          return prepared;
        },
      });
      try {
        const org = await seedOrganisation(t.platform);
        const admin = testClient(t.app);
        await admin.login("admin");
        const folder = await admin.form("/folders", { name: "窓口", departmentId: String(org.soumu.id) });
        const folderId = Number(/\/folders\/(\d+)/.exec(folder.headers.get("location") ?? "")?.[1]);
        await admin.form(`/folders/${folderId}/documents`, {
          files: [{ name: "規程.txt", data: enc("公印の使用は総務課長の承認を受けなければならない。") }],
        });
        await t.queue.idle();
        const doc = await t.desk.db
          .selectFrom("support_desk_documents")
          .select("id")
          .executeTakeFirstOrThrow();

        // The clerk deletes the document while its replacement is being parsed.
        onPrepare = async () => {
          onPrepare = undefined;
          expect((await admin.form(`/documents/${doc.id}/delete`, {})).status).toBe(303);
        };
        const replaced = await admin.form(`/documents/${doc.id}/replace`, {
          file: [{ name: "規程.txt", data: enc("公印は廃止する。") }],
        });
        const jobId = Number(/\/jobs\/(\d+)/.exec(replaced.headers.get("location") ?? "")?.[1]);
        await t.queue.idle();
        const job = (await (
          await admin.request(`/jobs/${jobId}`, { headers: { accept: "application/json" } })
        ).json()) as { files: Array<{ status: string; errorJa: string | null }> };
        expect(job.files).toEqual([
          expect.objectContaining({
            status: "failed",
            errorJa: "規程.txt: 差し替え先の文書は削除されています",
          }),
        ]);
        expect(
          await t.desk.index.search("公印", { readableFolderIds: [String(folderId)], limit: 5 }),
        ).toEqual([]);
      } finally {
        await t.platform.close();
      }
    });
  });
}
