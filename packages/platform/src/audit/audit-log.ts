import { formatCsv } from "@ward/csv-jp";
import { type Kysely, sql, type Transaction } from "kysely";
import { type Actor, toAuditActor } from "../accounts/actor.js";
import { PlatformError } from "../errors.js";
import type { PlatformTables } from "../storage/schema.js";
import { type Clock, systemClock, toTokyoIso } from "../time.js";
import { findAuditKeyring } from "./audit-keyring.js";
import {
  type AuditActor,
  type AuditEntry,
  type AuditRecord,
  type AuditResult,
  auditMac,
  canonicalJson,
} from "./audit-record.js";

// biome-ignore lint/suspicious/noExplicitAny: apps pass their own widened Kysely types
type AnyDb = Kysely<any>;

/**
 * Appends one record to the keyed chain (HMAC-SHA-256 under a key derived from the master key,
 * which travels with `platform.db` and its transactions, never in the database). Call it with the
 * transaction that makes the change, so the change and its record commit or roll back together;
 * called with a plain database it opens its own transaction. The chain head row is locked
 * (`for update`), so concurrent appends queue. A signed checkpoint of the head follows within a
 * second, outside the database.
 *
 * @param db - a transaction (preferred) or the database
 * @param who - the acting {@link Actor} (or a raw {@link AuditActor})
 * @param entry - what, on what, result
 * @param options - `clock`
 * @returns the stored record
 * @throws PlatformError `CONFIG_INVALID` when `db` is not the platform's database (no audit key)
 * @example
 * ```ts
 * await platform.db.transaction().execute(async (trx) => {
 *   await trx.insertInto("notes").values({ title }).execute();
 *   await appendAudit(trx, actor, { action: "note.create", targetType: "note", targetId: 7 });
 * });
 * ```
 */
export async function appendAudit(
  db: AnyDb,
  who: Actor | AuditActor,
  entry: AuditEntry,
  options: { readonly clock?: Clock } = {},
): Promise<AuditRecord> {
  if (!db.isTransaction) {
    return db.transaction().execute((trx) => appendAudit(trx, who, entry, options));
  }
  const keyring = findAuditKeyring(db);
  if (!keyring) {
    throw new PlatformError("CONFIG_INVALID", {
      message: "appendAudit needs platform.db or one of its transactions: the audit key travels with it",
    });
  }
  const actor = "user" in who ? toAuditActor(who) : who;
  const trx = db as Transaction<PlatformTables>;
  const head = await trx
    .selectFrom("audit_head")
    .select(["seq", "hash"])
    .where("id", "=", 1)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const base: Omit<AuditRecord, "hash"> = {
    seq: head.seq + 1,
    occurredAt: toTokyoIso((options.clock ?? systemClock)()),
    actorId: actor.id,
    actorLogin: actor.login,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId === undefined ? null : String(entry.targetId),
    result: entry.result ?? "success",
    sourceIp: actor.sourceIp,
    requestId: actor.requestId,
    detail: canonicalJson(entry.detail ?? {}),
    prevHash: head.hash,
  };
  const record: AuditRecord = { ...base, hash: auditMac(keyring.keys.chainKey, base) };
  await trx.insertInto("audit_log").values(toRow(record)).execute();
  await trx
    .updateTable("audit_head")
    .set({ seq: record.seq, hash: record.hash })
    .where("id", "=", 1)
    .execute();
  keyring.noteAppend();
  return record;
}

/** Filters of {@link queryAudit}; time bounds are ISO strings (inclusive from, exclusive to). */
export interface AuditQuery {
  readonly from?: string;
  readonly to?: string;
  readonly actorLogin?: string;
  readonly action?: string;
  readonly result?: AuditResult;
  readonly targetType?: string;
  readonly targetId?: string;
  /** Default 100, at most 10,000. */
  readonly limit?: number;
  readonly offset?: number;
  /** Default newest first. */
  readonly order?: "asc" | "desc";
}

/**
 * Reads audit records matching a filter.
 *
 * @example
 * ```ts
 * const failures = await queryAudit(platform.db, { action: "auth.login", result: "failure" });
 * ```
 */
