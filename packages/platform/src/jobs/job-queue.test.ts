import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isPlatformError } from "../errors.js";
import type { Platform } from "../platform.js";
import { dropTestSchemas, testDatabases } from "../testing/index.js";
import {
  type AnyDb,
  claimJobs,
  enqueueJob,
  expireLeases,
  type FailedJob,
  failExhaustedJobs,
  holdJob,
  markJobDone,
} from "./job-queue.js";
import { startJobRunner } from "./job-runner.js";

const { backends } = await testDatabases();
afterAll(dropTestSchemas);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function jobRow(db: AnyDb, id: number) {
  const rows = await sql<{
    status: string;
    attempts: number;
    error_ja: string | null;
  }>`select status, attempts, error_ja from ward_jobs where id = ${id}`.execute(db);
  return rows.rows[0];
}

for (const backend of backends) {
  describe.skipIf(backend.skip)(`durable jobs ${backend.label}`, () => {
    // One database per engine: each test uses its own queue names.
    let platform: Platform | undefined;
    const open = async () => {
      if (!platform) {
        platform = await backend.open();
        await sql`create table effects (job_id integer not null, note text not null)`.execute(platform.db);
      }
      return platform.db as AnyDb;
    };
    beforeAll(async () => void (await open()));
    afterAll(async () => platform?.close());

    it("runs a job once and writes its results in the transaction that completes it", async () => {
      const db = await open();
      const id = await enqueueJob(db, { queue: "test.work", payload: { note: "住民票" } });
      const runner = startJobRunner<{ note: string }>(db, {
        queue: "test.work",
        pollMs: 0,
        handler: async (job, { complete }) => {
          await complete((trx) =>
            sql`insert into effects values (${job.id}, ${job.payload.note})`.execute(trx),
          );
        },
      });
      runner.kick();
      await runner.idle();
      await runner.stop();
      expect(await jobRow(db, id)).toEqual({ status: "done", attempts: 1, error_ja: null });
      expect((await sql`select * from effects where job_id = ${id}`.execute(db)).rows).toEqual([
        { job_id: id, note: "住民票" },
      ]);
    });

    it("never gives one job to two parallel claimers", async () => {
      const db = await open();
      const ids = await Promise.all(
        Array.from({ length: 60 }, (_, i) => enqueueJob(db, { queue: "test.parallel", payload: i })),
      );
      const claimers = Array.from({ length: 6 }, async (_, n) => {
        const mine: number[] = [];
        for (;;) {
          const jobs = await claimJobs(db, {
            queue: "test.parallel",
            owner: `c${n}`,
            leaseMs: 60_000,
            limit: 3,
          });
          if (jobs.length === 0) return mine;
          mine.push(...jobs.map((j) => j.id));
        }
      });
      const claimed = (await Promise.all(claimers)).flat();
      expect(claimed).toHaveLength(60);
      expect(new Set(claimed)).toEqual(new Set(ids));
    });

    it("gives a killed runner's job to another runner after its lease, and refuses the old claim's completion", async () => {
      const db = await open();
      const id = await enqueueJob(db, { queue: "test.kill", payload: null });
      // Runner A claims the job and dies: no completion, no lease renewal.
      const [dead] = await claimJobs(db, { queue: "test.kill", owner: "a", leaseMs: 300, limit: 1 });
      expect(dead?.attempt).toBe(1);
      expect(await claimJobs(db, { queue: "test.kill", owner: "b", leaseMs: 300, limit: 1 })).toEqual([]);
      await sleep(400);
      const runner = startJobRunner(db, {
        queue: "test.kill",
        owner: "b",
        pollMs: 0,
        handler: async (job, { complete }) => {
          expect(job.attempt).toBe(2);
          await complete((trx) => sql`insert into effects values (${job.id}, 'b')`.execute(trx));
        },
      });
      runner.kick();
      await runner.idle();
      await runner.stop();
      expect(await jobRow(db, id)).toMatchObject({ status: "done", attempts: 2 });
      // A comes back to life: its completion is refused, so the job completed exactly once.
      const late = db.transaction().execute(async (trx) => {
        await holdJob(trx, dead ?? { id, token: "" });
        await sql`insert into effects values (${id}, 'a')`.execute(trx);
        await markJobDone(trx, { id });
      });
      await expect(late).rejects.toSatisfy((error) => isPlatformError(error, "CONFLICT"));
      expect((await sql`select note from effects where job_id = ${id}`.execute(db)).rows).toEqual([
        { note: "b" },
      ]);
    });

    it("ends a job that keeps crashing its runner 失敗 after 3 claims, with a Japanese reason", async () => {
      const db = await open();
      const id = await enqueueJob(db, { queue: "test.poison", payload: { file: "毒.pdf" } });
      for (let attempt = 1; attempt <= 3; attempt += 1) {
        const [job] = await claimJobs(db, {
          queue: "test.poison",
          owner: `run${attempt}`,
          leaseMs: 60_000,
          limit: 1,
        });
        expect(job?.attempt).toBe(attempt);
        // The process dies mid-job; at restart the single owner of the database expires its leases.
        expect(await expireLeases(db, "test.poison")).toBe(1);
      }
      expect(await claimJobs(db, { queue: "test.poison", owner: "run4", leaseMs: 60_000, limit: 1 })).toEqual(
        [],
      );
      const seen: FailedJob[] = [];
      await failExhaustedJobs(db, {
        queue: "test.poison",
        onFailed: async (job, trx) => {
          seen.push(job);
          await sql`insert into effects values (${job.id}, ${job.messageJa})`.execute(trx);
        },
      });
      const row = await jobRow(db, id);
      expect(row).toMatchObject({ status: "failed", attempts: 3 });
      expect(row?.error_ja).toBe(
        "処理が3回とも完了しなかった（制限時間の超過または異常終了）ため、中止しました。",
      );
      expect(seen.map((j) => j.payload)).toEqual([{ file: "毒.pdf" }]);
      expect(
        (await sql`select count(*)::integer as n from effects where job_id = ${id}`.execute(db)).rows,
      ).toEqual([{ n: 1 }]);
    });

    it("retries a failing handler up to the limit, fails a permanent error at once, and requeues on stop", async () => {
      const db = await open();
      const flaky = await enqueueJob(db, { queue: "test.retry", payload: "flaky", maxAttempts: 3 });
      const broken = await enqueueJob(db, { queue: "test.retry", payload: "broken" });
      const slow = await enqueueJob(db, { queue: "test.slow", payload: "slow" });
      const failed: string[] = [];
      const runner = startJobRunner<string>(db, {
        queue: "test.retry",
        pollMs: 0,
        retryDelayMs: 0,
        handler: async (job) => {
          if (job.payload === "broken") throw Object.assign(new Error("unreadable"), { permanent: true });
          throw Object.assign(new Error("timed out"), { messageJa: "制限時間を超えました。" });
        },
        classify: (error) => ({
          permanent: (error as { permanent?: boolean }).permanent === true,
          messageJa: (error as { messageJa?: string }).messageJa ?? "読み取れません。",
        }),
        onFailed: async (job) => {
          failed.push(`${job.payload}:${job.attempts}:${job.messageJa}`);
        },
      });
      runner.kick();
      await runner.idle();
      await runner.stop();
      expect(await jobRow(db, flaky)).toEqual({
        status: "failed",
        attempts: 3,
        error_ja: "制限時間を超えました。",
      });
      expect(await jobRow(db, broken)).toEqual({
        status: "failed",
        attempts: 1,
        error_ja: "読み取れません。",
      });
      expect(failed.sort()).toEqual(["broken:1:読み取れません。", "flaky:3:制限時間を超えました。"]);

      let started: () => void = () => undefined;
      const begun = new Promise<void>((resolve) => {
        started = resolve;
      });
      const stopping = startJobRunner<string>(db, {
        queue: "test.slow",
        pollMs: 0,
        handler: async (_job, { signal }) => {
          started();
          await new Promise((_, reject) => signal.addEventListener("abort", () => reject(signal.reason)));
        },
      });
      stopping.kick();
      await begun;
      await stopping.stop();
      expect(await jobRow(db, slow)).toEqual({ status: "queued", attempts: 0, error_ja: null });
    });
  });
}
