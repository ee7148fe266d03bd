import { randomUUID } from "node:crypto";
import { type Kysely, sql } from "kysely";
import { z } from "zod";
import { PlatformError } from "../errors.js";
import type { JobTables } from "./job-tables.js";

// biome-ignore lint/suspicious/noExplicitAny: any app database that ran jobMigrations
export type AnyDb = Kysely<any>;

/** A job held by a runner: its payload, which attempt this is, and the token that proves the claim. */
export interface ClaimedJob<Payload = unknown> {
  readonly id: number;
  readonly queue: string;
  readonly payload: Payload;
  /** 1 on the first run; counted at claim, so a crash mid-run still counts. */
  readonly attempt: number;
  readonly maxAttempts: number;
  /** Unique to this claim; completion and lease renewal check it. */
  readonly token: string;
}

/** A job that ended 失敗: why, in English for logs and in Japanese for the clerk. */
export interface FailedJob<Payload = unknown> {
  readonly id: number;
  readonly queue: string;
  readonly payload: Payload;
  readonly attempts: number;
  readonly maxAttempts: number;
  readonly message: string;
  readonly messageJa: string;
}

const queueName = z.string().regex(/^[a-z][a-z0-9_.-]{0,99}$/);

function jobs(db: AnyDb): Kysely<JobTables> {
  return db as Kysely<JobTables>;
}

/**
 * Adds a job to a queue; pass the caller's transaction so the job exists only if its data does.
 *
 * @param db - the database or a transaction
 * @param job - queue name, JSON payload, and `maxAttempts` (default 3)
 * @returns the job id
 * @throws PlatformError `VALIDATION_FAILED` for a bad queue name or attempt count
 * @example
 * ```ts
 * const id = await enqueueJob(trx, { queue: "support-desk.ingest", payload: { fileId: 7 } });
 * ```
 */
export async function enqueueJob(
  db: AnyDb,
  job: { readonly queue: string; readonly payload: unknown; readonly maxAttempts?: number },
): Promise<number> {
  const maxAttempts = job.maxAttempts ?? 3;
  if (!queueName.safeParse(job.queue).success || !Number.isInteger(maxAttempts) || maxAttempts < 1) {
    throw new PlatformError("VALIDATION_FAILED", { message: `bad job ${job.queue}/${maxAttempts}` });
  }
  const row = await sql<{ id: number }>`insert into ward_jobs
      (queue, payload, status, max_attempts, run_after, created_at)
    values (${job.queue}, ${JSON.stringify(job.payload ?? null)}::jsonb, 'queued', ${maxAttempts}, now(), now())
    returning id`.execute(db);
  return Number(row.rows[0]?.id);
}

/**
 * Claims up to `limit` jobs of a queue with `FOR UPDATE SKIP LOCKED`, so concurrent runners (in
 * this process or another instance) never take the same job: queued jobs whose time has come,
 * and running jobs whose lease expired (their runner died) while attempts remain. Each claim
 * counts an attempt and sets a lease of `leaseMs`.
 *
 * @example
 * ```ts
 * const [job] = await claimJobs(db, { queue: "support-desk.ingest", owner: "host-1", leaseMs: 60_000, limit: 1 });
 * ```
 */
