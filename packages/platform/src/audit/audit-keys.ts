import { createHmac, hkdfSync } from "node:crypto";

/** Keys derived from the master key for the audit trail; the database never holds any of them. */
export interface AuditKeys {
  /** HMAC-SHA-256 key of the audit chain's records. */
  readonly chainKey: Uint8Array;
  /** HMAC-SHA-256 key of the checkpoints written outside the database. */
  readonly checkpointKey: Uint8Array;
  /** Key check value stored with the data: proves later starts use the same master key. */
  readonly keyCheck: string;
}

function derive(masterKey: Uint8Array, info: string): Uint8Array {
  // HKDF separates the uses: a leaked checkpoint MAC says nothing about the file-wrapping key.
  return new Uint8Array(hkdfSync("sha256", masterKey, new Uint8Array(0), info, 32));
}

/**
 * Derives the audit chain key, the checkpoint key and the key check value from the master key
 * (HKDF-SHA-256, one `info` label per use).
 *
 * @param masterKey - the 32-byte master key
 * @returns the derived keys
 * @example
 * ```ts
 * deriveAuditKeys(new Uint8Array(32)).keyCheck.length; // 64
 * ```
 */
export function deriveAuditKeys(masterKey: Uint8Array): AuditKeys {
  const checkKey = derive(masterKey, "ward/key-check/v1");
  return {
    chainKey: derive(masterKey, "ward/audit-chain/v1"),
    checkpointKey: derive(masterKey, "ward/audit-checkpoint/v1"),
    keyCheck: hmacHex(checkKey, "ward master key check"),
  };
}

/**
 * HMAC-SHA-256 in hex.
 *
 * @example
 * ```ts
 * hmacHex(new Uint8Array(32), "x").length; // 64
 * ```
 */
export function hmacHex(key: Uint8Array, text: string): string {
  return createHmac("sha256", key).update(text, "utf8").digest("hex");
}
