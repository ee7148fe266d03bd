import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { JobTables } from "@ward/platform";
import { dropTestSchemas, type TestStorage, testClient, testDatabases } from "@ward/platform/testing";
import type { Kysely } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { openTestDesk, seedOrganisation } from "./support/desk.js";
import { buildPageBombPdf } from "./support/hostile-pdf.js";

type Desk = Awaited<ReturnType<typeof openTestDesk>>;
const enc = (s: string) => new TextEncoder().encode(s);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function adminOn(t: Desk, seed = true) {
  if (seed) await seedOrganisation(t.platform);
  const admin = testClient(t.app);
  await admin.login("admin");
  return admin;
}

async function makeFolder(t: Desk, admin: ReturnType<typeof testClient>) {
  const soumu = await t.platform.db
    .selectFrom("departments")
    .select("id")
    .where("code", "=", "soumu")
    .executeTakeFirstOrThrow();
  const res = await admin.form("/folders", { name: "窓口", departmentId: String(soumu.id) });
  return Number(/\/folders\/(\d+)/.exec(res.headers.get("location") ?? "")?.[1]);
}

async function upload(
  admin: ReturnType<typeof testClient>,
  folderId: number,
  name: string,
  data: Uint8Array,
) {
  const res = await admin.form(`/folders/${folderId}/documents`, { files: [{ name, data }] });
  expect(res.status).toBe(303);
  return Number(/\/jobs\/(\d+)/.exec(res.headers.get("location") ?? "")?.[1]);
}

async function jobJson(admin: ReturnType<typeof testClient>, jobId: number) {
  const res = await admin.request(`/jobs/${jobId}`, { headers: { accept: "application/json" } });
  return (await res.json()) as {
    status: string;
    files: Array<{ status: string; errorJa: string | null }>;
  };
}

// Each test opens PGlite (or reopens it) several times and waits for worker threads: minutes on a busy machine.
const SLOW = 240_000;
const { backends } = await testDatabases();
afterAll(dropTestSchemas);

describe("hostile uploads and attachments on PGlite", () => {
  it(
    "refuses a PDF whose page tree lists one page 300,000 times, and keeps ingesting",
    async () => {
      const t = await openTestDesk();
      try {
        const admin = await adminOn(t);
        const folderId = await makeFolder(t, admin);
        const bomb = buildPageBombPdf(300_000, 2_000);
        expect(bomb.byteLength).toBeGreaterThan(1_800_000);
        const jobId = await upload(admin, folderId, "爆弾.pdf", bomb);
        await upload(admin, folderId, "案内.txt", enc("窓口の受付時間は午前8時30分からです。"));
        await t.queue.idle();
        const job = await jobJson(admin, jobId);
        expect(job.files[0]?.status).toBe("failed");
        expect(job.files[0]?.errorJa).toBe(
          "爆弾.pdf: ページ数が上限を超えているため読み取れません。ファイルを分割して登録してください",
        );
        expect(
          await t.desk.index.search("受付時間", { readableFolderIds: [String(folderId)], limit: 1 }),
        ).toHaveLength(1);
        // Refused by the page-reference check: no worker had to be stopped.
        expect(t.workers.stats().ingestion.terminated).toBe(0);
      } finally {
        await t.platform.close();
      }
    },
    SLOW,
  );

  it(
    "reads chat attachments in a worker with a size cap and a page cap; a bad threadId or a CR/LF file name is a 400",
    async () => {
      const t = await openTestDesk({ attachmentMaxBytes: 64 * 1024 });
      try {
        const admin = await adminOn(t);
        const viewer = testClient(t.app);
        await viewer.login("viewer");
        const res = await viewer.form("/chat/ask", {
          question: "添付の内容は？",
          attachments: [
            { name: "爆弾.pdf", data: buildPageBombPdf(300_000, 2_000).subarray(0, 60_000) },
            { name: "大きい.txt", data: new Uint8Array(65 * 1024).fill(0x41) },
            { name: "多い.pdf", data: buildPageBombPdf(60) },
            { name: "メモ.txt", data: enc("会議は3日です。") },
          ],
        });
        expect(res.status).toBe(303);
        const page = await (await viewer.request(res.headers.get("location") ?? "")).text();
        expect(page).toContain("大きい.txt: 0.063MBを超えるため、回答に使われていません。");
        expect(page).toContain("多い.pdf: ページ数が上限を超えているため読み取れません。");
        expect(t.workers.stats().attachments.completed).toBeGreaterThanOrEqual(3);

        expect((await admin.form("/chat/ask", { question: "質問", threadId: "abc" })).status).toBe(400);
        expect((await admin.form("/chat/ask", { question: "質問", folderId: "1e3" })).status).toBe(400);
        const boundary = "wardBoundary";
        const multipart = (disposition: string) =>
          [
            `--${boundary}`,
            'Content-Disposition: form-data; name="_csrf"',
            "",
            admin.csrf,
            `--${boundary}`,
            'Content-Disposition: form-data; name="question"',
            "",
            "質問",
            `--${boundary}`,
            `Content-Disposition: form-data; name="attachments"; ${disposition}`,
            "Content-Type: text/plain",
            "",
            "hello",
            `--${boundary}--`,
            "",
          ].join("\r\n");
        for (const disposition of ['filename="a\r\nb.txt"', "filename*=UTF-8''a%0D%0Ab.txt"]) {
          const sent = await admin.request("/chat/ask", {
            method: "POST",
            headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
            body: multipart(disposition),
          });
          expect(sent.status).toBe(400);
        }
      } finally {
        await t.platform.close();
      }
    },
    SLOW,
  );

  it(
    "keeps /health answering while a hostile PDF is parsed, stops the worker at its deadline, and fails the file after 3 attempts",
    async () => {
      // The page cap is lifted so only the worker's deadline can stop the parse.
      const t = await openTestDesk({ workers: { maxPages: 10_000_000, ingestTimeoutMs: 2_500 } });
      try {
        const admin = await adminOn(t);
        const folderId = await makeFolder(t, admin);
        const jobId = await upload(admin, folderId, "遅い.pdf", buildPageBombPdf(300_000));
        const running = async () => (await jobJson(admin, jobId)).files[0]?.status === "running";
        while (!(await running())) await sleep(20);
        const timings: number[] = [];
        for (let i = 0; i < 5; i += 1) {
          const started = performance.now();
          const health = await t.app.request("http://localhost/health");
          timings.push(performance.now() - started);
          expect(health.status).toBe(200);
        }
        expect(await running()).toBe(true);
        expect(Math.max(...timings)).toBeLessThan(1_000);
        await t.queue.idle();
        const job = await jobJson(admin, jobId);
        expect(job.files[0]?.status).toBe("failed");
        expect(job.files[0]?.errorJa).toBe(
          "遅い.pdf: 処理が制限時間内に終わらなかったため中止しました。ファイルの内容や大きさを確認してください。",
        );
        expect(t.workers.stats().ingestion.terminated).toBe(3);
        const attempts = await t.platform.db
          .selectFrom("audit_log")
          .select("detail")
          .where("action", "=", "document.ingest")
          .executeTakeFirstOrThrow();
        expect(
          typeof attempts.detail === "string" ? attempts.detail : JSON.stringify(attempts.detail),
        ).toContain('"attempts":3');
      } finally {
        await t.platform.close();
      }
    },
    SLOW,
  );
});

