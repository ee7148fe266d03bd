import { randomUUID } from "node:crypto";
import {
  type Actor,
  type AnyDb,
  type AuditActor,
  appendAudit,
  type ClaimedJob,
  enqueueJob,
  expireLeases,
  type FailedJob,
  isPlatformError,
  type JobContext,
  type JobErrorVerdict,
  PlatformError,
  putFile,
  readFile,
  SYSTEM,
  startJobRunner,
} from "@ward/platform";
import type { Transaction } from "kysely";
import {
  type Bm25Row,
  type EmbeddedChunk,
  encodeVector,
  type IndexedChunk,
  IngestError,
} from "../domain/index.js";
import type { Desk } from "./desk.js";
import { requireDocument } from "./documents.js";
import { requireFolder } from "./folders.js";
import { type PrepareDocument, prepareDocument } from "./prepare-document.js";
import type { JobStatus, SupportDeskTables } from "./schema.js";

/** An ingestion job and the state of each of its files. */
export interface JobView {
  readonly id: number;
  readonly folderId: number;
  readonly kind: "upload" | "replace" | "rechunk";
  readonly status: JobStatus;
  readonly total: number;
  readonly finished: number;
  readonly files: ReadonlyArray<{
    readonly fileName: string;
    readonly status: JobStatus;
    readonly documentId: string | null;
    readonly errorJa: string | null;
    readonly noticeJa: string | null;
  }>;
}

/** The background worker that turns queued files into indexed document versions, one at a time. */
export interface IngestionQueue {
  /** Looks for queued files now (returns at once). */
  kick(): void;
  /** Resolves when this instance has nothing running and finds nothing it may claim. */
  idle(): Promise<void>;
  /**
   * At start: on embedded PGlite (one process owns the data), files left `running` by a crash
   * may be claimed at once; on PostgreSQL they wait for their lease to expire. Then processes.
   */
  recover(): Promise<void>;
  /** Stops claiming; files being processed go back to the queue. */
  stop(): Promise<void>;
}

/** The platform job queue the desk's file ingestion uses. */
export const INGEST_QUEUE = "support-desk.ingest";
/** Attempts of one file (a crash or time-out counts) before it ends 失敗. */
export const INGEST_MAX_ATTEMPTS = 3;

/** Tuning of the ingestion jobs (tests shorten them). */
export interface IngestionJobSettings {
  /** Lease of a claimed file; default 60,000 ms (renewed while it runs). */
  readonly leaseMs?: number;
  /** How often to look for work from other instances or expired leases; default 2,000 ms. */
  readonly pollMs?: number;
  /** Wait before a timed-out or crashed file is tried again; default 5,000 ms. */
  readonly retryDelayMs?: number;
}

/** Options of {@link createIngestionQueue}: the parser, a hook inside the commit (tests), job tuning. */
export interface IngestionOptions {
  /** Parses, chunks and tokenises a file; the desk passes its worker pool's. */
  readonly prepare?: PrepareDocument;
  /** Called inside each file's transaction just before commit; throwing rolls the file back. */
  readonly beforeCommit?: (fileName: string) => void | Promise<void>;
  readonly jobs?: IngestionJobSettings;
}

interface IngestPayload {
  readonly jobFileId: number;
}

type Trx = Transaction<import("@ward/platform").PlatformTables & SupportDeskTables>;

const BATCH = 200;
/** Texts per embeddings request. */
const EMBED_BATCH = 32;
const GENERIC_FAILURE = "取り込み中にエラーが発生しました。ファイルを確認して登録し直してください";
/** Worker failures worth another attempt: the next one may get a fresh worker or less load. */
const RETRYABLE = ["WORK_TIMEOUT", "WORK_OUT_OF_MEMORY", "WORK_CRASHED", "SERVER_BUSY"] as const;

