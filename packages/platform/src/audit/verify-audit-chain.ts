import type { Kysely } from "kysely";
import { GENESIS_HASH } from "../storage/platform-migrations.js";
import type { PlatformTables } from "../storage/schema.js";
import { type AuditChainState, chainStateMac, readChainState } from "./audit-chain-state.js";
import { findAuditKeyring } from "./audit-keyring.js";
import { type AuditKeys, deriveAuditKeys } from "./audit-keys.js";
import { fromRow } from "./audit-log.js";
import { auditHash, auditMac } from "./audit-record.js";
import { type ReadCheckpoint, readCheckpoints } from "./checkpoints.js";

/** What kind of break the verifier found. */
export type AuditChainProblemKind =
  /** A record's contents do not match its hash/MAC: edited (and recomputed without the key). */
  | "hash-mismatch"
  /** A record does not link to the one before it. */
  | "prev-hash-mismatch"
  /** Sequence numbers jump: records were deleted. */
  | "gap"
  /** The chain head row does not match the last record. */
  | "head-mismatch"
  /** A checkpoint outside the database names a later record than the last one: the tail was cut. */
  | "tail-cut"
  /** A checkpoint disagrees with the record it names, is forged or damaged, or belongs to a replaced chain. */
  | "checkpoint-mismatch"
  /** The checkpoint file, or every checkpoint of this chain, is missing. */
  | "checkpoint-missing"
  /** The keyed chain's state row is missing or was altered. */
  | "chain-state"
  /** The data was written under another master key. */
  | "key-mismatch"
  /** The chain is keyed but no key was given, so MACs were not checked. */
  | "key-missing";

/**
 * Japanese names of the problem kinds, for the audit screen.
 *
 * @example
 * ```ts
 * AUDIT_PROBLEM_JA["tail-cut"]; // "末尾の削除"
 * ```
 */
export const AUDIT_PROBLEM_JA: Readonly<Record<AuditChainProblemKind, string>> = {
  "hash-mismatch": "記録の改変",
  "prev-hash-mismatch": "連結の不一致",
  gap: "記録の欠落",
  "head-mismatch": "末尾情報の不一致",
  "tail-cut": "末尾の削除",
  "checkpoint-mismatch": "チェックポイントとの不一致",
  "checkpoint-missing": "チェックポイントの欠落",
  "chain-state": "鍵付き連鎖の状態の改変",
  "key-mismatch": "暗号鍵の不一致",
  "key-missing": "暗号鍵なし（未検査）",
};

/** One break in the chain. */
export interface AuditChainProblem {
  readonly seq: number;
  readonly kind: AuditChainProblemKind;
  readonly message: string;
}

/** The verifier's verdict. */
export interface AuditChainReport {
  readonly ok: boolean;
  readonly checked: number;
  readonly problems: readonly AuditChainProblem[];
  /** First keyed record, or `null` when the chain has not been keyed yet. */
  readonly keyedFrom: number | null;
  /** Valid checkpoints of this chain compared, or `null` when no checkpoint file was checked. */
  readonly checkpoints: number | null;
}

/** Options of {@link verifyAuditChain}. */
export interface VerifyAuditOptions {
  /** Rows per read; default 5,000. */
  readonly batchSize?: number;
  /** The master key; default the key travelling with a platform database. */
  readonly masterKey?: Uint8Array;
  /** The checkpoint file; default the platform's; `false` skips the checkpoints. */
  readonly checkpointFile?: string | false;
}

/**
 * Checks every record's MAC (SHA-256 for records from before the chain was keyed), that each links
 * to the one before, that sequence numbers have no gaps, that the head matches the last record,
 * that the chain state is sealed by the key, and that every signed checkpoint outside the database
 * names a record that still exists with the same MAC — so edits, deletions, insertions, a cut-off
 * tail and a rebuilt chain are detected.
 *
 * @param db - the platform database (`platform.db`, which carries the key), or any database with
 *   `masterKey` in the options
 * @param options - see {@link VerifyAuditOptions}
 * @returns `{ ok, checked, problems, keyedFrom, checkpoints }`
 * @example
 * ```ts
 * const report = await verifyAuditChain(platform.db);
 * if (!report.ok) for (const p of report.problems) log.error(p.message);
 * ```
 */
