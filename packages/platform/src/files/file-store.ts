import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Actor } from "../accounts/actor.js";
import { canAccessDepartment } from "../accounts/roles.js";
import { appendAudit } from "../audit/audit-log.js";
import type { PlatformContext } from "../context.js";
import { PlatformError } from "../errors.js";
import type { PlatformTables } from "../storage/schema.js";
import { toTokyoIso } from "../time.js";
import { openFile, sealFile } from "./envelope.js";
import { reclaimErasedSpace } from "./reclaim-space.js";

/** A stored file's metadata. */
export interface StoredFile {
  readonly id: string;
  readonly name: string;
  readonly contentType: string;
  readonly size: number;
  readonly departmentId: number | null;
  readonly createdAt: Date;
  readonly erasedAt: Date | null;
}

/** The record that a file was crypto-erased; apps print erasure certificates from it. */
export interface ErasureRecord {
  readonly fileId: string;
  readonly fileName: string;
  readonly size: number;
  /** ISO 8601 with `+09:00`. */
  readonly erasedAt: string;
  readonly erasedBy: number | null;
  readonly erasedByLogin: string | null;
  readonly method: string;
  readonly reason: string;
  /** Sequence number of the audit record of the erasure. */
  readonly auditSeq: number;
}

/**
 * An app's own read rule for a stored file: `true` allows, `false` refuses (the read is audited as
 * `denied` and answered `NOT_FOUND`, so the file's existence is not disclosed), `undefined` leaves
 * the decision to the platform's department rule.
 */
export type FileReadRule = (file: StoredFile) => boolean | undefined | Promise<boolean | undefined>;

/** The erasure method written into every {@link ErasureRecord}. */
export const ERASURE_METHOD = "crypto-erase: AES-256-GCM file key destroyed, ciphertext deleted";

// biome-ignore lint/suspicious/noExplicitAny: works inside an app's transaction
type AnyDb = Kysely<any>;

/**
 * Encrypts and stores an upload, with an audit record, in the given transaction (or its own).
 *
 * @param ctx - the platform
 * @param actor - who uploads
 * @param file - name, content type, bytes, optional department
 * @param options - `db`: the app's transaction, so the file commits with the row that uses it
 * @returns the stored file's metadata
 * @example
 * ```ts
 * const stored = await putFile(platform, actor, { name: "見積書.pdf", contentType: "application/pdf", data });
 * ```
 */
export async function putFile(
  ctx: PlatformContext,
  actor: Actor,
  file: { name: string; contentType: string; data: Uint8Array; departmentId?: number | null },
  options: { db?: AnyDb } = {},
): Promise<StoredFile> {
  const id = randomUUID();
  const envelope = sealFile(ctx.masterKey, id, file.data);
  const createdAt = ctx.clock();
  const name = file.name.slice(0, 255) || "file";
  const departmentId = file.departmentId ?? actor.user?.departmentId ?? null;
  const write = async (trx: AnyDb) => {
    await (trx as Kysely<PlatformTables>)
      .insertInto("files")
      .values({
        id,
        name,
        content_type: file.contentType || "application/octet-stream",
        size: file.data.byteLength,
        department_id: departmentId,
        wrapped_key: envelope.wrappedKey,
        iv: envelope.iv,
        tag: envelope.tag,
        ciphertext: envelope.ciphertext,
        created_by: actor.user?.id ?? null,
        created_at: createdAt,
      })
      .execute();
    await appendAudit(
      trx,
      actor,
      {
        action: "file.create",
        targetType: "file",
        targetId: id,
        detail: { name, size: file.data.byteLength },
      },
      { clock: ctx.clock },
    );
  };
  const db = options.db ?? ctx.db;
  if (db.isTransaction) await write(db);
  else await db.transaction().execute(write);
  return {
    id,
    name,
    contentType: file.contentType || "application/octet-stream",
    size: file.data.byteLength,
    departmentId,
    createdAt,
    erasedAt: null,
  };
}

/**
 * Reads and decrypts a file, checking integrity and the actor's right; the read is audited
 * (`file.read`, naming the actor). The right is the app's `authorize` rule when it decides
 * (refusal → `NOT_FOUND`), else the department rule (refusal → `FORBIDDEN`); the system actor
 * (background jobs) reads everything.
 *
 * @param options - `authorize`: the app's own rule for this file ({@link FileReadRule})
 * @throws PlatformError `NOT_FOUND`, `FORBIDDEN`, `FILE_ERASED`, `FILE_INTEGRITY`
 * @example
 * ```ts
 * const { file, data } = await readFile(platform, actor, id);
 * await readFile(platform, actor, id, { authorize: () => folderReaders.has(actor.user?.id ?? 0) });
 * ```
 */
