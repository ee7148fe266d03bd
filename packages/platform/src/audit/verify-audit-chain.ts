import type { Kysely } from "kysely";
import { GENESIS_HASH } from "../storage/platform-migrations.js";
import type { PlatformTables } from "../storage/schema.js";
import { fromRow } from "./audit-log.js";
import { auditHash } from "./audit-record.js";

/** One break in the chain. */
export interface AuditChainProblem {
  readonly seq: number;
  readonly kind: "hash-mismatch" | "prev-hash-mismatch" | "gap" | "head-mismatch";
  readonly message: string;
}

/** The verifier's verdict. */
export interface AuditChainReport {
  readonly ok: boolean;
  readonly checked: number;
  readonly problems: readonly AuditChainProblem[];
}

/**
 * Recomputes every record's hash and checks each links to the one before, that sequence numbers
 * have no gaps and that the chain head matches the last record (so edits, deletions, insertions
 * and a cut-off tail are all detected).
 *
 * @param db - the database
 * @param options - `batchSize` (default 5,000 rows per read)
 * @returns `{ ok, checked, problems }`
 * @example
 * ```ts
 * const report = await verifyAuditChain(platform.db);
 * if (!report.ok) for (const p of report.problems) log.error(p.message);
 * ```
 */
export async function verifyAuditChain(
  // biome-ignore lint/suspicious/noExplicitAny: works on any database with the platform tables
  db: Kysely<any>,
  options: { readonly batchSize?: number } = {},
): Promise<AuditChainReport> {
  const typed = db as Kysely<PlatformTables>;
  const batchSize = options.batchSize ?? 5_000;
  const problems: AuditChainProblem[] = [];
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  let lastSeq = 0;
  for (;;) {
    const rows = await typed
      .selectFrom("audit_log")
      .selectAll()
      .where("seq", ">", lastSeq)
      .orderBy("seq", "asc")
      .limit(batchSize)
      .execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      const record = fromRow(row);
      if (record.seq !== expectedSeq) {
        problems.push({
          seq: record.seq,
          kind: "gap",
          message: `record ${record.seq} follows ${expectedSeq - 1}: records are missing`,
        });
      }
      if (record.prevHash !== prevHash) {
        problems.push({
          seq: record.seq,
          kind: "prev-hash-mismatch",
          message: `record ${record.seq} does not link to the record before it`,
        });
      }
      const { hash, ...rest } = record;
      if (auditHash(rest) !== hash) {
        problems.push({
          seq: record.seq,
          kind: "hash-mismatch",
          message: `record ${record.seq} was altered: its hash does not match its contents`,
        });
      }
      prevHash = hash;
      expectedSeq = record.seq + 1;
      lastSeq = record.seq;
      checked += 1;
    }
  }
  const head = await typed
    .selectFrom("audit_head")
    .select(["seq", "hash"])
    .where("id", "=", 1)
    .executeTakeFirst();
  if (!head || head.seq !== lastSeq || head.hash !== prevHash) {
    problems.push({
      seq: head?.seq ?? 0,
      kind: "head-mismatch",
      message: `the chain head (${head?.seq ?? "missing"}) does not match the last record (${lastSeq}): records were removed or added`,
    });
  }
  return { ok: problems.length === 0, checked, problems };
}
