import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { MessageChannel } from "node:worker_threads";
import { Piscina } from "piscina";
import { PlatformError } from "../errors.js";

/** Options of {@link createWorkerPool}. */
export interface WorkerPoolOptions {
  /** The worker module (file URL or path, `.ts` from sources or built `.js`); its default export handles one task. */
  readonly entry: string | URL;
  /** Name for logs and error messages, e.g. `support-desk.parse`. */
  readonly name: string;
  /** Worker threads; default 1. */
  readonly threads?: number;
  /** Tasks waiting beyond the running ones before {@link WorkerPool.run} refuses with `SERVER_BUSY`; default 8. */
  readonly maxQueue?: number;
  /** Old-generation heap of each worker in MB (`resourceLimits`); default 256. */
  readonly heapMb?: number;
  /** Default deadline of a task in ms, counted from when a worker starts it; default 30,000. */
  readonly timeoutMs?: number;
  /** Idle workers exit after this many ms; default 30,000. */
  readonly idleTimeoutMs?: number;
}

/** Options of one {@link WorkerPool.run} call. */
export interface RunOptions {
  /** This task's deadline in ms (else the pool's); the worker running it is terminated when it passes. */
  readonly timeoutMs?: number;
  /** Cancels the task; a running worker is terminated. */
  readonly signal?: AbortSignal;
}

/** Counters of a {@link WorkerPool}. */
export interface WorkerPoolStats {
  readonly threads: number;
  readonly queued: number;
  readonly completed: number;
  /** Workers terminated because of a deadline, a cancellation, a memory limit or a crash. */
  readonly terminated: number;
  /** Tasks refused because the queue was full. */
  readonly refused: number;
}

/** A bounded pool of worker threads with per-task deadlines and memory limits. */
export interface WorkerPool<Task, Result> {
  /**
   * Runs one task in a worker.
   * @throws PlatformError `SERVER_BUSY` (queue full), `WORK_TIMEOUT`, `WORK_OUT_OF_MEMORY`, `WORK_CRASHED`
   */
  run(task: Task, options?: RunOptions): Promise<Result>;
  stats(): WorkerPoolStats;
  /** Terminates every worker; queued tasks are rejected. */
  close(): Promise<void>;
}

const bootstrap = createRequire(import.meta.url).resolve("@ward/platform/worker-bootstrap");

function entryUrl(entry: string | URL): string {
  if (entry instanceof URL) return entry.href;
  return entry.startsWith("file:") ? entry : pathToFileURL(entry).href;
}

function errorCode(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "code" in error ? String(error.code) : undefined;
}

/**
 * Creates a pool of worker threads (piscina) for CPU-heavy work kept off the event loop: each
 * worker's heap is capped (`resourceLimits`), each task has a deadline after which its worker is
 * terminated, and a full queue refuses new tasks at once (back-pressure) instead of growing.
 * The entry may be a `.ts` file: workers then load it through tsx with the `@ward/source` condition.
 *
 * @param options - see {@link WorkerPoolOptions}
 * @returns the pool; close it when the app stops
 * @example
 * ```ts
 * const pool = createWorkerPool<{ bytes: Uint8Array }, string>({
 *   entry: new URL("./parse-worker.ts", import.meta.url),
 *   name: "parse",
 *   heapMb: 256,
 *   timeoutMs: 20_000,
 * });
 * const text = await pool.run({ bytes }); // throws PlatformError "WORK_TIMEOUT" after 20 s
 * await pool.close();
 * ```
 */
export function createWorkerPool<Task, Result>(options: WorkerPoolOptions): WorkerPool<Task, Result> {
  const threads = options.threads ?? 1;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const heapMb = options.heapMb ?? 256;
  const piscina = new Piscina({
    filename: bootstrap,
    minThreads: 0,
    maxThreads: threads,
    idleTimeout: options.idleTimeoutMs ?? 30_000,
    resourceLimits: {
      maxOldGenerationSizeMb: heapMb,
      maxYoungGenerationSizeMb: Math.max(8, Math.round(heapMb / 8)),
    },
    // Workers start clean (no inherited --import/--require); the bootstrap sets up TypeScript itself.
    execArgv: [],
    workerData: { wardEntry: entryUrl(options.entry) },
  });
  // Admission is counted here: piscina does not enforce maxQueue for tasks that carry a signal.
  const capacity = threads + (options.maxQueue ?? 8);
  let inFlight = 0;
  let terminated = 0;
  let refused = 0;
  let closing = false;
  piscina.on("workerDestroy", () => {
    if (!closing) terminated += 1;
  });
  // A worker that dies outside a task (e.g. at load) is reported here; the task's own error says why.
  piscina.on("error", () => undefined);

  return {
    async run(task, runOptions = {}) {
      if (closing) throw new PlatformError("SERVER_BUSY", { message: `${options.name}: pool closed` });
      if (inFlight >= capacity) {
        refused += 1;
        throw new PlatformError("SERVER_BUSY", {
          message: `${options.name}: ${inFlight} tasks running or queued (limit ${capacity})`,
        });
      }
      inFlight += 1;
      const limit = runOptions.timeoutMs ?? timeoutMs;
      const deadline = new AbortController();
      const started = new MessageChannel();
      let timer: NodeJS.Timeout | undefined;
      started.port1.once("message", () => {
        timer = setTimeout(() => deadline.abort(new Error("deadline")), limit);
      });
      const signal = runOptions.signal
        ? AbortSignal.any([deadline.signal, runOptions.signal])
        : deadline.signal;
      try {
        return (await piscina.run(
          { task, started: started.port2 },
          { signal, transferList: [started.port2] },
        )) as Result;
      } catch (error) {
        const detail = `${options.name}: ${error instanceof Error ? error.message : String(error)}`;
        if (deadline.signal.aborted && !runOptions.signal?.aborted) {
          throw new PlatformError("WORK_TIMEOUT", {
            message: `${options.name}: deadline of ${limit} ms passed`,
            cause: error,
          });
        }
        if (runOptions.signal?.aborted) throw runOptions.signal.reason ?? error;
        if (errorCode(error) === "ERR_WORKER_OUT_OF_MEMORY") {
          throw new PlatformError("WORK_OUT_OF_MEMORY", {
            message: `${detail} (heap ${heapMb} MB)`,
            cause: error,
          });
        }
        if (error instanceof Error && /worker exited|terminated/i.test(error.message)) {
          throw new PlatformError("WORK_CRASHED", { message: detail, cause: error });
        }
        throw error;
      } finally {
        clearTimeout(timer);
        started.port1.close();
        inFlight -= 1;
      }
    },
    stats() {
      return {
        threads: piscina.threads.length,
        queued: Math.max(0, inFlight - threads),
        completed: piscina.completed,
        terminated,
        refused,
      };
    },
    async close() {
      closing = true;
      await piscina.close({ force: true });
    },
  };
}
