import { randomUUID } from "node:crypto";
import {
  type Actor,
  type AuditActor,
  appendAudit,
  PlatformError,
  putFile,
  readFile,
  SYSTEM,
} from "@ward/platform";
import type { Transaction } from "kysely";
import {
  createBm25Index,
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
  /** Starts processing queued files if idle (returns at once). */
  kick(): void;
  /** Resolves when nothing is queued or running. */
  idle(): Promise<void>;
  /** Puts files left `running` by a crash back in the queue and starts processing. */
  recover(): Promise<void>;
}

/** Options of {@link createIngestionQueue}: the parser and a hook inside the commit (tests). */
export interface IngestionOptions {
  readonly prepare?: PrepareDocument;
  /** Called inside each file's transaction just before commit; throwing rolls the file back. */
  readonly beforeCommit?: (fileName: string) => void | Promise<void>;
}

type Trx = Transaction<import("@ward/platform").PlatformTables & SupportDeskTables>;

const BATCH = 200;
/** Texts per embeddings request. */
const EMBED_BATCH = 32;
const GENERIC_FAILURE = "取り込み中にエラーが発生しました。ファイルを確認して登録し直してください";

function failureMessage(fileName: string, error: unknown): string {
  if (error instanceof IngestError) return error.messageJa;
  return `${fileName}: ${GENERIC_FAILURE}`;
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
      await trx
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
        .execute();
    }
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
    await trx
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
      .execute();
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

async function auditActorOf(desk: Desk, userId: number | null): Promise<AuditActor> {
  if (userId === null) return { id: null, login: "system", sourceIp: null, requestId: null };
  const user = await desk.db
    .selectFrom("users")
    .select("login_id")
    .where("id", "=", userId)
    .executeTakeFirst();
  return { id: userId, login: user?.login_id ?? "unknown", sourceIp: null, requestId: null };
}

/**
 * The in-process ingestion worker. For each queued file: decrypt the original, parse and chunk it
 * with the folder's policy (outside any transaction), then in ONE transaction write the version,
 * its sections and chunk rows, drop the previous version's chunks, mark the file done and audit;
 * only after the commit is the in-memory index swapped with `replaceDocument`. A parser failure or
 * a crash before the commit leaves the previous version (or nothing) in storage and in the index.
 *
 * @example
 * ```ts
 * const queue = createIngestionQueue(desk);
 * await queue.recover(); // at start
 * queue.kick(); // after each enqueue
 * await queue.idle();
 * ```
 */
export function createIngestionQueue(desk: Desk, options: IngestionOptions = {}): IngestionQueue {
  const prepare = options.prepare ?? prepareDocument;
  let running: Promise<void> | undefined;

  async function processFile(fileId: number): Promise<void> {
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
        "j.kind",
        "j.folder_id",
        "j.created_by",
        "fo.chunk_size",
        "fo.chunk_overlap",
      ])
      .where("f.id", "=", fileId)
      .executeTakeFirstOrThrow();
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
    const actor = await auditActorOf(desk, file.created_by);
    try {
      const { data } = await readFile(desk.platform, SYSTEM, file.file_id);
      const prepared = await prepare(
        { bytes: data, fileName: file.file_name },
        { size: file.chunk_size, overlap: file.chunk_overlap },
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
      await desk.db.transaction().execute(async (trx) => {
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
        const scratch = createBm25Index();
        scratch.add(chunks);
        await trx.deleteFrom("support_desk_chunks").where("document_id", "=", documentId).execute();
        await insertBatched(
          trx,
          "support_desk_chunks",
          scratch.rows().map((r) => ({
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
        await options.beforeCommit?.(file.file_name);
      });
      desk.index.replaceDocument(documentId, chunks);
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
      desk.platform.logger.warn({ err: error, file: file.file_name }, "ingestion failed");
      const message =
        error instanceof PlatformError && error.code === "TARGET_DELETED"
          ? error.messageJa
          : failureMessage(file.file_name, error);
      await desk.db.transaction().execute(async (trx) => {
        await trx
          .updateTable("support_desk_job_files")
          .set({ status: "failed", error_ja: message })
          .where("id", "=", fileId)
          .execute();
        await appendAudit(
          trx,
          actor,
          {
            action: "document.ingest",
            targetType: "folder",
            targetId: file.folder_id,
            result: "failure",
            detail: { jobId: file.job_id, file: file.file_name, reason: message },
          },
          { clock: desk.platform.clock },
        );
      });
    }
    await finishJobIfDone(file.job_id);
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

  async function finishJobIfDone(jobId: number): Promise<void> {
    const files = await desk.db
      .selectFrom("support_desk_job_files")
      .select("status")
      .where("job_id", "=", jobId)
      .execute();
    if (files.some((f) => f.status === "queued" || f.status === "running")) return;
    await desk.db
      .updateTable("support_desk_jobs")
      .set({
        status: files.every((f) => f.status === "failed") ? "failed" : "done",
        finished_at: desk.platform.clock(),
      })
      .where("id", "=", jobId)
      .execute();
  }

  async function drain(): Promise<void> {
    for (;;) {
      const next = await desk.db
        .selectFrom("support_desk_job_files")
        .select("id")
        .where("status", "=", "queued")
        .orderBy("job_id")
        .orderBy("position")
        .limit(1)
        .executeTakeFirst();
      if (!next) return;
      await processFile(next.id);
    }
  }

  const queue: IngestionQueue = {
    kick() {
      if (running) return;
      running = drain()
        .catch((error: unknown) => desk.platform.logger.error({ err: error }, "ingestion worker stopped"))
        .finally(() => {
          running = undefined;
        });
    },
    async idle() {
      while (running) await running;
    },
    async recover() {
      await desk.db
        .updateTable("support_desk_job_files")
        .set({ status: "queued" })
        .where("status", "=", "running")
        .execute();
      queue.kick();
    },
  };
  return queue;
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
