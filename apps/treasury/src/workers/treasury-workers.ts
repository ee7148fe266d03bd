import { createWorkerPool, type WorkerPoolStats } from "@ward/platform";
import {
  rethrown,
  runTreasuryTask,
  type TaskOf,
  type TreasuryTask,
  type TreasuryTaskOutput,
  type TreasuryTaskResult,
  unpackNotices,
} from "./treasury-tasks.js";

/** Limits of the treasury's worker threads; every field has a default. */
export interface TreasuryWorkerSettings {
  /** Worker threads; default 1 (the machine is shared, and the database write is serial anyway). */
  readonly threads?: number;
  /** Heap of each worker in MB; default 512 (125,000 notices parse in about 200 MB). */
  readonly heapMb?: number;
  /** Deadline of one task, counted from when a worker starts it; default 60,000 ms. */
  readonly timeoutMs?: number;
  /** Tasks waiting for a worker before a request is answered 503 (SERVER_BUSY); default 4. */
  readonly maxQueue?: number;
}

/** Where the treasury's heavy work runs: a worker pool (web app) or the calling thread (CLI). */
export interface TreasuryWorkers {
  /**
   * Runs one task and returns its output.
   * @throws PlatformError `SERVER_BUSY` (queue full, 503), `WORK_TIMEOUT`, `WORK_OUT_OF_MEMORY` (422), `WORK_CRASHED`
   * @throws TreasuryError a task's own failure (e.g. `PDF_FONT_UNREADABLE`)
   */
  run<K extends TreasuryTask["op"]>(task: TaskOf<K>): Promise<TreasuryTaskOutput[K]>;
  stats(): WorkerPoolStats | undefined;
  close(): Promise<void>;
}

const entry = new URL("./treasury-worker.ts", import.meta.url);

async function unwrap<K extends TreasuryTask["op"]>(
  result: TreasuryTaskResult,
): Promise<TreasuryTaskOutput[K]> {
  if (!result.ok) throw rethrown(result.failure);
  if ("packed" in result) return (await unpackNotices(result.packed)) as TreasuryTaskOutput[K];
  return result.value as TreasuryTaskOutput[K];
}

/**
 * Starts the treasury's worker pool (threads start on first use and exit when idle): CSV parsing,
 * workbooks and PDFs run there, so the event loop keeps answering while a large file is read.
 *
 * @example
 * const workers = createTreasuryWorkers({ timeoutMs: 30_000 });
 * const parsed = await workers.run({ op: "parse-notices", bytes, today: "2025-07-10" });
 * await workers.close();
 */
export function createTreasuryWorkers(settings: TreasuryWorkerSettings = {}): TreasuryWorkers {
  const pool = createWorkerPool<TreasuryTask, TreasuryTaskResult>({
    entry,
    name: "treasury",
    threads: settings.threads ?? 1,
    maxQueue: settings.maxQueue ?? 4,
    heapMb: settings.heapMb ?? 512,
    timeoutMs: settings.timeoutMs ?? 60_000,
  });
  return {
    run: async (task) => unwrap(await pool.run(task)),
    stats: () => pool.stats(),
    close: () => pool.close(),
  };
}

/**
 * The same tasks on the calling thread: for the CLI, a one-shot process whose event loop serves
 * nobody else (and for tests of the use cases that do not start a server).
 *
 * @example
 * const bytes = await DIRECT_WORK.run({ op: "report-pdf", report });
 */
export const DIRECT_WORK: TreasuryWorkers = {
  run: async (task) => unwrap(await runTreasuryTask(task)),
  stats: () => undefined,
  close: async () => undefined,
};
