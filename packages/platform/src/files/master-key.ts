import { randomBytes } from "node:crypto";
import {
  chmodSync,
  constants,
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
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

/** Options of {@link resolveMasterKey}. */
export interface MasterKeyOptions {
  /** Base64 key given in code; wins over everything. */
  readonly masterKey?: string;
  /** Key file given in code; else `WARD_MASTER_KEY_FILE`, else `<secretsDir>/master.key`. */
  readonly masterKeyFile?: string;
  /** Folder for the key file and the audit checkpoints; else `WARD_SECRETS_DIR`, else {@link defaultSecretsDir}. */
  readonly secretsDir?: string;
  readonly appName: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** The embedded data directory: a `master.key` left there by older versions is moved out. */
  readonly dataDir?: string;
  /** Default `process.cwd()`. */
  readonly cwd?: string;
}

/** What {@link resolveMasterKey} found. */
export interface ResolvedMasterKey {
  /** The key, or `undefined` when the key file does not exist yet (see {@link generateMasterKey}). */
  readonly key: Uint8Array | undefined;
  readonly source: MasterKeySource;
  /** The key file (read, or to be generated); absent when the key came from code or the environment. */
  readonly path?: string;
  /** Folder of the key file or the secrets folder: where the audit checkpoints go by default. */
  readonly secretsDir: string;
  /** Set when an old `<dataDir>/master.key` was moved to {@link path}. */
  readonly movedFrom?: string;
}

/**
 * Finds the master key, never inside the data directory: the `masterKey` option, else
 * `WARD_MASTER_KEY`, else the key file (`masterKeyFile`, `WARD_MASTER_KEY_FILE`, else
 * `<secretsDir>/master.key` with secretsDir `WARD_SECRETS_DIR` or {@link defaultSecretsDir}). A
 * `master.key` that an older version left in the data directory is moved to the key file's place
 * (and refused when a different key is already there). Does not generate: the caller decides
 * with {@link generateMasterKey}, after checking that no data was written under another key.
 *
 * @param options - see {@link MasterKeyOptions}
 * @returns the key (or `undefined`), where it came from and the secrets folder
 * @throws PlatformError `MASTER_KEY_INVALID` when a key is malformed, or two different keys exist
 * @example
 * ```ts
 * const { key, path } = resolveMasterKey({ appName: "treasury", env: process.env, dataDir: ".data/treasury" });
 * ```
 */
export function resolveMasterKey(options: MasterKeyOptions): ResolvedMasterKey {
  const env = options.env ?? {};
  const cwd = options.cwd ?? process.cwd();
  const secretsDir = resolve(
    cwd,
    options.secretsDir ??
      env.WARD_SECRETS_DIR ??
      defaultSecretsDir({ appName: options.appName, cwd, dataDir: options.dataDir }),
  );
  const explicitFile = options.masterKeyFile ?? env.WARD_MASTER_KEY_FILE;
  const path = explicitFile ? resolve(cwd, explicitFile) : join(secretsDir, "master.key");
  const keyDir = explicitFile ? dirname(path) : secretsDir;
  if (options.masterKey !== undefined)
    return { key: parseMasterKey(options.masterKey), source: "config", secretsDir: keyDir };
  if (env.WARD_MASTER_KEY)
    return { key: parseMasterKey(env.WARD_MASTER_KEY), source: "env", secretsDir: keyDir };
  const legacy =
    options.dataDir === undefined ? undefined : join(resolve(cwd, options.dataDir), "master.key");
  if (legacy && existsSync(legacy) && resolve(legacy) !== path) {
    const old = parseMasterKey(readFileSync(legacy, "utf8"));
    if (existsSync(path)) {
      const current = parseMasterKey(readFileSync(path, "utf8"));
      if (!Buffer.from(current).equals(Buffer.from(old))) {
        throw new PlatformError("MASTER_KEY_INVALID", {
          message: `two different master keys: ${legacy} (old place, inside the data directory) and ${path}; keep the one the data was written under at ${path} and remove the other / 暗号鍵が二つあります。データを暗号化した鍵だけを ${path} に置き、もう一方を削除してください。`,
        });
      }
      rmSync(legacy);
    } else {
      moveFile(legacy, path);
    }
    return { key: old, source: "file", path, secretsDir: keyDir, movedFrom: legacy };
  }
  if (existsSync(path))
    return { key: parseMasterKey(readFileSync(path, "utf8")), source: "file", path, secretsDir: keyDir };
  return { key: undefined, source: "generated", path, secretsDir: keyDir };
}

/**
 * The default secrets folder: `<root>/.secrets/<name>` for a data directory `<root>/.data/<name>`,
 * else `<cwd>/.secrets/<appName>` — beside the data, never inside it, and covered by `.gitignore`.
 *
 * @example
 * ```ts
 * defaultSecretsDir({ appName: "treasury", cwd: "/srv", dataDir: "/srv/app/.data/treasury" }); // "/srv/app/.secrets/treasury"
 * ```
 */
export function defaultSecretsDir(options: {
  readonly appName: string;
  readonly cwd: string;
  readonly dataDir?: string | undefined;
}): string {
  if (options.dataDir !== undefined) {
    const data = resolve(options.cwd, options.dataDir);
    if (basename(dirname(data)) === ".data") return join(dirname(dirname(data)), ".secrets", basename(data));
  }
  return join(resolve(options.cwd), ".secrets", options.appName);
}

/**
 * Writes a new random master key to `path` with mode 0600 (failing if the file exists).
 *
 * @example
 * ```ts
 * const key = generateMasterKey(".secrets/treasury/master.key");
 * ```
 */
export function generateMasterKey(path: string): Uint8Array {
  mkdirSync(dirname(path), { recursive: true });
  const key = randomBytes(32);
  writeFileSync(path, `${key.toString("base64")}\n`, { mode: 0o600, flag: "wx" });
  // Some umasks and Windows ignore `mode` on create; chmod says it again where it is supported.
  chmodSync(path, 0o600);
  return new Uint8Array(key);
}

function moveFile(from: string, to: string): void {
  mkdirSync(dirname(to), { recursive: true });
  try {
    renameSync(from, to);
  } catch {
    // Another volume: copy (never over an existing file), then remove the old one.
    copyFileSync(from, to, constants.COPYFILE_EXCL);
    rmSync(from);
  }
  chmodSync(to, 0o600);
}