export async function readFile(
  ctx: PlatformContext,
  actor: Actor,
  fileId: string,
  options: { readonly authorize?: FileReadRule } = {},
): Promise<{ file: StoredFile; data: Uint8Array }> {
  const row = await ctx.db.selectFrom("files").selectAll().where("id", "=", fileId).executeTakeFirst();
  if (!row) throw new PlatformError("NOT_FOUND", { message: `file ${fileId}` });
  if (actor.user !== null) {
    const decided = options.authorize ? await options.authorize(toStoredFile(row)) : undefined;
    const allowed = decided ?? canAccessDepartment(actor.user, row.department_id);
    if (!allowed) {
      await appendAudit(
        ctx.db,
        actor,
        {
          action: "file.read",
          targetType: "file",
          targetId: fileId,
          result: "denied",
          ...(decided === false ? { detail: { rule: "app" } } : {}),
        },
        { clock: ctx.clock },
      );
      throw new PlatformError(decided === false ? "NOT_FOUND" : "FORBIDDEN", { message: `file ${fileId}` });
    }
  }
  if (row.wrapped_key === null || row.ciphertext === null) {
    throw new PlatformError("FILE_ERASED", { message: `file ${fileId}` });
  }
  let data: Uint8Array;
  try {
    data = openFile(ctx.masterKey, row.id, {
      wrappedKey: row.wrapped_key,
      iv: row.iv,
      tag: row.tag,
      ciphertext: row.ciphertext,
    });
  } catch (error) {
    await appendAudit(
      ctx.db,
      actor,
      {
        action: "file.read",
        targetType: "file",
        targetId: fileId,
        result: "failure",
        detail: { reason: "integrity" },
      },
      { clock: ctx.clock },
    );
    throw error;
  }
  await appendAudit(
    ctx.db,
    actor,
    { action: "file.read", targetType: "file", targetId: fileId },
    { clock: ctx.clock },
  );
  return { file: toStoredFile(row), data };
}

/**
 * Crypto-erases a file: destroys its wrapped key and deletes its ciphertext, and writes an
 * {@link ErasureRecord} and an audit record, all in one transaction; then rewrites the `files`
 * table and checkpoints ({@link reclaimErasedSpace}) so the old key and ciphertext leave the
 * data files and the WAL. Erasing twice is an error.
 *
 * @param options - `reason`; `db`: the app's transaction (the app erases its derived rows with
 * the file and calls {@link reclaimErasedSpace} after commit); `authorize`: the app's own rule
 * (`true` allows, `false` refuses) instead of the department rule
 * @throws PlatformError `NOT_FOUND`, `FORBIDDEN` (read-only users), `FILE_ERASED`
 * @example
 * ```ts
 * const record = await eraseFile(platform, actor, id, { reason: "契約終了に伴う消去" });
 * ```
 */
export async function eraseFile(
  ctx: PlatformContext,
  actor: Actor,
  fileId: string,
  options: { reason: string; db?: AnyDb; authorize?: FileReadRule },
): Promise<ErasureRecord> {
  const erase = async (trx: AnyDb): Promise<ErasureRecord> => {
    const row = await (trx as Kysely<PlatformTables>)
      .selectFrom("files")
      .selectAll()
      .where("id", "=", fileId)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw new PlatformError("NOT_FOUND", { message: `file ${fileId}` });
    if (actor.user !== null) {
      const decided = options.authorize ? await options.authorize(toStoredFile(row)) : undefined;
      const allowed = decided ?? canAccessDepartment(actor.user, row.department_id);
      if (actor.user.role === "read_only" || !allowed) {
        throw new PlatformError("FORBIDDEN", { message: `erase ${fileId}` });
      }
    }
    if (row.wrapped_key === null) throw new PlatformError("FILE_ERASED", { message: `file ${fileId}` });
    const now = ctx.clock();
    await (trx as Kysely<PlatformTables>)
      .updateTable("files")
      .set({ wrapped_key: null, ciphertext: null, erased_at: now })
      .where("id", "=", fileId)
      .execute();
    const audit = await appendAudit(
      trx,
      actor,
      {
        action: "file.erase",
        targetType: "file",
        targetId: fileId,
        detail: { name: row.name, reason: options.reason },
      },
      { clock: ctx.clock },
    );
    const record: ErasureRecord = {
      fileId,
      fileName: row.name,
      size: row.size,
      erasedAt: toTokyoIso(now),
      erasedBy: actor.user?.id ?? null,
      erasedByLogin: actor.user?.loginId ?? "system",
      method: ERASURE_METHOD,
      reason: options.reason,
      auditSeq: audit.seq,
    };
    await trx
      .insertInto("file_erasures")
      .values({
        file_id: record.fileId,
        file_name: record.fileName,
        size: record.size,
        erased_at: record.erasedAt,
        erased_by: record.erasedBy,
        erased_by_login: record.erasedByLogin,
        method: record.method,
        reason: record.reason,
        audit_seq: record.auditSeq,
      })
      .execute();
    return record;
  };
  if (options.db?.isTransaction) return erase(options.db);
  const record = await ctx.db.transaction().execute(erase);
  await reclaimErasedSpace(ctx, ["files"]);
  return record;
}

/**
 * Lists erasure records (newest first), optionally of given files.
 *
 * @example
 * ```ts
 * const [record] = await listErasures(platform, { fileIds: [id] });
 * ```
 */
export async function listErasures(
  ctx: PlatformContext,
  options: { fileIds?: readonly string[] } = {},
): Promise<ErasureRecord[]> {
  let q = ctx.db.selectFrom("file_erasures").selectAll().orderBy("id", "desc");
  if (options.fileIds) {
    if (options.fileIds.length === 0) return [];
    q = q.where("file_id", "in", [...options.fileIds]);
  }
  const rows = await q.execute();
  return rows.map((r) => ({
    fileId: r.file_id,
    fileName: r.file_name,
    size: r.size,
    erasedAt: r.erased_at,
    erasedBy: r.erased_by,
    erasedByLogin: r.erased_by_login,
    method: r.method,
    reason: r.reason,
    auditSeq: r.audit_seq,
  }));
}

function toStoredFile(row: PlatformTables["files"]): StoredFile {
  return {
    id: row.id,
    name: row.name,
    contentType: row.content_type,
    size: row.size,
    departmentId: row.department_id,
    createdAt: row.created_at,
    erasedAt: row.erased_at,
  };
}