export async function queryAudit(db: AnyDb, query: AuditQuery = {}): Promise<AuditRecord[]> {
  let q = (db as Kysely<PlatformTables>).selectFrom("audit_log").selectAll();
  if (query.from) q = q.where("occurred_at", ">=", toTokyoIso(new Date(query.from)));
  if (query.to) q = q.where("occurred_at", "<", toTokyoIso(new Date(query.to)));
  if (query.actorLogin) q = q.where("actor_login", "=", query.actorLogin);
  if (query.action) q = q.where("action", "=", query.action);
  if (query.result) q = q.where("result", "=", query.result);
  if (query.targetType) q = q.where("target_type", "=", query.targetType);
  if (query.targetId) q = q.where("target_id", "=", query.targetId);
  const rows = await q
    .orderBy("seq", query.order ?? "desc")
    .limit(Math.min(Math.max(query.limit ?? 100, 1), 10_000))
    .offset(Math.max(query.offset ?? 0, 0))
    .execute();
  return rows.map(fromRow);
}

/**
 * Counts audit records (all, or matching an action).
 *
 * @example
 * ```ts
 * await countAudit(platform.db); // 12
 * ```
 */
export async function countAudit(db: AnyDb, action?: string): Promise<number> {
  let q = (db as Kysely<PlatformTables>).selectFrom("audit_log").select(sql<number>`count(*)::int`.as("n"));
  if (action) q = q.where("action", "=", action);
  const row = await q.executeTakeFirstOrThrow();
  return row.n;
}

const CSV_COLUMNS: ReadonlyArray<readonly [string, (r: AuditRecord) => string | number | null]> = [
  ["連番", (r) => r.seq],
  ["日時", (r) => r.occurredAt],
  ["利用者ID", (r) => r.actorId],
  ["ログインID", (r) => r.actorLogin],
  ["操作", (r) => r.action],
  ["対象種別", (r) => r.targetType],
  ["対象ID", (r) => r.targetId],
  ["結果", (r) => r.result],
  ["接続元", (r) => r.sourceIp],
  ["リクエストID", (r) => r.requestId],
  ["詳細", (r) => r.detail],
  ["前ハッシュ", (r) => r.prevHash],
  ["ハッシュ", (r) => r.hash],
];

/**
 * Audit records as CSV (UTF-8 with BOM so Excel opens the Japanese headers, CRLF lines; written by
 * `@ward/csv-jp`'s `formatCsv`, so text cells starting with = + - @ tab or CR get a `'`).
 *
 * @example
 * ```ts
 * auditToCsv(await queryAudit(db, { order: "asc", limit: 10_000 })).split("\r\n")[0];
 * // "\uFEFF連番,日時,利用者ID,ログインID,操作,対象種別,対象ID,結果,接続元,リクエストID,詳細,前ハッシュ,ハッシュ"
 * ```
 */
export function auditToCsv(records: readonly AuditRecord[]): string {
  const rows = records.map((record) => CSV_COLUMNS.map(([, get]) => get(record)));
  return `\uFEFF${formatCsv(rows, { header: CSV_COLUMNS.map(([h]) => h) })}`;
}

type AuditRow = PlatformTables["audit_log"];

function toRow(r: AuditRecord): AuditRow {
  return {
    seq: r.seq,
    occurred_at: r.occurredAt,
    actor_id: r.actorId,
    actor_login: r.actorLogin,
    action: r.action,
    target_type: r.targetType,
    target_id: r.targetId,
    result: r.result,
    source_ip: r.sourceIp,
    request_id: r.requestId,
    detail: r.detail,
    prev_hash: r.prevHash,
    hash: r.hash,
  };
}

/** Maps a stored row back to a record (shared with the verifier). */
export function fromRow(row: AuditRow): AuditRecord {
  return {
    seq: row.seq,
    occurredAt: row.occurred_at,
    actorId: row.actor_id,
    actorLogin: row.actor_login,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    result: row.result as AuditResult,
    sourceIp: row.source_ip,
    requestId: row.request_id,
    detail: row.detail,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
