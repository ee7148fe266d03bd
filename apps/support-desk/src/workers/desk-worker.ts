// Worker-thread entry of the desk's pool: parsing, chunking and tokenising, away from the event loop.
import { IngestError, type IngestErrorCode, parseDocument } from "@ward/documents";
import { normalizeJapanese } from "../domain/index.js";
import { type PreparedDocument, prepareDocument } from "../storage/prepare-document.js";

/** Work the desk sends to its pool. */
export type DeskTask =
  | {
      readonly op: "prepare";
      readonly bytes: Uint8Array;
      readonly fileName: string;
      readonly policy: { readonly size: number; readonly overlap: number };
      readonly maxPages: number;
    }
  | {
      readonly op: "attachment";
      readonly bytes: Uint8Array;
      readonly fileName: string;
      readonly maxPages: number;
    };

/** An `IngestError` as it crosses the thread boundary (structured clone drops its class). */
export interface IngestFailure {
  readonly code: IngestErrorCode;
  readonly fileName: string;
  readonly detail: string;
}

/** What the pool sends back. */
export type DeskTaskResult =
  | { readonly ok: true; readonly prepared: PreparedDocument }
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly failure: IngestFailure };

/** Runs one {@link DeskTask} in a worker thread. */
export default async function run(task: DeskTask): Promise<DeskTaskResult> {
  try {
    if (task.op === "prepare") {
      const prepared = await prepareDocument({ bytes: task.bytes, fileName: task.fileName }, task.policy, {
        maxPages: task.maxPages,
      });
      return { ok: true, prepared };
    }
    const parsed = await parseDocument(
      { bytes: task.bytes, fileName: task.fileName },
      { maxPages: task.maxPages },
    );
    return { ok: true, text: normalizeJapanese(parsed.sections.map((s) => s.text).join("\n")) };
  } catch (error) {
    if (error instanceof IngestError) {
      return { ok: false, failure: { code: error.code, fileName: error.fileName, detail: error.message } };
    }
    throw error;
  }
}
