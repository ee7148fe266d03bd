import { createHash, createHmac } from "node:crypto";

/** Outcome of an audited action. */
export type AuditResult = "success" | "failure" | "denied";

/** Who did it and from where (the request's context). */
export interface AuditActor {
  readonly id: number | null;
  readonly login: string | null;
  readonly sourceIp: string | null;
  readonly requestId: string | null;
}

/** What happened, to what, with which result. */
export interface AuditEntry {
  /** Dotted verb, e.g. `auth.login`, `user.create`, `note.read`. */
  readonly action: string;
  readonly targetType?: string;
  readonly targetId?: string | number;
  readonly result?: AuditResult;
  /** Extra facts (no secrets); serialised with sorted keys. */
  readonly detail?: Readonly<Record<string, unknown>>;
}

/** One stored, hash-chained audit record. */
export interface AuditRecord {
  readonly seq: number;
  /** ISO 8601, Asia/Tokyo, explicit `+09:00`. */
  readonly occurredAt: string;
  readonly actorId: number | null;
  readonly actorLogin: string | null;
  readonly action: string;
  readonly targetType: string | null;
  readonly targetId: string | null;
  readonly result: AuditResult;
  readonly sourceIp: string | null;
  readonly requestId: string | null;
  /** Canonical JSON of the entry's `detail`. */
  readonly detail: string;
  readonly prevHash: string;
  readonly hash: string;
}

/**
 * JSON with object keys sorted at every level, so equal values always serialise the same way.
 *
 * @example
 * ```ts
 * canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] }); // '{"a":[{"c":3,"d":2}],"b":1}'
 * ```
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([k, v]) => [k, sortKeys(v)]));
  }
  return value;
}

/**
 * SHA-256 (hex) over the record's fields in a fixed order, the previous hash last: the unkeyed
 * hash of records written before the chain was keyed (see {@link auditMac}).
 *
 * @param record - every field except `hash`
 * @returns the record's hash
 * @example
 * ```ts
 * auditHash({ seq: 1, occurredAt: "2025-07-01T09:00:00.000+09:00", actorId: null, actorLogin: null,
 *   action: "system.start", targetType: null, targetId: null, result: "success", sourceIp: null,
 *   requestId: null, detail: "{}", prevHash: "0".repeat(64) }).length; // 64
 * ```
 */
export function auditHash(record: Omit<AuditRecord, "hash">): string {
  return createHash("sha256").update(auditFields(record), "utf8").digest("hex");
}

/**
 * HMAC-SHA-256 (hex) under the chain key over the same fields as {@link auditHash}: without the
 * key, nobody who can write the database can recompute a record after editing it.
 *
 * @param key - the chain key (`deriveAuditKeys(masterKey).chainKey`)
 * @param record - every field except `hash`
 * @returns the record's MAC, stored in its `hash` column
 * @example
 * ```ts
 * auditMac(keys.chainKey, record).length; // 64
 * ```
 */
export function auditMac(key: Uint8Array, record: Omit<AuditRecord, "hash">): string {
  return createHmac("sha256", key).update(auditFields(record), "utf8").digest("hex");
}

function auditFields(record: Omit<AuditRecord, "hash">): string {
  const fields = [
    record.seq,
    record.occurredAt,
    record.actorId,
    record.actorLogin,
    record.action,
    record.targetType,
    record.targetId,
    record.result,
    record.sourceIp,
    record.requestId,
    record.detail,
    record.prevHash,
  ];
  return JSON.stringify(fields);
}
