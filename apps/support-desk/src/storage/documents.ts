import {
  type Actor,
  appendAudit,
  type ErasureRecord,
  eraseFile,
  PlatformError,
  type ReclaimReport,
  reclaimErasedSpace,
} from "@ward/platform";
import { type Locator, parseLocator } from "../domain/index.js";
import { tombstoneCitedExcerpts } from "./chat.js";
import type { Desk } from "./desk.js";
import { requireFolder } from "./folders.js";
import type { SupportDeskDb } from "./schema.js";

/** A current document as folder pages list it. */
export interface DocumentSummary {
  readonly id: string;
  readonly name: string;
  readonly version: number;
  readonly kind: string;
  readonly updatedAt: Date;
  readonly pagesWithoutText: readonly number[];
  /** Dense retrieval was on but the embeddings server failed at ingestion: found lexically only. */
  readonly vectorsMissing: boolean;
}

/**
 * The current documents of a folder.
 *
 * @example
 * ```ts
 * (await listDocuments(desk, folder.id)).map((d) => d.name); // ["窓口案内.pdf"]
 * ```
 */
export async function listDocuments(desk: Desk, folderId: number): Promise<DocumentSummary[]> {
  const rows = await desk.db
    .selectFrom("support_desk_documents as d")
    .innerJoin("support_desk_versions as v", "v.id", "d.current_version_id")
    .select([
      "d.id",
      "d.name",
      "v.version",
      "v.kind",
      "d.updated_at",
      "v.pages_without_text",
      "v.vectors_missing",
    ])
    .where("d.folder_id", "=", folderId)
    .where("d.deleted_at", "is", null)
    .orderBy("d.name")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    version: r.version,
    kind: r.kind,
    updatedAt: r.updated_at,
    pagesWithoutText: JSON.parse(r.pages_without_text) as number[],
    vectorsMissing: r.vectors_missing,
  }));
}

/**
 * The folder of a document, current or deleted (no right is checked: callers check it next).
 *
 * @example
 * ```ts
 * await documentFolderId(desk, id); // 3
 * ```
 */
export async function documentFolderId(desk: Desk, documentId: string): Promise<number | undefined> {
  const row = await desk.db
    .selectFrom("support_desk_documents")
    .select("folder_id")
    .where("id", "=", documentId)
    .executeTakeFirst();
  return row?.folder_id;
}

/** A deleted document whose original files are still kept (encrypted) until erasure. */
export interface DeletedDocumentSummary {
  readonly id: string;
  readonly name: string;
  readonly deletedAt: Date;
  /** Versions whose original file is not erased yet. */
  readonly keptFiles: number;
}

/**
 * The deleted documents of a folder whose originals can still be erased, newest deletion first.
 *
 * @example
 * ```ts
 * (await listDeletedDocuments(desk, folder.id))[0]?.keptFiles; // 2
 * ```
 */
export async function listDeletedDocuments(desk: Desk, folderId: number): Promise<DeletedDocumentSummary[]> {
  const rows = await desk.db
    .selectFrom("support_desk_documents as d")
    .innerJoin("support_desk_versions as v", "v.document_id", "d.id")
    .innerJoin("files as f", "f.id", "v.file_id")
    .select(["d.id", "d.name", "d.deleted_at", (eb) => eb.fn.countAll<string>().as("kept")])
    .where("d.folder_id", "=", folderId)
    .where("d.deleted_at", "is not", null)
    .where("f.erased_at", "is", null)
    .groupBy(["d.id", "d.name", "d.deleted_at"])
    .orderBy("d.deleted_at", "desc")
    .limit(100)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    deletedAt: r.deleted_at ?? new Date(0),
    keptFiles: Number(r.kept),
  }));
}

/**
 * A current document and the actor's right on its folder (at least `needed`).
 *
 * @throws PlatformError `NOT_FOUND` (also when the actor may not read its folder), `FORBIDDEN`
 * @example
 * ```ts
 * const { document, folder } = await requireDocument(desk, actor, id, "read");
 * ```
 */
