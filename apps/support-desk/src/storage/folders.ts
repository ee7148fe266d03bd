import { type Actor, appendAudit, PlatformError, type SessionUser } from "@ward/platform";
import { z } from "zod";
import { allows, type FolderAccess, type FolderGrant, folderAccess } from "../domain/folder-right.js";
import type { Desk } from "./desk.js";
import type { FolderRight, PrincipalType } from "./schema.js";

/** A folder with its retrieval settings. */
export interface Folder {
  readonly id: number;
  readonly name: string;
  readonly departmentId: number;
  readonly chunkSize: number;
  readonly chunkOverlap: number;
  readonly topK: number;
}

/** A grant with the name of whom it is for. */
export interface GrantView extends FolderGrant {
  readonly id: number;
  readonly principalName: string;
}

type FolderRow = {
  id: number;
  name: string;
  department_id: number;
  chunk_size: number;
  chunk_overlap: number;
  top_k: number;
};

const toFolder = (r: FolderRow): Folder => ({
  id: r.id,
  name: r.name,
  departmentId: r.department_id,
  chunkSize: r.chunk_size,
  chunkOverlap: r.chunk_overlap,
  topK: r.top_k,
});

const issues = (error: z.ZodError) =>
  error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));

async function subjectOf(desk: Desk, user: SessionUser) {
  const groups = await desk.db
    .selectFrom("group_members")
    .select("group_id")
    .where("user_id", "=", user.id)
    .execute();
  return {
    userId: user.id,
    role: user.role,
    departmentId: user.departmentId,
    groupIds: groups.map((g) => g.group_id),
  };
}

/**
 * Every folder the user may at least read, with the user's right on it.
 *
 * @example
 * ```ts
 * const folders = await listFolders(desk, user); // [{ folder, access: "read" }]
 * ```
 */
export async function listFolders(
  desk: Desk,
  user: SessionUser,
): Promise<Array<{ folder: Folder; access: Exclude<FolderAccess, "none"> }>> {
  const [subject, folders, grants] = await Promise.all([
    subjectOf(desk, user),
    desk.db.selectFrom("support_desk_folders").selectAll().orderBy("id").execute(),
    desk.db.selectFrom("support_desk_grants").selectAll().execute(),
  ]);
  const result: Array<{ folder: Folder; access: Exclude<FolderAccess, "none"> }> = [];
  for (const row of folders) {
    const own = grants
      .filter((g) => g.folder_id === row.id)
      .map((g) => ({ principalType: g.principal_type, principalId: g.principal_id, right: g.right }));
    const access = folderAccess(subject, { departmentId: row.department_id }, own);
    if (access !== "none") result.push({ folder: toFolder(row), access });
  }
  return result;
}

/**
 * The folder ids (as index folder keys) the user may read: the only ones retrieval looks at.
 *
 * @example
 * ```ts
 * desk.index.search(q, { readableFolderIds: await readableFolderIds(desk, user) });
 * ```
 */
export async function readableFolderIds(desk: Desk, user: SessionUser): Promise<string[]> {
  return (await listFolders(desk, user)).map(({ folder }) => String(folder.id));
}

/**
 * A folder and the actor's right on it; without at least `needed` the refusal is audited and a
 * `FORBIDDEN` (or `NOT_FOUND` when the user may not even read it) is thrown.
 *
 * @throws PlatformError `NOT_FOUND`, `FORBIDDEN`
 * @example
 * ```ts
 * const { folder } = await requireFolder(desk, actor, 3, "write");
 * ```
 */
export async function requireFolder(
  desk: Desk,
  actor: Actor,
  folderId: number,
  needed: FolderRight,
): Promise<{ folder: Folder; access: FolderAccess }> {
  const user = actor.user;
  if (user === null) throw new PlatformError("UNAUTHENTICATED");
  const row = await desk.db
    .selectFrom("support_desk_folders")
    .selectAll()
    .where("id", "=", folderId)
    .executeTakeFirst();
  const found = row ? (await listFolders(desk, user)).find((f) => f.folder.id === folderId) : undefined;
  const access: FolderAccess = found?.access ?? "none";
  if (!row || !allows(access, needed)) {
    await appendAudit(
      desk.db,
      actor,
      {
        action: `folder.${needed}`,
        targetType: "folder",
        targetId: folderId,
        result: "denied",
      },
      { clock: desk.platform.clock },
    );
    if (!row || access === "none") throw new PlatformError("NOT_FOUND", { message: `folder ${folderId}` });
    throw new PlatformError("FORBIDDEN", {
      message: `folder ${folderId} needs ${needed}`,
      messageJa: "このフォルダに対する権限がありません。",
    });
  }
  return { folder: toFolder(row), access };
}

const folderInput = z.object({
  name: z
    .string()
    .trim()
    .min(1, "フォルダ名を入力してください。")
    .max(100, "フォルダ名は100文字以内にしてください。"),
  departmentId: z.coerce.number().int().positive("所属を選択してください。"),
});

