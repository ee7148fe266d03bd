import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { PlatformError } from "../errors.js";

/** A file encrypted under its own key, the key wrapped by the master key (both AES-256-GCM). */
export interface Envelope {
  /** 12-byte IV ‖ 32-byte file key encrypted ‖ 16-byte tag. */
  readonly wrappedKey: Uint8Array;
  readonly iv: Uint8Array;
  readonly tag: Uint8Array;
  readonly ciphertext: Uint8Array;
}

function gcmEncrypt(key: Uint8Array, plaintext: Uint8Array, aad: string) {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(aad, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv, ciphertext, tag: cipher.getAuthTag() };
}

function gcmDecrypt(key: Uint8Array, iv: Uint8Array, ciphertext: Uint8Array, tag: Uint8Array, aad: string) {
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, iv);
    decipher.setAAD(Buffer.from(aad, "utf8"));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch (error) {
    throw new PlatformError("FILE_INTEGRITY", { message: `authentication failed for ${aad}`, cause: error });
  }
}

/**
 * Encrypts a file under a fresh random key and wraps that key with the master key. The file id
 * is authenticated data of both layers, so a ciphertext moved to another id fails to decrypt.
 *
 * @example
 * ```ts
 * const envelope = sealFile(masterKey, "file-1", new TextEncoder().encode("見積書"));
 * ```
 */
export function sealFile(masterKey: Uint8Array, fileId: string, plaintext: Uint8Array): Envelope {
  const fileKey = randomBytes(32);
  const body = gcmEncrypt(fileKey, plaintext, `file:${fileId}`);
  const wrap = gcmEncrypt(masterKey, fileKey, `key:${fileId}`);
  fileKey.fill(0);
  return {
    wrappedKey: new Uint8Array(Buffer.concat([wrap.iv, wrap.ciphertext, wrap.tag])),
    iv: new Uint8Array(body.iv),
    tag: new Uint8Array(body.tag),
    ciphertext: new Uint8Array(body.ciphertext),
  };
}

/**
 * Unwraps the file key and decrypts, verifying both GCM tags.
 *
 * @throws PlatformError `FILE_INTEGRITY` when anything was altered or the master key is wrong
 * @example
 * ```ts
 * new TextDecoder().decode(openFile(masterKey, "file-1", envelope)); // "見積書"
 * ```
 */
export function openFile(masterKey: Uint8Array, fileId: string, envelope: Envelope): Uint8Array {
  const w = envelope.wrappedKey;
  if (w.length !== 12 + 32 + 16)
    throw new PlatformError("FILE_INTEGRITY", { message: `bad wrapped key for ${fileId}` });
  const fileKey = gcmDecrypt(
    masterKey,
    w.subarray(0, 12),
    w.subarray(12, 44),
    w.subarray(44),
    `key:${fileId}`,
  );
  try {
    return new Uint8Array(
      gcmDecrypt(fileKey, envelope.iv, envelope.ciphertext, envelope.tag, `file:${fileId}`),
    );
  } finally {
    fileKey.fill(0);
  }
}
