import { createWorkerPool, type WorkerPoolStats } from "@ward/platform";
import { IngestError } from "../domain/index.js";
import type { DeskTask, DeskTaskResult, IngestFailure } from "../workers/desk-worker.js";
import type { PrepareDocument, PreparedDocument } from "./prepare-document.js";

/** Limits of the desk's worker threads; every field has a default. */
export interface DeskWorkerSettings {
  /** Heap of each worker in MB; default 512. */
  readonly heapMb?: number;
  /** Deadline of one file's parsing and chunking; default 120,000 ms. */
  readonly ingestTimeoutMs?: number;
  /** Deadline of reading one chat attachment; default 15,000 ms. */
  readonly attachmentTimeoutMs?: number;
  /** Pages read from an uploaded PDF; default 2,000. */
  readonly maxPages?: number;
  /** Pages read from a PDF attached to a question; default 50. */
  readonly attachmentMaxPages?: number;
  /** Attachments waiting for a worker before `/chat/ask` answers 503; default 8. */
  readonly attachmentQueue?: number;
}

/** The desk's two pools: ingestion (one file at a time) and chat attachments (kept apart so uploads never delay chat). */
export interface DeskWorkers {
  /** Parses, chunks and tokenises a file in the ingestion pool. */
  readonly prepare: PrepareDocument;
  /** An attachment's normalised text, read in the attachment pool. */
  readAttachment(input: { bytes: Uint8Array; fileName: string }, signal?: AbortSignal): Promise<string>;
  stats(): { readonly ingestion: WorkerPoolStats; readonly attachments: WorkerPoolStats };
  close(): Promise<void>;
}

const entry = new URL("../workers/desk-worker.ts", import.meta.url);

function rethrown(failure: IngestFailure): IngestError {
  return new IngestError({ code: failure.code, fileName: failure.fileName, detail: failure.detail });
}

/**
 * Starts the desk's worker pools (threads start on first use and exit when idle).
 *
 * @example
 * ```ts
 * const workers = createDeskWorkers({ ingestTimeoutMs: 60_000 });
 * const prepared = await workers.prepare({ bytes, fileName: "手引き.pdf" }, { size: 600, overlap: 100 });
 * await workers.close();
 * ```
 */
export function createDeskWorkers(settings: DeskWorkerSettings = {}): DeskWorkers {
  const heapMb = settings.heapMb ?? 512;
  const maxPages = settings.maxPages ?? 2_000;
  const attachmentMaxPages = settings.attachmentMaxPages ?? 50;
  const ingestion = createWorkerPool<DeskTask, DeskTaskResult>({
    entry,
    name: "support-desk.ingest",
    threads: 1,
    maxQueue: 4,
    heapMb,
    timeoutMs: settings.ingestTimeoutMs ?? 120_000,
  });
  const attachments = createWorkerPool<DeskTask, DeskTaskResult>({
    entry,
    name: "support-desk.attachments",
    threads: 1,
    maxQueue: settings.attachmentQueue ?? 8,
    heapMb,
    timeoutMs: settings.attachmentTimeoutMs ?? 15_000,
  });
  return {
    async prepare(input, policy, options = {}) {
      const result = await ingestion.run(
        {
          op: "prepare",
          bytes: input.bytes,
          fileName: input.fileName,
          policy: { size: policy.size, overlap: policy.overlap },
          maxPages: options.maxPages ?? maxPages,
        },
        options.signal ? { signal: options.signal } : {},
      );
      if (!result.ok) throw rethrown(result.failure);
      if (!("prepared" in result)) throw new Error("@ward/support-desk: worker answered the wrong task");
      return result.prepared as PreparedDocument;
    },
    async readAttachment(input, signal) {
      const result = await attachments.run(
        { op: "attachment", bytes: input.bytes, fileName: input.fileName, maxPages: attachmentMaxPages },
        signal ? { signal } : {},
      );
      if (!result.ok) throw rethrown(result.failure);
      if (!("text" in result)) throw new Error("@ward/support-desk: worker answered the wrong task");
      return result.text;
    },
    stats: () => ({ ingestion: ingestion.stats(), attachments: attachments.stats() }),
    async close() {
      await Promise.all([ingestion.close(), attachments.close()]);
    },
  };
}
