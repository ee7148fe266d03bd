import type { Actor, StoredFile } from "@ward/platform";
import { allows } from "../domain/index.js";
import type { Desk } from "./desk.js";
import { listFolders } from "./folders.js";
import type { FolderRight } from "./schema.js";

/**
 * The folder an encrypted original belongs to and the right needed to read it: `read` for the
 * current version of a live document, `write` for older versions, deleted documents and files
 * still in an ingestion job. Undefined for files that are not the desk's.
 *
 * @example
 * ```ts
 * await fileFolder(desk, fileId); // { folderId: 3, needed: "read" }
 * ```
 */
export async function fileFolder(
  desk: Desk,
  fileId: string,
): Promise<{ folderId: number; needed: FolderRight } | undefined> {
  const version = await desk.db
    .selectFrom("support_desk_versions as v")
    .innerJoin("support_desk_documents as d", "d.id", "v.document_id")
    .select(["d.folder_id", "d.current_version_id", "d.deleted_at", "v.id"])
    .where("v.file_id", "=", fileId)
    .orderBy("v.id", "desc")
    .executeTakeFirst();
  if (version) {
    const current = version.deleted_at === null && version.current_version_id === version.id;
    return { folderId: version.folder_id, needed: current ? "read" : "write" };
  }
  const queued = await desk.db
    .selectFrom("support_desk_job_files as f")
    .innerJoin("support_desk_jobs as j", "j.id", "f.job_id")
    .select("j.folder_id")
    .where("f.file_id", "=", fileId)
    .executeTakeFirst();
  return queued ? { folderId: queued.folder_id, needed: "write" } : undefined;
}

/**
 * The desk's read rule for the platform's file store (`createApp`'s `authorizeFileRead` and
 * `readFile`'s `authorize`): the folder rights decide for the desk's originals, the platform's
 * department rule for every other file.
 *
 * @example
 * ```ts
 * await readFile(platform, actor, fileId, { authorize: (file) => authorizeDeskFile(desk, actor, file) });
 * ```
 */
export async function authorizeDeskFile(
  desk: Desk,
  actor: Actor,
  file: Pick<StoredFile, "id">,
): Promise<boolean | undefined> {
  const owner = await fileFolder(desk, file.id);
  if (owner === undefined) return undefined;
  if (actor.user === null) return false;
  const folder = (await listFolders(desk, actor.user)).find((f) => f.folder.id === owner.folderId);
  return folder !== undefined && allows(folder.access, owner.needed);
}