/** A file's attempt that failed, with the clerk's reason and whether trying again can help. */
class FileAttemptError extends Error {
  readonly messageJa: string;
  readonly permanent: boolean;
  constructor(fileName: string, cause: unknown) {
    super(`@ward/support-desk: ${fileName}: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
    const retryable = RETRYABLE.find((code) => isPlatformError(cause, code));
    this.permanent = retryable === undefined;
    this.messageJa =
      cause instanceof IngestError
        ? cause.messageJa
        : isPlatformError(cause, "TARGET_DELETED")
          ? cause.messageJa
          : retryable && isPlatformError(cause)
            ? `${fileName}: ${cause.messageJa}`
            : `${fileName}: ${GENERIC_FAILURE}`;
  }
}

function classify(error: unknown): JobErrorVerdict {
  if (error instanceof FileAttemptError) return { permanent: error.permanent, messageJa: error.messageJa };
  return { permanent: true, messageJa: GENERIC_FAILURE };
}

// Platform job ids of new job files, in their order (the queue claims by id).
async function enqueueFiles(trx: Trx, fileIds: readonly number[]): Promise<void> {
  for (const id of fileIds) {
    const queueJobId = await enqueueJob(trx as unknown as AnyDb, {
      queue: INGEST_QUEUE,
      payload: { jobFileId: id } satisfies IngestPayload,
      maxAttempts: INGEST_MAX_ATTEMPTS,
    });
    await trx
      .updateTable("support_desk_job_files")
      .set({ queue_job_id: queueJobId })
      .where("id", "=", id)
      .execute();
  }
}

// A queued job of the actor on a folder (its files are inserted by the caller).
function insertJob(trx: Trx, desk: Desk, actor: Actor, job: { folderId: number; kind: JobView["kind"] }) {
  return trx
    .insertInto("support_desk_jobs")
    .values({
      folder_id: job.folderId,
      kind: job.kind,
      status: "queued",
      created_by: actor.user?.id ?? null,
      created_at: desk.platform.clock(),
      finished_at: null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
}

/**
 * Stores uploaded originals in the encrypted file store and queues them as one job (needs write on
 * the folder); with `replaceDocumentId` the single file becomes that document's next version.
 * Everything (files, job, audit record) is one transaction.
 *
 * @throws PlatformError `NOT_FOUND`, `FORBIDDEN`, `VALIDATION_FAILED` (no file, or several for a replacement)
 * @example
 * ```ts
 * const jobId = await enqueueUpload(desk, actor, folder.id, [{ name: "手引き.pdf", contentType: "application/pdf", data }]);
 * queue.kick();
 * ```
 */
export async function enqueueUpload(
  desk: Desk,
  actor: Actor,
  folderId: number,
  files: ReadonlyArray<{ name: string; contentType: string; data: Uint8Array }>,
  options: { replaceDocumentId?: string } = {},
): Promise<number> {
  const { folder } = await requireFolder(desk, actor, folderId, "write");
  if (options.replaceDocumentId !== undefined) {
    const { document } = await requireDocument(desk, actor, options.replaceDocumentId, "write");
    if (document.folder_id !== folderId) throw new PlatformError("NOT_FOUND");
  }
  const present = files.filter((f) => f.data.byteLength > 0 || f.name !== "");
  if (present.length === 0 || (options.replaceDocumentId !== undefined && present.length !== 1)) {
    throw new PlatformError("VALIDATION_FAILED", {
      issues: [
        {
          path: "files",
          message: options.replaceDocumentId
            ? "差し替えるファイルを1つ選択してください。"
            : "ファイルを選択してください。",
        },
      ],
    });
  }
  const kind = options.replaceDocumentId === undefined ? "upload" : "replace";
  return desk.db.transaction().execute(async (trx) => {
    const job = await insertJob(trx, desk, actor, { folderId, kind });
    const fileIds: number[] = [];
    let position = 0;
    for (const file of present) {
      const stored = await putFile(
        desk.platform,
        actor,
        {
          name: file.name,
          contentType: file.contentType,
          data: file.data,
          departmentId: folder.departmentId,
        },
        { db: trx },
      );
      const row = await trx
        .insertInto("support_desk_job_files")
        .values({
          job_id: job.id,
          position: position++,
          file_name: stored.name,
          file_id: stored.id,
          document_id: options.replaceDocumentId ?? null,
          status: "queued",
          error_ja: null,
          notice_ja: null,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      fileIds.push(row.id);
    }
    await enqueueFiles(trx, fileIds);
    await appendAudit(
      trx,
      actor,
      {
        action: kind === "upload" ? "document.upload" : "document.replace_upload",
        targetType: "folder",
        targetId: folderId,
        detail: {
          jobId: job.id,
          files: present.map((f) => f.name),
          ...(options.replaceDocumentId ? { documentId: options.replaceDocumentId } : {}),
        },
      },
      { clock: desk.platform.clock },
    );
    return job.id;
  });
}

/**
 * Queues every current document of a folder for re-chunking with the folder's new policy, as one
 * job (each document gets a new version from its stored original).
 *
 * @example
 * ```ts
 * const jobId = await enqueueRechunk(desk, actor, folder.id); // null when the folder is empty
 * ```
 */
export async function enqueueRechunk(desk: Desk, actor: Actor, folderId: number): Promise<number | null> {
  await requireFolder(desk, actor, folderId, "manage");
  const docs = await desk.db
    .selectFrom("support_desk_documents as d")
    .innerJoin("support_desk_versions as v", "v.id", "d.current_version_id")
    .select(["d.id", "v.file_id", "v.file_name"])
    .where("d.folder_id", "=", folderId)
    .where("d.deleted_at", "is", null)
    .execute();
  if (docs.length === 0) return null;
  return desk.db.transaction().execute(async (trx) => {
    const job = await insertJob(trx, desk, actor, { folderId, kind: "rechunk" });
    const rows = await trx
      .insertInto("support_desk_job_files")
      .values(
        docs.map((d, i) => ({
          job_id: job.id,
          position: i,
          file_name: d.file_name,
          file_id: d.file_id,
          document_id: d.id,
          status: "queued" as const,
          error_ja: null,
          notice_ja: null,
        })),
      )
      .returning("id")
      .execute();
    await enqueueFiles(
      trx,
      rows.map((r) => r.id).sort((a, b) => a - b),
    );
    await appendAudit(
      trx,
      actor,
      { action: "document.rechunk", targetType: "folder", targetId: folderId, detail: { jobId: job.id } },
      { clock: desk.platform.clock },
    );
    return job.id;
  });
}

/**
 * A job with per-file status, or undefined.
 *
 * @example
 * ```ts
 * const job = await getJob(desk, jobId); // { status: "done", total: 3, finished: 3, files: [...] }
 * ```
 */
export async function getJob(desk: Desk, jobId: number): Promise<JobView | undefined> {
  const job = await desk.db
    .selectFrom("support_desk_jobs")
    .selectAll()
    .where("id", "=", jobId)
    .executeTakeFirst();
  if (!job) return undefined;
  const files = await desk.db
    .selectFrom("support_desk_job_files")
    .selectAll()
    .where("job_id", "=", jobId)
    .orderBy("position")
    .execute();
  return {
    id: job.id,
    folderId: job.folder_id,
    kind: job.kind,
    status: job.status,
    total: files.length,
    finished: files.filter((f) => f.status === "done" || f.status === "failed").length,
    files: files.map((f) => ({
      fileName: f.file_name,
      status: f.status,
      documentId: f.document_id,
      errorJa: f.error_ja,
      noticeJa: f.notice_ja,
    })),
  };
}

// `db` may be a transaction: on PGlite (one connection) a query beside an open transaction waits forever.
async function auditActorOf(db: Desk["db"] | Trx, userId: number | null): Promise<AuditActor> {
  if (userId === null) return { id: null, login: "system", sourceIp: null, requestId: null };
  const user = await db.selectFrom("users").select("login_id").where("id", "=", userId).executeTakeFirst();
  return { id: userId, login: user?.login_id ?? "unknown", sourceIp: null, requestId: null };
}

/**
 * The ingestion worker on the platform's durable job queue: each queued file is a job that any
 * instance may claim. For each file: decrypt the original, parse, chunk and tokenise it with the
 * folder's policy (through `prepare`, the desk's worker pool: time and memory limits), fetch
 * embeddings, then in ONE transaction that also checks the claim and marks the job done, write the
 * version, its sections and chunk rows, drop the previous version's chunks, stage the index change (the
 * database index writes in the transaction), mark the file done and audit; only after the commit
 * is the in-process index swapped. A parser failure or a crash before
 * the commit leaves the previous version (or nothing) in storage and in the index. A file that
 * times out or crashes its worker is tried again, {@link INGEST_MAX_ATTEMPTS} times at most
 * (a crash of the whole process counts too), then ends 失敗 with a Japanese reason.
 *
 * @example
 * ```ts
 * const queue = createIngestionQueue(desk, { prepare: workers.prepare });
 * await queue.recover(); // at start
 * queue.kick(); // after each enqueue
 * await queue.idle();
 * ```
 */
export function createIngestionQueue(desk: Desk, options: IngestionOptions = {}): IngestionQueue {
  const prepare = options.prepare ?? prepareDocument;
  const db = desk.db as unknown as AnyDb;

  async function processFile(job: ClaimedJob<IngestPayload>, context: JobContext): Promise<void> {
    const fileId = job.payload.jobFileId;
    const file = await desk.db
      .selectFrom("support_desk_job_files as f")
      .innerJoin("support_desk_jobs as j", "j.id", "f.job_id")
      .innerJoin("support_desk_folders as fo", "fo.id", "j.folder_id")
      .select([
        "f.id",
        "f.job_id",
        "f.file_name",
        "f.file_id",
        "f.document_id",
        "f.status",
        "j.kind",
        "j.folder_id",
        "j.created_by",
        "fo.chunk_size",
        "fo.chunk_overlap",
      ])
      .where("f.id", "=", fileId)
      .executeTakeFirst();
    // The file's row is gone or already settled: nothing to do, the job completes empty.
    if (!file || file.status === "done" || file.status === "failed") return;
    await desk.db
      .updateTable("support_desk_job_files")
      .set({ status: "running" })
      .where("id", "=", fileId)
      .execute();
    await desk.db
      .updateTable("support_desk_jobs")
      .set({ status: "running" })
      .where("id", "=", file.job_id)
      .where("status", "=", "queued")
      .execute();
    const actor = await auditActorOf(desk.db, file.created_by);
    try {
      const { data } = await readFile(desk.platform, SYSTEM, file.file_id);
      const prepared = await prepare(
        { bytes: data, fileName: file.file_name },
        { size: file.chunk_size, overlap: file.chunk_overlap },
        { signal: context.signal },
      );
      if (prepared.chunks.length === 0) {
        throw new IngestError({ code: "EMPTY_FILE", fileName: file.file_name, detail: "no text" });
      }
      const documentId = file.document_id ?? randomUUID();
      const name = file.kind === "rechunk" ? undefined : file.file_name;
      // Embeddings are fetched outside the transaction; a failing server leaves the file lexical-only.
      const embeddings = await embedChunks(
        prepared.chunks.map((c) => c.text),
        file.file_name,
      );
      let chunks: IndexedChunk[] = [];
      let rows: Bm25Row[] = [];
      let applyToIndex: () => void = () => undefined;
      await context.complete(async (anyTrx) => {
        const trx = anyTrx as Trx;
        const existing = await trx
          .selectFrom("support_desk_documents")
          .select(["name", "deleted_at"])
          .where("id", "=", documentId)
          .forUpdate()
          .executeTakeFirst();
        if (file.document_id !== null && (!existing || existing.deleted_at !== null)) {
          throw new PlatformError("TARGET_DELETED", {
            messageJa: `${file.file_name}: 差し替え先の文書は削除されています`,
          });
        }
        const now = desk.platform.clock();
        if (!existing) {
          await trx
            .insertInto("support_desk_documents")
            .values({
              id: documentId,
              folder_id: file.folder_id,
              name: name ?? file.file_name,
              current_version_id: null,
              created_at: now,
              updated_at: now,
              deleted_at: null,
            })
            .execute();
        }
        const last = await trx
          .selectFrom("support_desk_versions")
          .select((eb) => eb.fn.max("version").as("v"))
          .where("document_id", "=", documentId)
          .executeTakeFirst();
        const version = Number(last?.v ?? 0) + 1;
        const versionRow = await trx
          .insertInto("support_desk_versions")
          .values({
            document_id: documentId,
            version,
            file_id: file.file_id,
            file_name: file.file_name,
            kind: prepared.kind,
            section_count: prepared.sections.length,
            pages_without_text: JSON.stringify(prepared.pagesWithoutText),
            vectors_missing: desk.dense !== undefined && embeddings === undefined,
            created_by: file.created_by,
            created_at: now,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        await insertBatched(
          trx,
          "support_desk_sections",
          prepared.sections.map((s, i) => ({
            version_id: versionRow.id,
            ordinal: i,
            locator: JSON.stringify(s.locator),
            text: s.text,
          })),
        );
        chunks = prepared.chunks.map((c) => ({
          chunkId: `${documentId}:${versionRow.id}:${c.ordinal}`,
          documentId,
          folderId: String(file.folder_id),
          ordinal: c.ordinal,
          text: c.text,
          locator: c.locator,
        }));
        // Terms come from the worker: the event loop never tokenises a whole document.
        rows = chunks.map((c, i) => ({ ...c, terms: prepared.terms[i] ?? "" }));
        await trx.deleteFrom("support_desk_chunks").where("document_id", "=", documentId).execute();
        await insertBatched(
          trx,
          "support_desk_chunks",
          rows.map((r) => ({
            chunk_id: r.chunkId,
            document_id: documentId,
            version_id: versionRow.id,
            folder_id: file.folder_id,
            ordinal: r.ordinal,
            text: r.text,
            locator: JSON.stringify(r.locator),
            terms: r.terms,
          })),
        );
        if (desk.dense && embeddings) {
          const model = desk.dense.model;
          await insertBatched(
            trx,
            "support_desk_chunk_vectors",
            chunks.map((c, i) => {
              const vector = embeddings[i] ?? [];
              return { chunk_id: c.chunkId, model, dimensions: vector.length, vector: encodeVector(vector) };
            }),
          );
        }
        await trx
          .updateTable("support_desk_documents")
          .set({ current_version_id: versionRow.id, updated_at: now, ...(name ? { name } : {}) })
          .where("id", "=", documentId)
          .execute();
        const notices = [
          ...(prepared.pagesWithoutText.length > 0
            ? [
                `${file.file_name}: ${prepared.pagesWithoutText.join("、")}ページは文字情報がない（画像のみの）ため検索できません。OCR処理をしたPDFを登録してください。`,
              ]
            : []),
          ...(desk.dense !== undefined && embeddings === undefined
            ? [`${file.file_name}: 意味検索用のベクトルを作成できなかったため、語句検索のみの対象です。`]
            : []),
        ];
        const notice = notices.length > 0 ? notices.join("\n") : null;
        await trx
          .updateTable("support_desk_job_files")
          .set({ status: "done", document_id: documentId, notice_ja: notice })
          .where("id", "=", fileId)
          .execute();
        await appendAudit(
          trx,
          actor,
          {
            action: existing
              ? file.kind === "rechunk"
                ? "document.rechunk_version"
                : "document.replace"
              : "document.create",
            targetType: "document",
            targetId: documentId,
            detail: {
              name: name ?? existing?.name ?? file.file_name,
              version,
              fileId: file.file_id,
              chunks: chunks.length,
              folderId: file.folder_id,
            },
          },
          { clock: desk.platform.clock },
        );
        await finishJobIfDone(trx, file.job_id);
        // The rows carry the worker's terms, so neither index tokenises on the event loop.
        applyToIndex = await desk.search.stage(trx, documentId, rows);
        await options.beforeCommit?.(file.file_name);
      });
      applyToIndex();
      if (desk.dense) {
        const embedded: EmbeddedChunk[] = embeddings
          ? chunks.map((c, i) => ({ ...c, embedding: embeddings[i] ?? [] }))
          : [];
        desk.dense.index.replaceDocument(documentId, embedded);
      }
      desk.documents.set(documentId, {
        name: name ?? desk.documents.get(documentId)?.name ?? file.file_name,
        folderId: file.folder_id,
      });
    } catch (error) {
      // A claim lost to another instance is the runner's business, not a failure of the file.
      if (isPlatformError(error, "CONFLICT") && context.signal.aborted) throw error;
      desk.platform.logger.warn(
        { err: error, file: file.file_name, attempt: job.attempt, of: job.maxAttempts },
        "ingestion attempt failed",
      );
      throw new FileAttemptError(file.file_name, error);
    }
  }

  // Runs in the transaction that ends the platform job 失敗: the file says why, the job may finish.
  async function fileFailed(job: FailedJob<IngestPayload>, anyTrx: AnyDb): Promise<void> {
    const trx = anyTrx as Trx;
    const file = await trx
      .selectFrom("support_desk_job_files as f")
      .innerJoin("support_desk_jobs as j", "j.id", "f.job_id")
      .select(["f.id", "f.job_id", "f.file_name", "j.folder_id", "j.created_by"])
      .where("f.id", "=", job.payload.jobFileId)
      .executeTakeFirst();
    if (!file) return;
    const prefix = `${file.file_name}: `;
    const message = job.messageJa.startsWith(prefix) ? job.messageJa : `${prefix}${job.messageJa}`;
    await trx
      .updateTable("support_desk_job_files")
      .set({ status: "failed", error_ja: message })
      .where("id", "=", file.id)
      .execute();
    await appendAudit(
      trx,
      await auditActorOf(trx, file.created_by),
      {
        action: "document.ingest",
        targetType: "folder",
        targetId: file.folder_id,
        result: "failure",
        detail: { jobId: file.job_id, file: file.file_name, reason: message, attempts: job.attempts },
      },
      { clock: desk.platform.clock },
    );
    await finishJobIfDone(trx, file.job_id);
  }

  async function embedChunks(texts: readonly string[], fileName: string): Promise<number[][] | undefined> {
    const dense = desk.dense;
    if (dense === undefined) return undefined;
    try {
      const vectors: number[][] = [];
      for (let i = 0; i < texts.length; i += EMBED_BATCH) {
        vectors.push(...(await dense.embed(texts.slice(i, i + EMBED_BATCH))));
      }
      const dimensions = dense.index.dimensions ?? vectors[0]?.length ?? 0;
      if (vectors.some((v) => v.length !== dimensions || dimensions === 0)) {
        throw new Error(`@ward/support-desk: embeddings of ${fileName} do not have ${dimensions} dimensions`);
      }
      return vectors;
    } catch (error) {
      desk.platform.logger.warn(
        { err: error, file: fileName },
        "embeddings failed; the document is indexed lexically only",
      );
      return undefined;
    }
  }

  async function finishJobIfDone(trx: Trx, jobId: number): Promise<void> {
    const files = await trx
      .selectFrom("support_desk_job_files")
      .select("status")
      .where("job_id", "=", jobId)
      .execute();
    if (files.some((f) => f.status === "queued" || f.status === "running")) return;
    await trx
      .updateTable("support_desk_jobs")
      .set({
        status: files.every((f) => f.status === "failed") ? "failed" : "done",
        finished_at: desk.platform.clock(),
      })
      .where("id", "=", jobId)
      .execute();
  }

  const settings = options.jobs ?? {};
  const runner = startJobRunner<IngestPayload>(db, {
    queue: INGEST_QUEUE,
    handler: processFile,
    onFailed: fileFailed,
    classify,
    leaseMs: settings.leaseMs ?? 60_000,
    pollMs: settings.pollMs ?? 2_000,
    retryDelayMs: settings.retryDelayMs ?? 5_000,
    logger: desk.platform.logger,
  });

  return {
    kick: () => runner.kick(),
    idle: () => runner.idle(),
    async recover() {
      if (desk.platform.kind === "pglite") await expireLeases(db, INGEST_QUEUE);
      runner.kick();
    },
    stop: () => runner.stop(),
  };
}

async function insertBatched<
  T extends "support_desk_sections" | "support_desk_chunks" | "support_desk_chunk_vectors",
>(trx: Trx, table: T, rows: ReadonlyArray<SupportDeskTables[T]>): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    await trx
      .insertInto(table)
      // biome-ignore lint/suspicious/noExplicitAny: rows are typed by the table parameter above
      .values(rows.slice(i, i + BATCH) as any)
      .execute();
  }
}
