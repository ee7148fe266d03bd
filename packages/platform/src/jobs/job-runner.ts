import { hostname } from "node:os";
import type { Logger } from "pino";
import { isPlatformError } from "../errors.js";
import {
  type AnyDb,
  type ClaimedJob,
  claimJobs,
  type FailedJob,
  failExhaustedJobs,
  holdJob,
  markJobDone,
  releaseJob,
  renewLease,
  requeueJob,
} from "./job-queue.js";

/** What a handler gets with its job: a signal (the lease was lost or the runner stops) and the commit. */
export interface JobContext {
  /** Aborted when the claim is lost or the runner stops; pass it on to long work. */
  readonly signal: AbortSignal;
  /**
   * Runs `write` in one transaction that first checks this claim still holds the job, then marks
   * it done: the job's results are written once, never by two runners.
   */
  complete<T>(write: (trx: AnyDb) => Promise<T>): Promise<T>;
}

/** How a thrown error is treated: permanent errors fail at once, others are retried. */
export interface JobErrorVerdict {
  readonly permanent: boolean;
  /** The Japanese reason stored and shown when the job ends 失敗. */
  readonly messageJa: string;
}

/** Options of {@link startJobRunner}. */
export interface JobRunnerOptions<Payload> {
  readonly queue: string;
  readonly handler: (job: ClaimedJob<Payload>, context: JobContext) => Promise<void>;
  /** Called in the transaction that ends a job 失敗 (permanent error, or no attempt left). */
  readonly onFailed?: (job: FailedJob<Payload>, trx: AnyDb) => Promise<void>;
  /** Classifies a handler's error; default: retry, with the error's `messageJa` if it has one. */
  readonly classify?: (error: unknown) => JobErrorVerdict;
  /** Jobs run at once by this runner; default 1. */
  readonly concurrency?: number;
  /** Lease of a claim in ms, renewed every third of it while the job runs; default 60,000. */
  readonly leaseMs?: number;
  /** Look for work (also claimed by other instances, or expired leases) every N ms; 0 = only on `kick()`; default 2,000. */
  readonly pollMs?: number;
  /** Wait before a retried job may run again; default 1,000 ms. */
  readonly retryDelayMs?: number;
  /** Identifies this instance in claims; default `host:pid`. */
  readonly owner?: string;
  readonly logger?: Logger;
}

/** A running job runner. */
export interface JobRunner {
  /** Looks for work now (after an enqueue). */
  kick(): void;
  /** Resolves when this runner has nothing running and finds nothing to claim. */
  idle(): Promise<void>;
  /** Stops claiming, aborts running handlers and waits for them. */
  stop(): Promise<void>;
}

const GENERIC_JA = "処理中にエラーが発生したため、中止しました。";

function defaultVerdict(error: unknown): JobErrorVerdict {
  const messageJa =
    typeof error === "object" && error !== null && "messageJa" in error && typeof error.messageJa === "string"
      ? error.messageJa
      : GENERIC_JA;
  return { permanent: false, messageJa };
}

/**
 * Runs the jobs of one queue from the database: claims with `FOR UPDATE SKIP LOCKED` (so several
 * instances share the queue), renews each claim's lease while its handler runs, retries failures
 * up to the job's attempt limit, and ends exhausted or permanently failing jobs 失敗 with a
 * Japanese reason. A runner that dies leaves its jobs to whichever runner claims them once their
 * lease expires; attempts are counted at claim, so a job that kills its runner every time still
 * ends 失敗 after its limit.
 *
 * @param db - the app's database (with {@link jobMigrations} applied)
 * @param options - see {@link JobRunnerOptions}
 * @returns the runner; `stop()` it before closing the database
 * @example
 * ```ts
 * const runner = startJobRunner<{ fileId: number }>(platform.db, {
 *   queue: "support-desk.ingest",
 *   handler: async (job, { complete }) => {
 *     const text = await parseInWorker(job.payload.fileId);
 *     await complete((trx) => saveText(trx, job.payload.fileId, text));
 *   },
 * });
 * ```
 */