/**
 * Creates a department's folder (system admins: any department; department admins: their own),
 * audited in the same transaction.
 *
 * @throws PlatformError `VALIDATION_FAILED`, `FORBIDDEN`, `CONFLICT` (same name in the department)
 * @example
 * ```ts
 * const folder = await createFolder(desk, actor, { name: "窓口マニュアル", departmentId: 1 });
 * ```
 */
export async function createFolder(
  desk: Desk,
  actor: Actor,
  input: { name: string; departmentId: number | string },
): Promise<Folder> {
  const parsed = folderInput.safeParse(input);
  if (!parsed.success) throw new PlatformError("VALIDATION_FAILED", { issues: issues(parsed.error) });
  const user = actor.user;
  const allowed =
    user === null ||
    user.role === "system_admin" ||
    (user.role === "department_admin" && user.departmentId === parsed.data.departmentId);
  if (!allowed) {
    await appendAudit(
      desk.db,
      actor,
      { action: "folder.create", targetType: "folder", result: "denied", detail: parsed.data },
      { clock: desk.platform.clock },
    );
    throw new PlatformError("FORBIDDEN", { messageJa: "フォルダを作成する権限がありません。" });
  }
  const exists = await desk.db
    .selectFrom("support_desk_folders")
    .select("id")
    .where("department_id", "=", parsed.data.departmentId)
    .where("name", "=", parsed.data.name)
    .executeTakeFirst();
  if (exists) {
    throw new PlatformError("CONFLICT", {
      messageJa: "同じ所属に同じ名前のフォルダがあります。",
      issues: [{ path: "name", message: "同じ所属に同じ名前のフォルダがあります。" }],
    });
  }
  const department = await desk.db
    .selectFrom("departments")
    .select("id")
    .where("id", "=", parsed.data.departmentId)
    .executeTakeFirst();
  if (!department) {
    throw new PlatformError("VALIDATION_FAILED", {
      issues: [{ path: "departmentId", message: "所属を選択してください。" }],
    });
  }
  return desk.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("support_desk_folders")
      .values({
        name: parsed.data.name,
        department_id: parsed.data.departmentId,
        chunk_size: 600,
        chunk_overlap: 100,
        top_k: 5,
        created_by: user?.id ?? null,
        created_at: desk.platform.clock(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(
      trx,
      actor,
      { action: "folder.create", targetType: "folder", targetId: row.id, detail: parsed.data },
      { clock: desk.platform.clock },
    );
    return toFolder(row);
  });
}

const grantInput = z.object({
  principalType: z.enum(["user", "group", "department"], "対象を選択してください。"),
  principalId: z.coerce.number().int().positive("対象を選択してください。"),
  right: z.enum(["read", "write", "manage"], "権限を選択してください。"),
});

/**
 * Grants (or changes) a right on a folder to a user, group or department. Needs manage on the
 * folder; granting `manage` delegates the folder's administration. Audited with the previous right.
 *
 * @throws PlatformError `VALIDATION_FAILED`, `NOT_FOUND`, `FORBIDDEN`
 * @example
 * ```ts
 * await grantFolderRight(desk, actor, folder.id, { principalType: "user", principalId: 7, right: "read" });
 * ```
 */
export async function grantFolderRight(
  desk: Desk,
  actor: Actor,
  folderId: number,
  input: { principalType: PrincipalType | string; principalId: number | string; right: FolderRight | string },
): Promise<void> {
  await requireFolder(desk, actor, folderId, "manage");
  const parsed = grantInput.safeParse(input);
  if (!parsed.success) throw new PlatformError("VALIDATION_FAILED", { issues: issues(parsed.error) });
  const { principalType, principalId, right } = parsed.data;
  const table = principalType === "user" ? "users" : principalType === "group" ? "groups" : "departments";
  const principal = await desk.db
    .selectFrom(table)
    .select("id")
    .where("id", "=", principalId)
    .executeTakeFirst();
  if (!principal) {
    throw new PlatformError("VALIDATION_FAILED", {
      issues: [{ path: "principal", message: "指定された対象が見つかりません。" }],
    });
  }
  await desk.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom("support_desk_grants")
      .select("right")
      .where("folder_id", "=", folderId)
      .where("principal_type", "=", principalType)
      .where("principal_id", "=", principalId)
      .executeTakeFirst();
    await trx
      .insertInto("support_desk_grants")
      .values({
        folder_id: folderId,
        principal_type: principalType,
        principal_id: principalId,
        right,
        granted_by: actor.user?.id ?? null,
        granted_at: desk.platform.clock(),
      })
      .onConflict((oc) =>
        oc.columns(["folder_id", "principal_type", "principal_id"]).doUpdateSet({
          right,
          granted_by: actor.user?.id ?? null,
          granted_at: desk.platform.clock(),
        }),
      )
      .execute();
    await appendAudit(
      trx,
      actor,
      {
        action: "folder.grant",
        targetType: "folder",
        targetId: folderId,
        detail: { principalType, principalId, right, previous: before?.right ?? null },
      },
      { clock: desk.platform.clock },
    );
  });
}

