import { type Actor, appendAudit, PlatformError } from "@ward/platform";
import {
  type Bm25Index,
  createBm25Index,
  createVectorIndex,
  decodeVector,
  type Locator,
  parseLocator,
  type VectorIndex,
} from "../domain/index.js";
import type { Desk, DocumentEntry } from "./desk.js";
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
 * Builds the in-memory indexes from the stored chunk rows (terms are stored, so nothing is
 * re-tokenised; vectors are stored, so nothing is re-embedded) and the names of current documents.
 * With `denseModel`, the vectors of that model are loaded into a vector index; chunks without one
 * (documents marked as missing vectors) are found lexically only.
 *
 * @example
 * ```ts
 * const { index, vectors, documents } = await loadIndex(db, { denseModel: "multilingual-e5" });
 * index.size; // chunks of every current document
 * ```
 */
export async function loadIndex(
  db: SupportDeskDb,
  options: { readonly denseModel?: string | undefined } = {},
): Promise<{ index: Bm25Index; vectors: VectorIndex | undefined; documents: Map<string, DocumentEntry> }> {
  const index = createBm25Index();
  const vectors = options.denseModel === undefined ? undefined : createVectorIndex();
  const model = options.denseModel ?? "";
  const documents = new Map<string, DocumentEntry>();
  const docs = await db
    .selectFrom("support_desk_documents")
    .select(["id", "name", "folder_id"])
    .where("deleted_at", "is", null)
    .where("current_version_id", "is not", null)
    .execute();
  for (const d of docs) documents.set(d.id, { name: d.name, folderId: d.folder_id });
  const pageSize = 5000;
  for (let offset = 0; ; offset += pageSize) {
    const rows = await db
      .selectFrom("support_desk_chunks as c")
      .innerJoin("support_desk_documents as d", "d.current_version_id", "c.version_id")
      .leftJoin("support_desk_chunk_vectors as v", (join) =>
        join.onRef("v.chunk_id", "=", "c.chunk_id").on("v.model", "=", model),
      )
      .select([
        "c.chunk_id",
        "c.document_id",
        "c.folder_id",
        "c.ordinal",
        "c.text",
        "c.locator",
        "c.terms",
        "v.vector",
      ])
      .where("d.deleted_at", "is", null)
      .orderBy("c.chunk_id")
      .limit(pageSize)
      .offset(offset)
      .execute();
    const chunks = rows.map((r) => ({
      chunkId: r.chunk_id,
      documentId: r.document_id,
      folderId: String(r.folder_id),
      ordinal: r.ordinal,
      text: r.text,
      locator: parseLocator(JSON.parse(r.locator)),
      terms: r.terms,
      vector: r.vector,
    }));
    index.addRows(chunks.map(({ vector: _vector, ...row }) => row));
    if (vectors) {
      vectors.add(
        chunks.flatMap(({ vector, terms: _terms, ...chunk }) =>
          vector === null ? [] : [{ ...chunk, embedding: decodeVector(vector) }],
        ),
      );
    }
    if (rows.length < pageSize) break;
  }
  return { index, vectors, documents };
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
  await desk.db.transaction().execute(async (trx) => {
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
  });
  desk.index.removeDocument(documentId);
  desk.dense?.index.removeDocument(documentId);
  desk.documents.delete(documentId);
}
