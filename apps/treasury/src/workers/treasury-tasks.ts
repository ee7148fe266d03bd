import type { IsoDate } from "@ward/calendar-jp";
import {
  type CsvImport,
  type FailedTransferInput,
  type ImportedPaymentNotice,
  type PaymentNotice,
  type PaymentNoticeImport,
  type PaymentOrderRow,
  parseFailedTransfersCsv,
  parsePaymentNotices,
  parsePaymentOrdersCsv,
  parseTransferApplicationsCsv,
  type TransferApplicationRow,
  TreasuryError,
  type TreasuryErrorCode,
} from "../domain/index.js";
import type { PaymentAdviceList } from "../domain/payment-advice-list.js";
import type { ReportDocument } from "../reports/report-files.js";
import type { TallyWorkbookOptions } from "../reports/tally-workbook.js";
import type { RegisteredCreditor } from "../storage/creditor-accounts.js";

/** Heavy treasury work, as plain data that crosses a thread boundary (structured clone). */
export type TreasuryTask =
  | {
      readonly op: "parse-notices";
      readonly bytes: Uint8Array;
      readonly fiscalYear?: number;
      readonly today?: IsoDate;
    }
  | { readonly op: "parse-orders"; readonly bytes: Uint8Array }
  | { readonly op: "parse-applications"; readonly bytes: Uint8Array }
  | { readonly op: "parse-failed-transfers"; readonly bytes: Uint8Array }
  | {
      readonly op: "tally-workbook";
      readonly notices: readonly PaymentNotice[];
      readonly options: TallyWorkbookOptions;
    }
  | { readonly op: "report-workbook"; readonly report: ReportDocument }
  | { readonly op: "report-pdf"; readonly report: ReportDocument }
  | { readonly op: "advice-workbook"; readonly list: PaymentAdviceList }
  | { readonly op: "advice-letters"; readonly list: PaymentAdviceList }
  | { readonly op: "registration-letter"; readonly creditor: RegisteredCreditor; readonly date: IsoDate };

/** What each task kind gives back. */
export interface TreasuryTaskOutput {
  readonly "parse-notices": PaymentNoticeImport;
  readonly "parse-orders": CsvImport<PaymentOrderRow>;
  readonly "parse-applications": CsvImport<TransferApplicationRow>;
  readonly "parse-failed-transfers": CsvImport<FailedTransferInput>;
  readonly "tally-workbook": Uint8Array;
  readonly "report-workbook": Uint8Array;
  readonly "report-pdf": Uint8Array;
  readonly "advice-workbook": Uint8Array;
  readonly "advice-letters": Uint8Array;
  readonly "registration-letter": Uint8Array;
}

/** A task of kind `K`. */
export type TaskOf<K extends TreasuryTask["op"]> = Extract<TreasuryTask, { readonly op: K }>;

/** A `TreasuryError` as it crosses the thread boundary (structured clone drops its class). */
export interface TreasuryFailure {
  readonly code: TreasuryErrorCode;
  readonly message: string;
  readonly messageJa: string;
}

/**
 * Parsed notices as UTF-8 JSON of {@link PACK_ROWS} rows per chunk: bytes cross the thread boundary
 * as a memcpy, where 125,000 cloned objects (or large Japanese strings) stall the receiving event
 * loop for 0.2–0.5 s; the receiver decodes a chunk at a time.
 */
export interface PackedNotices {
  readonly encoding: Extract<PaymentNoticeImport, { ok: true }>["encoding"];
  readonly chunks: readonly Uint8Array[];
}

/** The envelope a worker answers with. */
export type TreasuryTaskResult =
  | { readonly ok: true; readonly value: TreasuryTaskOutput[TreasuryTask["op"]] }
  | { readonly ok: true; readonly packed: PackedNotices }
  | { readonly ok: false; readonly failure: TreasuryFailure };

/** Rows per packed chunk: decoding this many rows takes about 10 ms. */
export const PACK_ROWS = 2_000;

