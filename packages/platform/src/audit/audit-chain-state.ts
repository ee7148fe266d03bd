import type { Kysely } from "kysely";
import type { PlatformTables } from "../storage/schema.js";
import { hmacHex } from "./audit-keys.js";
import { canonicalJson } from "./audit-record.js";

/** Where the keyed chain starts and which key it belongs to (the `ward_keyring` row). */
export interface AuditChainState {
  /** Key check value of the master key the data was written under. */
  readonly keyCheck: string;
  /** Random id naming this chain in the checkpoint file. */
  readonly chainId: string;
  /** First record MACed with the chain key; earlier ones are the legacy SHA-256 chain. */
  readonly keyedFromSeq: number;
  /** Hash of the last legacy record (the genesis hash on a new installation). */
  readonly legacyHead: string;
  readonly createdAt: string;
  /** HMAC of the other fields under the chain key, so the start of the keyed part cannot be moved. */
  readonly mac: string;
}

/**
 * The MAC sealing a chain state.
 *
 * @example
 * ```ts
 * chainStateMac(keys.chainKey, state) === state.mac; // untouched
 * ```
 */
export function chainStateMac(chainKey: Uint8Array, state: Omit<AuditChainState, "mac">): string {
  return hmacHex(
    chainKey,
    canonicalJson({
      keyCheck: state.keyCheck,
      chainId: state.chainId,
      keyedFromSeq: state.keyedFromSeq,
      legacyHead: state.legacyHead,
      createdAt: state.createdAt,
    }),
  );
}

/**
 * Reads the chain state row, if the platform has started with a key on this database.
 *
 * @example
 * ```ts
 * (await readChainState(platform.db))?.keyedFromSeq; // 1 on an installation that began keyed
 * ```
 */
// biome-ignore lint/suspicious/noExplicitAny: any database with the platform tables
export async function readChainState(db: Kysely<any>): Promise<AuditChainState | undefined> {
  const row = await (db as Kysely<PlatformTables>)
    .selectFrom("ward_keyring")
    .selectAll()
    .where("id", "=", 1)
    .executeTakeFirst();
  return row
    ? {
        keyCheck: row.key_check,
        chainId: row.chain_id,
        keyedFromSeq: row.keyed_from_seq,
        legacyHead: row.legacy_head,
        createdAt: row.created_at,
        mac: row.mac,
      }
    : undefined;
}
