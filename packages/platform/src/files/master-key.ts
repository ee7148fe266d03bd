import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PlatformError } from "../errors.js";

/** How the master key was obtained. */
export type MasterKeySource = "config" | "env" | "file" | "generated";

/**
 * Decodes a base64 master key and checks it is 32 bytes (AES-256).
 *
 * @throws PlatformError `MASTER_KEY_INVALID`
 * @example
 * ```ts
 * parseMasterKey(Buffer.alloc(32, 7).toString("base64")).length; // 32
 * ```
 */
export function parseMasterKey(base64: string): Uint8Array {
  const trimmed = base64.trim();
  const key = Buffer.from(trimmed, "base64");
  if (!/^[A-Za-z0-9+/]+=*$/.test(trimmed) || key.length !== 32) {
    throw new PlatformError("MASTER_KEY_INVALID", { message: "the master key must be 32 bytes in base64" });
  }
  return new Uint8Array(key);
}

/**
 * Finds the master key: the explicit option, else `WARD_MASTER_KEY`, else (embedded data dir
 * only) `master.key` in the data directory, generated with mode 0600 on first start.
 *
 * @param options - `masterKey` (base64), `env`, `dataDir` (embedded only)
 * @returns the key and where it came from
 * @throws PlatformError `MASTER_KEY_INVALID` when a key is malformed or none can be found on PostgreSQL
 * @example
 * ```ts
 * const { key, source } = resolveMasterKey({ env: process.env, dataDir: ".data/demo" });
 * ```
 */
export function resolveMasterKey(options: {
  readonly masterKey?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly dataDir?: string;
}): { key: Uint8Array; source: MasterKeySource; path?: string } {
  if (options.masterKey !== undefined) return { key: parseMasterKey(options.masterKey), source: "config" };
  const fromEnv = options.env?.WARD_MASTER_KEY;
  if (fromEnv) return { key: parseMasterKey(fromEnv), source: "env" };
  if (options.dataDir === undefined) {
    throw new PlatformError("MASTER_KEY_INVALID", {
      message: "set WARD_MASTER_KEY (base64 of 32 random bytes) when using PostgreSQL",
    });
  }
  const path = join(options.dataDir, "master.key");
  if (existsSync(path)) return { key: parseMasterKey(readFileSync(path, "utf8")), source: "file", path };
  mkdirSync(options.dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(path, `${key.toString("base64")}\n`, { mode: 0o600, flag: "wx" });
  // Some umasks and Windows ignore `mode` on create; chmod says it again where it is supported.
  chmodSync(path, 0o600);
  return { key: new Uint8Array(key), source: "generated", path };
}
