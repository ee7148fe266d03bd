import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { putFile, SYSTEM } from "@ward/platform";
import { dropTestSchemas, openTestPlatform, type TestStorage, testDatabases } from "@ward/platform/testing";
import { afterAll, describe, expect, it } from "vitest";
import { supportDeskMigrations } from "../src/storage/schema.js";
import { openTestDesk } from "./support/desk.js";

// Each test opens PGlite (or reopens it) several times and waits for worker threads: minutes on a busy machine.
const SLOW = 240_000;
const { backends } = await testDatabases();
afterAll(dropTestSchemas);

for (const backend of backends) {
  describe.skipIf(backend.skip)(`migration 003 to the platform job queue ${backend.label}`, () => {
    const dir = mkdtempSync(join(tmpdir(), "support-desk-migrate-"));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const storage: TestStorage =
      backend.name === "pglite" || backend.skip ? { dataDir: dir } : backend.storage();

    it(
      "turns queued and crash-interrupted files into platform jobs, leaves finished ones, and ingests them",
      async () => {
        // A database as the previous version left it: migrations 001–002, one file of each state.
        const old = await openTestPlatform({
          appName: "support-desk",
          ...storage,
          migrations: { ...supportDeskMigrations, migrations: supportDeskMigrations.migrations.slice(0, 2) },
        });
        const department = await old.db
          .insertInto("departments")
          .values({ code: "soumu", name: "総務課" })
          .returning("id")
          .executeTakeFirstOrThrow();
        // biome-ignore lint/suspicious/noExplicitAny: the desk's tables before migration 003
        const db = old.db as any;
        const folder = await db
          .insertInto("support_desk_folders")
          .values({ name: "窓口", department_id: department.id, created_at: new Date() })
          .returning("id")
          .executeTakeFirstOrThrow();
        const job = await db
          .insertInto("support_desk_jobs")
          .values({ folder_id: folder.id, kind: "upload", status: "running", created_at: new Date() })
          .returning("id")
          .executeTakeFirstOrThrow();
        const states = ["done", "running", "queued"] as const;
        for (const [position, status] of states.entries()) {
          const stored = await putFile(old, SYSTEM, {
            name: `${status}.txt`,
            contentType: "text/plain",
            data: new TextEncoder().encode(`${status}の文書です。窓口の受付時間は午前8時30分からです。`),
            departmentId: department.id,
          });
          await db
            .insertInto("support_desk_job_files")
            .values({ job_id: job.id, position, file_name: stored.name, file_id: stored.id, status })
            .execute();
        }
        await old.close();

        const t = await openTestDesk({ storage });
        try {
          await t.queue.idle();
          const files = await t.desk.db
            .selectFrom("support_desk_job_files")
            .select(["file_name", "status", "queue_job_id"])
            .orderBy("position")
            .execute();
          expect(files.map((f) => [f.file_name, f.status, f.queue_job_id !== null])).toEqual([
            ["done.txt", "done", false],
            ["running.txt", "done", true],
            ["queued.txt", "done", true],
          ]);
          const documents = await t.desk.db.selectFrom("support_desk_documents").select("name").execute();
          expect(documents.map((d) => d.name).sort()).toEqual(["queued.txt", "running.txt"]);
          const jobRow = await t.desk.db
            .selectFrom("support_desk_jobs")
            .select("status")
            .where("id", "=", job.id)
            .executeTakeFirstOrThrow();
          expect(jobRow.status).toBe("done");
        } finally {
          await t.platform.close();
        }
      },
      SLOW,
    );
  });
}