/**
 * Packs a worker's answer for the trip back: accepted notice files as {@link PackedNotices}.
 *
 * @example
 * packResult(await runTreasuryTask(task)); // => { ok: true, packed: { encoding: "utf-8", chunks: [...] } }
 */
export function packResult(result: TreasuryTaskResult): TreasuryTaskResult {
  if (!result.ok || !("value" in result)) return result;
  const value = result.value;
  if (value instanceof Uint8Array || !("notices" in value) || !value.ok) return result;
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < value.notices.length; i += PACK_ROWS) {
    chunks.push(encoder.encode(JSON.stringify(value.notices.slice(i, i + PACK_ROWS))));
  }
  return { ok: true, packed: { encoding: value.encoding, chunks } };
}

/**
 * Unpacks {@link PackedNotices} a chunk at a time, yielding to the event loop between chunks.
 *
 * @example
 * const parsed = await unpackNotices(result.packed); // => { ok: true, notices: [...], encoding: "utf-8" }
 */
export async function unpackNotices(packed: PackedNotices): Promise<PaymentNoticeImport> {
  const decoder = new TextDecoder();
  const notices: ImportedPaymentNotice[] = [];
  for (const chunk of packed.chunks) {
    for (const notice of JSON.parse(decoder.decode(chunk)) as ImportedPaymentNotice[]) notices.push(notice);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { ok: true, notices, encoding: packed.encoding };
}

async function perform(task: TreasuryTask): Promise<TreasuryTaskOutput[TreasuryTask["op"]]> {
  switch (task.op) {
    case "parse-notices":
      return parsePaymentNotices(task.bytes, {
        ...(task.fiscalYear !== undefined ? { fiscalYear: task.fiscalYear } : {}),
        ...(task.today !== undefined ? { today: task.today } : {}),
      });
    case "parse-orders":
      return parsePaymentOrdersCsv(task.bytes);
    case "parse-applications":
      return parseTransferApplicationsCsv(task.bytes);
    case "parse-failed-transfers":
      return parseFailedTransfersCsv(task.bytes);
    // Document writers load exceljs / the PDF stack on first use, so a worker that only parses starts fast.
    case "tally-workbook":
      return (await import("../reports/tally-workbook.js")).writeTallyWorkbook(task.notices, task.options);
    case "report-workbook":
      return (await import("../reports/report-files.js")).writeReportWorkbook(task.report);
    case "report-pdf":
      return (await import("../reports/report-files.js")).writeReportPdf(task.report);
    case "advice-workbook":
      return (await import("../reports/payment-advice-report.js")).writePaymentAdviceWorkbook(task.list);
    case "advice-letters":
      return (await import("../letters/payment-advice-letters.js")).writePaymentAdviceLetters(task.list);
    case "registration-letter":
      return (await import("../letters/registration-letter.js")).writeRegistrationLetter(task.creditor, {
        date: task.date,
      });
  }
}

/**
 * Runs one {@link TreasuryTask} where it is called (a worker thread, or the CLI's own thread); a
 * `TreasuryError` comes back as data so its code and Japanese message survive the thread boundary.
 *
 * @example
 * const result = await runTreasuryTask({ op: "parse-orders", bytes }); // => { ok: true, value: { ok: true, rows: [...] } }
 */
export async function runTreasuryTask(task: TreasuryTask): Promise<TreasuryTaskResult> {
  try {
    return { ok: true, value: await perform(task) };
  } catch (error) {
    if (error instanceof TreasuryError) {
      return { ok: false, failure: { code: error.code, message: error.message, messageJa: error.messageJa } };
    }
    throw error;
  }
}

/** The `TreasuryError` a {@link TreasuryFailure} describes, rebuilt on the calling thread. */
export function rethrown(failure: TreasuryFailure): TreasuryError {
  return new TreasuryError(failure.code, failure.message.replace(/^@ward\/treasury: /, ""), {
    messageJa: failure.messageJa,
  });
}