export async function claimJobs<Payload = unknown>(
  db: AnyDb,
  options: {
    readonly queue: string;
    readonly owner: string;
    readonly leaseMs: number;
    readonly limit: number;
  },
): Promise<ClaimedJob<Payload>[]> {
  const token = `${options.owner}:${randomUUID()}`;
  const result = await sql<{
    id: number;
    queue: string;
    payload: unknown;
    attempts: number;
    max_attempts: number;
    locked_by: string;
  }>`with next as materialized (
      select id from ward_jobs
      where queue = ${options.queue}
        and ((status = 'queued' and run_after <= now())
          or (status = 'running' and locked_until < now() and attempts < max_attempts))
      order by id
      limit ${options.limit}::integer
      for update skip locked
    )
    update ward_jobs
    set status = 'running', attempts = attempts + 1, locked_by = ${token}::text || ':' || ward_jobs.id::text,
      locked_until = now() + ${options.leaseMs}::double precision * interval '1 millisecond'
    from next
    where ward_jobs.id = next.id
    returning ward_jobs.id, queue, payload, attempts, max_attempts, locked_by`.execute(db);
  return result.rows
    .map((row) => ({
      id: Number(row.id),
      queue: row.queue,
      payload: row.payload as Payload,
      attempt: row.attempts,
      maxAttempts: row.max_attempts,
      token: row.locked_by,
    }))
    .sort((a, b) => a.id - b.id);
}

/**
 * Ends as 失敗 the jobs of a queue whose lease expired with no attempt left (their runner died
 * or hung every time), calling `onFailed` for each in the same transaction.
 *
 * @returns the failed jobs
 * @example
 * ```ts
 * await failExhaustedJobs(db, { queue, onFailed: async (job, trx) => markFileFailed(trx, job) });
 * ```
 */
export async function failExhaustedJobs<Payload = unknown>(
  db: AnyDb,
  options: {
    readonly queue: string;
    readonly onFailed?: (job: FailedJob<Payload>, trx: AnyDb) => Promise<void>;
  },
): Promise<FailedJob<Payload>[]> {
  return db.transaction().execute(async (trx) => {
    const rows = await sql<{
      id: number;
      payload: unknown;
      attempts: number;
      max_attempts: number;
    }>`select id, payload, attempts, max_attempts from ward_jobs
      where queue = ${options.queue} and status = 'running' and locked_until < now() and attempts >= max_attempts
      order by id
      for update skip locked`.execute(trx);
    const failed: FailedJob<Payload>[] = [];
    for (const row of rows.rows) {
      const job: FailedJob<Payload> = {
        id: Number(row.id),
        queue: options.queue,
        payload: row.payload as Payload,
        attempts: row.attempts,
        maxAttempts: row.max_attempts,
        message: `job ${row.id} did not finish in ${row.attempts} attempts (crash or time-out)`,
        messageJa: `処理が${row.attempts}回とも完了しなかった（制限時間の超過または異常終了）ため、中止しました。`,
      };
      await markFailed(trx, job);
      await options.onFailed?.(job, trx);
      failed.push(job);
    }
    return failed;
  });
}

async function markFailed(db: AnyDb, job: FailedJob<unknown>): Promise<void> {
  await jobs(db)
    .updateTable("ward_jobs")
    .set({
      status: "failed",
      locked_by: null,
      locked_until: null,
      last_error: job.message.slice(0, 2000),
      error_ja: job.messageJa,
      finished_at: sql<Date>`now()`,
    })
    .where("id", "=", job.id)
    .execute();
}

/**
 * Locks a claimed job's row and checks that this claim still holds it; throws `CONFLICT` when its
 * lease was taken over (another runner claimed it again) or it already finished. Use inside the
 * transaction that writes the job's results, so a job completes once.
 *
 * @example
 * ```ts
 * await db.transaction().execute(async (trx) => { await holdJob(trx, job); ...; await markJobDone(trx, job); });
 * ```
 */
export async function holdJob(trx: AnyDb, job: Pick<ClaimedJob, "id" | "token">): Promise<void> {
  const row = await sql<{ status: string; locked_by: string | null }>`select status, locked_by
    from ward_jobs where id = ${job.id} for update`.execute(trx);
  const current = row.rows[0];
  if (current?.status !== "running" || current.locked_by !== job.token) {
    throw new PlatformError("CONFLICT", {
      message: `job ${job.id} is no longer held by this claim (${current?.status ?? "missing"})`,
    });
  }
}