export async function requireDocument(
  desk: Desk,
  actor: Actor,
  documentId: string,
  needed: "read" | "write",
) {
  const document = await desk.db
    .selectFrom("support_desk_documents as d")
    .innerJoin("support_desk_versions as v", "v.id", "d.current_version_id")
    .select([
      "d.id",
      "d.name",
      "d.folder_id",
      "v.id as version_id",
      "v.version",
      "v.kind",
      "v.file_id",
      "v.file_name",
      "v.created_at as version_created_at",
    ])
    .where("d.id", "=", documentId)
    .where("d.deleted_at", "is", null)
    .executeTakeFirst();
  if (!document) throw new PlatformError("NOT_FOUND", { message: `document ${documentId}` });
  const { folder, access } = await requireFolder(desk, actor, document.folder_id, needed);
  return { document, folder, access };
}

/**
 * The stored sections of a document version, in order (the viewer renders them).
 *
 * @example
 * ```ts
 * const sections = await versionSections(desk, document.version_id); // [{ locator: { kind: "page", page: 1 }, text }]
 * ```
 */
export async function versionSections(
  desk: Desk,
  versionId: number,
): Promise<Array<{ locator: Locator; text: string }>> {
  const rows = await desk.db
    .selectFrom("support_desk_sections")
    .select(["locator", "text"])
    .where("version_id", "=", versionId)
    .orderBy("ordinal")
    .execute();
  return rows.map((r) => ({ locator: parseLocator(JSON.parse(r.locator)), text: r.text }));
}

/** The tables that hold a document's text or quotes of it: rewritten after a deletion. */
export const DOCUMENT_TEXT_TABLES = [
  "support_desk_sections",
  "support_desk_chunks",
  "support_desk_search_chunks",
  "support_desk_search_terms",
  "support_desk_chunk_vectors",
  "support_desk_messages",
  "support_desk_threads",
] as const;

/** What a deletion or erasure removed; counts only, so audit records never carry the text. */
export interface DocumentRemoval {
  readonly sections: number;
  readonly chunks: number;
  readonly messages: number;
  readonly threads: number;
  /** How the freed space was made unrecoverable (see SECURITY.md). */
  readonly reclaim: ReclaimReport;
}

// Deletes every stored copy of a document's text (sections and chunks of every version, their
// vectors by cascade) and tombstones what chat history quoted of it.
async function removeDocumentText(trx: SupportDeskDb, documentId: string) {
  const versionIds = (
    await trx.selectFrom("support_desk_versions").select("id").where("document_id", "=", documentId).execute()
  ).map((v) => v.id);
  const sections =
    versionIds.length === 0
      ? []
      : await trx
          .selectFrom("support_desk_sections")
          .select("text")
          .where("version_id", "in", versionIds)
          .execute();
  const chunks = await trx
    .selectFrom("support_desk_chunks")
    .select("text")
    .where("document_id", "=", documentId)
    .execute();
  const tombstoned = await tombstoneCitedExcerpts(trx, documentId, [
    ...sections.map((r) => r.text),
    ...chunks.map((r) => r.text),
  ]);
  await trx.deleteFrom("support_desk_chunks").where("document_id", "=", documentId).execute();
  if (versionIds.length > 0) {
    await trx.deleteFrom("support_desk_sections").where("version_id", "in", versionIds).execute();
  }
  return { sections: sections.length, chunks: chunks.length, ...tombstoned };
}

// The in-process index's snapshot file holds chunk text too: it is rewritten at once, not in 30 s.
async function forgetDocument(desk: Desk, documentId: string, applyToIndex: () => void): Promise<void> {
  applyToIndex();
  desk.dense?.index.removeDocument(documentId);
  desk.documents.delete(documentId);
  await desk.search.flush();
}

/**
 * Deletes a document (needs write on its folder): its sections, chunks and vectors leave storage
 * and the indexes, what chat history quoted of it becomes 「（削除された文書の引用）」, the document
 * is marked deleted (versions and encrypted originals stay until {@link eraseDocument}), audited
 * in the same transaction; then the touched tables are rewritten and the WAL retired
 * (`reclaimErasedSpace`), so the text is gone from the data files too.
 *
 * @throws PlatformError `NOT_FOUND`, `FORBIDDEN`
 * @example
 * ```ts
 * (await deleteDocument(desk, actor, id)).chunks; // 12
 * ```
 */
