import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Logger } from "pino";
import { SYSTEM } from "../accounts/actor.js";
import { masterKeyMismatch } from "../files/key-errors.js";
import type { PlatformTables } from "../storage/schema.js";
import { type Clock, toTokyoIso } from "../time.js";
import { type AuditChainState, chainStateMac, readChainState } from "./audit-chain-state.js";
import type { AuditKeys } from "./audit-keys.js";
import { appendAudit } from "./audit-log.js";
import { verifyAuditChain } from "./verify-audit-chain.js";

/**
 * Checks the master key against the stored key check value, or — on the first start with a key —
 * verifies the existing unkeyed chain once, stores the key check value and the sealed chain state,
 * and (when there were records) appends `audit.chain.keyed`, the first keyed record, which names
 * the legacy head it continues from.
 *
 * @param db - the platform database carrying its `AuditKeyring` (the owner connection on PostgreSQL)
 * @param keys - the keys derived from the master key
 * @param options - `clock`, `logger`
 * @returns the chain state
 * @throws PlatformError `MASTER_KEY_MISMATCH` when the data was written under another key
 * @example
 * ```ts
 * const state = await openKeyedChain(db, deriveAuditKeys(masterKey), { clock, logger });
 * ```
 */
export async function openKeyedChain(
  db: Kysely<PlatformTables>,
  keys: AuditKeys,
  options: { readonly clock: Clock; readonly logger: Logger },
): Promise<AuditChainState> {
  return db.transaction().execute(async (trx) => {
    const head = await trx
      .selectFrom("audit_head")
      .select(["seq", "hash"])
      .where("id", "=", 1)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const existing = await readChainState(trx);
    if (existing) {
      if (existing.keyCheck !== keys.keyCheck) throw masterKeyMismatch();
      if (chainStateMac(keys.chainKey, existing) !== existing.mac) {
        options.logger.error("the audit chain state was altered; run ward-verify-audit");
      }
      return existing;
    }
    const legacy = head.seq > 0 ? await verifyAuditChain(trx, { checkpointFile: false }) : undefined;
    if (legacy && !legacy.ok) {
      options.logger.error(
        { problems: legacy.problems.slice(0, 20) },
        "the existing (unkeyed) audit chain is broken; keying it from here on, the breaks stay reported",
      );
    }
    const unsealed = {
      keyCheck: keys.keyCheck,
      chainId: randomUUID(),
      keyedFromSeq: head.seq + 1,
      legacyHead: head.hash,
      createdAt: toTokyoIso(options.clock()),
    };
    const state: AuditChainState = { ...unsealed, mac: chainStateMac(keys.chainKey, unsealed) };
    await trx
      .insertInto("ward_keyring")
      .values({
        id: 1,
        key_check: state.keyCheck,
        chain_id: state.chainId,
        keyed_from_seq: state.keyedFromSeq,
        legacy_head: state.legacyHead,
        created_at: state.createdAt,
        mac: state.mac,
      })
      .execute();
    if (legacy) {
      await appendAudit(
        trx,
        SYSTEM,
        {
          action: "audit.chain.keyed",
          result: legacy.ok ? "success" : "failure",
          detail: {
            legacyRecords: legacy.checked,
            legacyHead: head.hash,
            legacyProblems: legacy.problems.length,
          },
        },
        { clock: options.clock },
      );
      options.logger.warn(
        { legacyRecords: legacy.checked, legacyOk: legacy.ok },
        "audit chain keyed: records from now on carry an HMAC under a key derived from the master key",
      );
    }
    return state;
  });
}