/**
 * Removes a grant (needs manage on the folder), audited.
 *
 * @throws PlatformError `NOT_FOUND`, `FORBIDDEN`
 * @example
 * ```ts
 * await revokeFolderGrant(desk, actor, folder.id, grantId);
 * ```
 */
export async function revokeFolderGrant(
  desk: Desk,
  actor: Actor,
  folderId: number,
  grantId: number,
): Promise<void> {
  await requireFolder(desk, actor, folderId, "manage");
  await desk.db.transaction().execute(async (trx) => {
    const removed = await trx
      .deleteFrom("support_desk_grants")
      .where("id", "=", grantId)
      .where("folder_id", "=", folderId)
      .returning(["principal_type", "principal_id", "right"])
      .executeTakeFirst();
    if (!removed) throw new PlatformError("NOT_FOUND", { message: `grant ${grantId}` });
    await appendAudit(
      trx,
      actor,
      {
        action: "folder.revoke",
        targetType: "folder",
        targetId: folderId,
        detail: {
          principalType: removed.principal_type,
          principalId: removed.principal_id,
          right: removed.right,
        },
      },
      { clock: desk.platform.clock },
    );
  });
}

/**
 * A folder's grants with the names of users, groups and departments.
 *
 * @example
 * ```ts
 * await listFolderGrants(desk, folder.id); // [{ id: 1, principalType: "user", principalName: "佐藤 花子", right: "read", … }]
 * ```
 */
export async function listFolderGrants(desk: Desk, folderId: number): Promise<GrantView[]> {
  const [grants, users, groups, departments] = await Promise.all([
    desk.db
      .selectFrom("support_desk_grants")
      .selectAll()
      .where("folder_id", "=", folderId)
      .orderBy("id")
      .execute(),
    desk.db.selectFrom("users").select(["id", "display_name", "login_id"]).execute(),
    desk.db.selectFrom("groups").select(["id", "name"]).execute(),
    desk.db.selectFrom("departments").select(["id", "name"]).execute(),
  ]);
  const name = (type: PrincipalType, id: number) => {
    if (type === "user") {
      const u = users.find((x) => x.id === id);
      return u ? `${u.display_name}（${u.login_id}）` : `利用者 ${id}`;
    }
    if (type === "group") return groups.find((x) => x.id === id)?.name ?? `グループ ${id}`;
    return departments.find((x) => x.id === id)?.name ?? `所属 ${id}`;
  };
  return grants.map((g) => ({
    id: g.id,
    principalType: g.principal_type,
    principalId: g.principal_id,
    right: g.right,
    principalName: name(g.principal_type, g.principal_id),
  }));
}

const settingsInput = z
  .object({
    chunkSize: z.coerce
      .number()
      .int("整数で入力してください。")
      .min(100, "100〜8000文字で入力してください。")
      .max(8000, "100〜8000文字で入力してください。"),
    chunkOverlap: z.coerce.number().int("整数で入力してください。").min(0, "0以上で入力してください。"),
    topK: z.coerce
      .number()
      .int("整数で入力してください。")
      .min(1, "1〜20件で入力してください。")
      .max(20, "1〜20件で入力してください。"),
  })
  .refine((s) => s.chunkOverlap * 2 < s.chunkSize, {
    path: ["chunkOverlap"],
    message: "重なりはチャンクの大きさの半分未満にしてください。",
  });

/**
 * Tunes a folder's chunk size, overlap and top-k (needs manage), audited. Returns whether the
 * chunking changed, in which case the caller re-chunks the folder's documents.
 *
 * @throws PlatformError `VALIDATION_FAILED`, `NOT_FOUND`, `FORBIDDEN`
 * @example
 * ```ts
 * const { rechunk } = await updateFolderSettings(desk, actor, 3, { chunkSize: 400, chunkOverlap: 50, topK: 8 });
 * ```
 */
export async function updateFolderSettings(
  desk: Desk,
  actor: Actor,
  folderId: number,
  input: { chunkSize: number | string; chunkOverlap: number | string; topK: number | string },
): Promise<{ folder: Folder; rechunk: boolean }> {
  const { folder } = await requireFolder(desk, actor, folderId, "manage");
  const parsed = settingsInput.safeParse(input);
  if (!parsed.success) throw new PlatformError("VALIDATION_FAILED", { issues: issues(parsed.error) });
  const next = parsed.data;
  const updated = await desk.db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable("support_desk_folders")
      .set({ chunk_size: next.chunkSize, chunk_overlap: next.chunkOverlap, top_k: next.topK })
      .where("id", "=", folderId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(
      trx,
      actor,
      {
        action: "folder.settings",
        targetType: "folder",
        targetId: folderId,
        detail: {
          before: { chunkSize: folder.chunkSize, chunkOverlap: folder.chunkOverlap, topK: folder.topK },
          after: next,
        },
      },
      { clock: desk.platform.clock },
    );
    return toFolder(row);
  });
  return {
    folder: updated,
    rechunk: folder.chunkSize !== next.chunkSize || folder.chunkOverlap !== next.chunkOverlap,
  };
}
