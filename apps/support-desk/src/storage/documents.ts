import { type Actor, appendAudit, PlatformError } from "@ward/platform";
import { type Locator, parseLocator } from "../domain/index.js";
import type { Desk } from "./desk.js";
import { requireFolder } from "./folders.js";

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

/**
 * Deletes a document (needs write on its folder): its chunks leave storage and the index, the
 * document is marked deleted (versions and encrypted originals stay for the audit trail until
 * erasure), audited in the same transaction.
 *
 * @throws PlatformError `NOT_FOUND`, `FORBIDDEN`
 * @example
 * ```ts
 * await deleteDocument(desk, actor, id);
 * ```
 */
export async function deleteDocument(desk: Desk, actor: Actor, documentId: string): Promise<void> {
  const { document } = await requireDocument(desk, actor, documentId, "write");
  const applyToIndex = await desk.db.transaction().execute(async (trx) => {
    await trx.deleteFrom("support_desk_chunks").where("document_id", "=", documentId).execute();
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
        detail: { name: document.name, folderId: document.folder_id, version: document.version },
      },
      { clock: desk.platform.clock },
    );
    return desk.search.stage(trx, documentId, []);
  });
  applyToIndex();
  desk.dense?.index.removeDocument(documentId);
  desk.documents.delete(documentId);
}
