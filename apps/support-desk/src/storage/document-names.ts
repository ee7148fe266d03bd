import type { Desk } from "./desk.js";

/**
 * Names the documents of search hits for their citations. With the database index several instances
 * share one corpus, so a hit may be a document another instance ingested (or renamed by a
 * replacement) after this one started: the names of the hits' documents are read from the database
 * (one primary-key lookup of at most top-k ids) and the in-process map is updated. With the
 * in-process index this instance made every change itself, so its map is current and no query runs.
 *
 * @example
 * ```ts
 * const name = await documentNames(desk, hits.map((h) => h.documentId));
 * citePassages(hits, name); // citations name "案内.txt" even when instance A ingested it
 * ```
 */
export async function documentNames(
  desk: Desk,
  documentIds: readonly string[],
): Promise<(documentId: string) => string> {
  if (desk.search.kind === "database" && documentIds.length > 0) {
    const rows = await desk.db
      .selectFrom("support_desk_documents")
      .select(["id", "name", "folder_id"])
      .where("id", "in", [...new Set(documentIds)])
      .execute();
    for (const row of rows) desk.documents.set(row.id, { name: row.name, folderId: row.folder_id });
  }
  return (documentId) => desk.documents.get(documentId)?.name ?? documentId;
}