export function startJobRunner<Payload = unknown>(db: AnyDb, options: JobRunnerOptions<Payload>): JobRunner {
  const concurrency = options.concurrency ?? 1;
  const leaseMs = options.leaseMs ?? 60_000;
  const owner = options.owner ?? `${hostname()}:${process.pid}`;
  const classify = options.classify ?? defaultVerdict;
  const running = new Map<Promise<void>, AbortController>();
  let pumping: Promise<void> | undefined;
  let again = false;
  let stopped = false;

  async function execute(job: ClaimedJob<Payload>, controller: AbortController): Promise<void> {
    let completed = false;
    const heartbeat = setInterval(
      () => {
        renewLease(db, job, leaseMs)
          .then((held) => {
            if (!held && !completed) controller.abort(new Error(`job ${job.id}: lease lost`));
          })
          .catch((error: unknown) =>
            options.logger?.warn({ err: error, job: job.id }, "lease renewal failed"),
          );
      },
      Math.max(50, Math.floor(leaseMs / 3)),
    );
    heartbeat.unref();
    const context: JobContext = {
      signal: controller.signal,
      complete: (write) =>
        db.transaction().execute(async (trx) => {
          await holdJob(trx, job);
          const result = await write(trx);
          await markJobDone(trx, job);
          completed = true;
          return result;
        }),
    };
    try {
      await options.handler(job, context);
      if (!completed) await context.complete(async () => undefined);
    } catch (error) {
      if (completed) {
        options.logger?.error({ err: error, job: job.id }, "job failed after completing");
        return;
      }
      if (isPlatformError(error, "CONFLICT") && controller.signal.aborted) return;
      if (stopped) {
        await requeueJob(db, job);
        return;
      }
      const verdict = classify(error);
      const outcome = await releaseJob(db, job, {
        error,
        messageJa: verdict.messageJa,
        permanent: verdict.permanent,
        delayMs: options.retryDelayMs ?? 1_000,
        ...(options.onFailed ? { onFailed: options.onFailed } : {}),
      });
      options.logger?.warn(
        { err: error, job: job.id, attempt: job.attempt, max: job.maxAttempts, outcome },
        "job attempt failed",
      );
    } finally {
      clearInterval(heartbeat);
    }
  }

  async function pumpOnce(): Promise<void> {
    await failExhaustedJobs(db, {
      queue: options.queue,
      ...(options.onFailed ? { onFailed: options.onFailed } : {}),
    });
    const free = concurrency - running.size;
    if (free <= 0 || stopped) return;
    const claimed = await claimJobs<Payload>(db, { queue: options.queue, owner, leaseMs, limit: free });
    for (const job of claimed) {
      const controller = new AbortController();
      const task: Promise<void> = execute(job, controller)
        .catch((error: unknown) => options.logger?.error({ err: error, job: job.id }, "job runner error"))
        .finally(() => {
          running.delete(task);
          if (!stopped) kick();
        });
      running.set(task, controller);
    }
  }

  function kick(): void {
    if (stopped) return;
    if (pumping) {
      again = true;
      return;
    }
    pumping = (async () => {
      do {
        again = false;
        try {
          await pumpOnce();
        } catch (error) {
          options.logger?.error({ err: error, queue: options.queue }, "claiming jobs failed");
        }
      } while (again && !stopped);
    })().finally(() => {
      pumping = undefined;
    });
  }

  const pollMs = options.pollMs ?? 2_000;
  const poll = pollMs > 0 ? setInterval(kick, pollMs) : undefined;
  poll?.unref();

  return {
    kick,
    async idle() {
      for (;;) {
        while (pumping || running.size > 0) {
          await Promise.allSettled([pumping, ...running.keys()]);
        }
        if (stopped) return;
        kick();
        await pumping;
        if (running.size === 0) return;
      }
    },
    async stop() {
      stopped = true;
      if (poll) clearInterval(poll);
      for (const controller of running.values()) controller.abort(new Error("job runner stopped"));
      await Promise.allSettled([pumping, ...running.keys()]);
    },
  };
}