export async function verifyAuditChain(
  // biome-ignore lint/suspicious/noExplicitAny: works on any database with the platform tables
  db: Kysely<any>,
  options: VerifyAuditOptions = {},
): Promise<AuditChainReport> {
  const typed = db as Kysely<PlatformTables>;
  const keyring = findAuditKeyring(db);
  const keys: AuditKeys | undefined = options.masterKey ? deriveAuditKeys(options.masterKey) : keyring?.keys;
  const checkpointFile =
    options.checkpointFile === false ? undefined : (options.checkpointFile ?? keyring?.checkpointFile);
  // Appends of this process may still wait for their checkpoint; write it so the check is current.
  if (keyring && checkpointFile === keyring.checkpointFile) await keyring.flush();
  const state = await readChainState(db).catch(() => undefined);
  const problems: AuditChainProblem[] = [];
  const report = (checked: number, checkpoints: number | null): AuditChainReport => ({
    ok: problems.length === 0,
    checked,
    problems,
    keyedFrom: state?.keyedFromSeq ?? null,
    checkpoints,
  });

  if (state && keys && state.keyCheck !== keys.keyCheck) {
    problems.push({
      seq: 0,
      kind: "key-mismatch",
      message: "the audit log was written under another master key: check WARD_MASTER_KEY / the key file",
    });
    return report(0, null);
  }
  if (state && !keys) {
    problems.push({
      seq: 0,
      kind: "key-missing",
      message: "the chain is keyed but no master key was given: record MACs were not checked",
    });
  }
  if (state && keys && chainStateMac(keys.chainKey, state) !== state.mac) {
    problems.push({
      seq: state.keyedFromSeq,
      kind: "chain-state",
      message: "the keyed chain's state (where keying starts) was altered",
    });
  }

  const checkpoints =
    keys && checkpointFile ? await readCheckpoints(checkpointFile, keys.checkpointKey) : undefined;
  const ours = checkpointsOf(checkpoints, state);
  const wanted = new Map<number, ReadCheckpoint[]>();
  for (const c of ours) wanted.set(c.seq, [...(wanted.get(c.seq) ?? []), c]);

  const batchSize = options.batchSize ?? 5_000;
  const keyedFrom = state?.keyedFromSeq ?? Number.POSITIVE_INFINITY;
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  let lastSeq = 0;
  let keyedWithoutState = 0;
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
      if (state && record.seq === keyedFrom && record.prevHash !== state.legacyHead) {
        problems.push({
          seq: record.seq,
          kind: "chain-state",
          message: `record ${record.seq}, the first keyed one, does not follow the legacy chain's recorded head`,
        });
      }
      const { hash, ...rest } = record;
      const keyed = record.seq >= keyedFrom;
      const intact = keyed
        ? keys
          ? auditMac(keys.chainKey, rest) === hash
          : true
        : auditHash(rest) === hash;
      if (!intact) {
        problems.push({
          seq: record.seq,
          kind: "hash-mismatch",
          message: `record ${record.seq} was altered: its ${keyed ? "MAC" : "hash"} does not match its contents`,
        });
      }
      if (!state && !intact && keys && auditMac(keys.chainKey, rest) === hash) keyedWithoutState += 1;
      for (const c of wanted.get(record.seq) ?? []) {
        if (c.mac !== hash) {
          problems.push({
            seq: record.seq,
            kind: "checkpoint-mismatch",
            message: `record ${record.seq} differs from the checkpoint at line ${c.line} (${c.at}): it was replaced`,
          });
        }
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
  if (keyedWithoutState > 0) {
    problems.push({
      seq: 0,
      kind: "chain-state",
      message: `${keyedWithoutState} records are MACed with this key but the chain state row is missing: it was deleted`,
    });
  }
  checkCheckpoints(problems, { checkpoints, ours, state, lastSeq, keyedFrom, checkpointFile });
  return report(checked, checkpoints === undefined && !checkpointFile ? null : ours.length);
}

function checkpointsOf(
  checkpoints: readonly ReadCheckpoint[] | undefined,
  state: AuditChainState | undefined,
) {
  if (!checkpoints || !state) return [];
  return checkpoints.filter((c) => c.valid && c.chain === state.chainId);
}

function checkCheckpoints(
  problems: AuditChainProblem[],
  facts: {
    readonly checkpoints: readonly ReadCheckpoint[] | undefined;
    readonly ours: readonly ReadCheckpoint[];
    readonly state: AuditChainState | undefined;
    readonly lastSeq: number;
    readonly keyedFrom: number;
    readonly checkpointFile: string | undefined;
  },
): void {
  const { checkpoints, ours, state, lastSeq, keyedFrom, checkpointFile } = facts;
  if (!checkpointFile) return;
  const hasKeyedRecords = state !== undefined && lastSeq >= keyedFrom;
  if (checkpoints === undefined) {
    if (hasKeyedRecords) {
      problems.push({
        seq: lastSeq,
        kind: "checkpoint-missing",
        message: `the checkpoint file ${checkpointFile} is missing`,
      });
    }
    return;
  }
  for (const c of checkpoints.filter((x) => !x.valid)) {
    problems.push({
      seq: c.seq,
      kind: "checkpoint-mismatch",
      message: `line ${c.line} of the checkpoint file is forged or damaged (its signature does not hold)`,
    });
  }
  const foreign = checkpoints.filter((c) => c.valid && c.chain !== state?.chainId);
  if (foreign.length > 0) {
    problems.push({
      seq: 0,
      kind: "checkpoint-mismatch",
      message: `${foreign.length} checkpoint(s) signed with this key belong to another chain (${foreign[0]?.chain}): the chain was rebuilt, or the checkpoint file of an old database was kept`,
    });
  }
  if (hasKeyedRecords && ours.length === 0) {
    problems.push({
      seq: lastSeq,
      kind: "checkpoint-missing",
      message: "the checkpoint file holds no checkpoint of this chain",
    });
  }
  const furthest = ours.reduce<ReadCheckpoint | undefined>(
    (a, c) => (a && a.seq >= c.seq ? a : c),
    undefined,
  );
  if (furthest && furthest.seq > lastSeq) {
    problems.push({
      seq: furthest.seq,
      kind: "tail-cut",
      message: `the checkpoint at line ${furthest.line} (${furthest.at}) shows record ${furthest.seq}, but the last record is ${lastSeq}: the tail was cut`,
    });
  }
}