export async function deleteDocument(desk: Desk, actor: Actor, documentId: string): Promise<DocumentRemoval> {
  const { document } = await requireDocument(desk, actor, documentId, "write");
  const { removed, applyToIndex } = await desk.db.transaction().execute(async (trx) => {
    const removed = await removeDocumentText(trx, documentId);
    await trx
      .updateTable("support_desk_documents")
      .set({ deleted_at: desk.platform.clock(), updated_at: desk.platform.clock() })
      .where("id", "=", documentId)
      .execute();
    await appendAudit(
      trx,
      actor,
      {
        action: "document.delete",
        targetType: "document",
        targetId: documentId,
        detail: { name: document.name, folderId: document.folder_id, version: document.version, removed },
      },
      { clock: desk.platform.clock },
    );
    return { removed, applyToIndex: await desk.search.stage(trx, documentId, []) };
  });
  await forgetDocument(desk, documentId, applyToIndex);
  const reclaim = await reclaimErasedSpace(desk.platform, DOCUMENT_TEXT_TABLES);
  return { ...removed, reclaim };
}

/**
 * Erases a document, current or already deleted (needs write on its folder): everything
 * {@link deleteDocument} removes, plus the crypto-erasure of the original file of every version
 * (one erasure record each, for certificates), in one transaction; then the touched tables and
 * `files` are rewritten and the WAL retired. Backups and WAL archives are the operator's to purge.
 *
 * @param options - `reason`: why (kept in the erasure records, 1–200 characters)
 * @returns the erasure records and what was removed
 * @throws PlatformError `NOT_FOUND`, `FORBIDDEN`, `VALIDATION_FAILED` (no reason)
 * @example
 * ```ts
 * const { erasures } = await eraseDocument(desk, actor, id, { reason: "保存期間満了" });
 * ```
 */
export async function eraseDocument(
  desk: Desk,
  actor: Actor,
  documentId: string,
  options: { readonly reason: string },
): Promise<DocumentRemoval & { erasures: ErasureRecord[] }> {
  const document = await desk.db
    .selectFrom("support_desk_documents")
    .select(["id", "name", "folder_id", "deleted_at"])
    .where("id", "=", documentId)
    .executeTakeFirst();
  if (!document) throw new PlatformError("NOT_FOUND", { message: `document ${documentId}` });
  await requireFolder(desk, actor, document.folder_id, "write");
  const reason = options.reason.trim();
  if (reason.length === 0 || reason.length > 200) {
    throw new PlatformError("VALIDATION_FAILED", {
      message: "erasure reason",
      issues: [{ path: "reason", message: "消去の理由を200文字以内で入力してください" }],
    });
  }
  const result = await desk.db.transaction().execute(async (trx) => {
    const removed = await removeDocumentText(trx, documentId);
    const now = desk.platform.clock();
    await trx
      .updateTable("support_desk_documents")
      .set({ deleted_at: document.deleted_at ?? now, updated_at: now })
      .where("id", "=", documentId)
      .execute();
    const files = await trx
      .selectFrom("support_desk_versions as v")
      .innerJoin("files as f", "f.id", "v.file_id")
      .select(["f.id"])
      .where("v.document_id", "=", documentId)
      .where("f.erased_at", "is", null)
      .orderBy("v.version")
      .execute();
    const erasures: ErasureRecord[] = [];
    for (const file of files) {
      // The folder right was checked above; the file's department need not be the actor's.
      erasures.push(
        await eraseFile(desk.platform, actor, file.id, { reason, db: trx, authorize: () => true }),
      );
    }
    await appendAudit(
      trx,
      actor,
      {
        action: "document.erase",
        targetType: "document",
        targetId: documentId,
        detail: {
          name: document.name,
          folderId: document.folder_id,
          reason,
          files: erasures.map((e) => e.fileId),
          removed,
        },
      },
      { clock: desk.platform.clock },
    );
    return { ...removed, erasures, applyToIndex: await desk.search.stage(trx, documentId, []) };
  });
  const { applyToIndex, ...erased } = result;
  await forgetDocument(desk, documentId, applyToIndex);
  const reclaim = await reclaimErasedSpace(desk.platform, [...DOCUMENT_TEXT_TABLES, "files"]);
  return { ...erased, reclaim };
}