/** Marks a held job done (after {@link holdJob} in the same transaction). */
export async function markJobDone(trx: AnyDb, job: Pick<ClaimedJob, "id">): Promise<void> {
  await jobs(trx)
    .updateTable("ward_jobs")
    .set({ status: "done", locked_by: null, locked_until: null, finished_at: sql<Date>`now()` })
    .where("id", "=", job.id)
    .execute();
}

/**
 * Gives a held job back: queued again after `delayMs`, or 失敗 when no attempt is left or the
 * error is permanent. Runs `onFailed` in the same transaction when it fails. A claim that was
 * lost meanwhile changes nothing.
 *
 * @returns `"retry"`, `"failed"` or `"lost"`
 * @example
 * ```ts
 * await releaseJob(db, job, { error, messageJa: "読み取れません", permanent: true });
 * ```
 */
export async function releaseJob<Payload>(
  db: AnyDb,
  job: ClaimedJob<Payload>,
  outcome: {
    readonly error: unknown;
    readonly messageJa: string;
    readonly permanent: boolean;
    readonly delayMs?: number;
    readonly onFailed?: (job: FailedJob<Payload>, trx: AnyDb) => Promise<void>;
  },
): Promise<"retry" | "failed" | "lost"> {
  const message = outcome.error instanceof Error ? outcome.error.message : String(outcome.error);
  return db.transaction().execute(async (trx) => {
    try {
      await holdJob(trx, job);
    } catch {
      return "lost" as const;
    }
    if (outcome.permanent || job.attempt >= job.maxAttempts) {
      const failed: FailedJob<Payload> = {
        id: job.id,
        queue: job.queue,
        payload: job.payload,
        attempts: job.attempt,
        maxAttempts: job.maxAttempts,
        message,
        messageJa: outcome.messageJa,
      };
      await markFailed(trx, failed);
      await outcome.onFailed?.(failed, trx);
      return "failed" as const;
    }
    await sql`update ward_jobs set status = 'queued', locked_by = null, locked_until = null,
        last_error = ${message.slice(0, 2000)},
        run_after = now() + ${outcome.delayMs ?? 0}::double precision * interval '1 millisecond'
      where id = ${job.id}`.execute(trx);
    return "retry" as const;
  });
}

/**
 * Extends a claim's lease; false when the claim was lost (the job was claimed again or finished).
 *
 * @example
 * ```ts
 * if (!(await renewLease(db, job, 60_000))) controller.abort();
 * ```
 */
export async function renewLease(db: AnyDb, job: Pick<ClaimedJob, "id" | "token">, leaseMs: number) {
  const result =
    await sql`update ward_jobs set locked_until = now() + ${leaseMs}::double precision * interval '1 millisecond'
    where id = ${job.id} and status = 'running' and locked_by = ${job.token}`.execute(db);
  return Number(result.numAffectedRows ?? 0n) > 0;
}

/**
 * Lets every running job of a queue be claimed at once, for a process that owns its database
 * alone (embedded PGlite): at its start, whatever is `running` was left by its own crash.
 *
 * @example
 * ```ts
 * if (platform.kind === "pglite") await expireLeases(db, "support-desk.ingest");
 * ```
 */
export async function expireLeases(db: AnyDb, queue: string): Promise<number> {
  const result = await sql`update ward_jobs set locked_until = now() - interval '1 second'
    where queue = ${queue} and status = 'running'`.execute(db);
  return Number(result.numAffectedRows ?? 0n);
}

/**
 * Puts a held job back in the queue without counting the attempt (a runner that stops cleanly).
 *
 * @example
 * ```ts
 * await requeueJob(db, job);
 * ```
 */
export async function requeueJob(db: AnyDb, job: Pick<ClaimedJob, "id" | "token">): Promise<void> {
  await sql`update ward_jobs set status = 'queued', attempts = greatest(attempts - 1, 0),
      locked_by = null, locked_until = null
    where id = ${job.id} and status = 'running' and locked_by = ${job.token}`.execute(db);
}