for (const backend of backends) {
  describe.skipIf(backend.skip)(`a poisoned file across crashes ${backend.label}`, () => {
    const dir = mkdtempSync(join(tmpdir(), "support-desk-poison-"));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const storage: TestStorage =
      backend.name === "pglite" || backend.skip ? { dataDir: dir } : backend.storage();

    it(
      "is tried at most 3 times when each attempt kills the process, then shows 失敗 with a Japanese reason",
      async () => {
        // `prepare` never returns: the process "dies" (its database is closed under it) mid-file.
        const hang = () => new Promise<never>(() => undefined);
        const jobs = { pollMs: 100, retryDelayMs: 0, leaseMs: 600 };
        let t = await openTestDesk({ storage, prepare: hang, jobs });
        const admin = await adminOn(t);
        const folderId = await makeFolder(t, admin);
        const jobId = await upload(admin, folderId, "毒.docx", enc("not really a docx"));
        const fileStatus = async (desk: Desk) =>
          (await (desk.platform.db as unknown as Kysely<JobTables>)
            .selectFrom("ward_jobs")
            .select(["status", "attempts"])
            .where("queue", "=", "support-desk.ingest")
            .executeTakeFirstOrThrow()) as { status: string; attempts: number };
        for (let attempt = 1; attempt <= 3; attempt += 1) {
          while ((await fileStatus(t)).attempts < attempt) await sleep(50);
          expect(await fileStatus(t)).toEqual({ status: "running", attempts: attempt });
          await t.desk.platform.close(); // kill -9: no clean stop, the claim stays behind
          t = await openTestDesk({ storage, prepare: hang, jobs });
        }
        // The fourth start finds the claim expired with no attempt left.
        while ((await fileStatus(t)).status === "running") await sleep(50);
        try {
          expect(await fileStatus(t)).toEqual({ status: "failed", attempts: 3 });
          const again = await adminOn(t, false);
          const job = await jobJson(again, jobId);
          expect(job.status).toBe("failed");
          expect(job.files[0]?.errorJa).toBe(
            "毒.docx: 処理が3回とも完了しなかった（制限時間の超過または異常終了）ため、中止しました。",
          );
        } finally {
          await t.platform.close();
        }
      },
      SLOW,
    );
  });
}
