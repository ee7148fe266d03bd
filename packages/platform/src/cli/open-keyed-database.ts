import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { readChainState } from "../audit/audit-chain-state.js";
import { AuditKeyring } from "../audit/audit-keyring.js";
import { deriveAuditKeys } from "../audit/audit-keys.js";
import { masterKeyMismatch, masterKeyMissing } from "../files/key-errors.js";
import { defaultSecretsDir, parseMasterKey } from "../files/master-key.js";
import { openDatabase, type PlatformDatabase } from "../storage/database.js";

/**
 * For operator CLIs that write audit records without starting the app: opens the app's database
 * with its master key (`WARD_MASTER_KEY`, `WARD_MASTER_KEY_FILE` or `.secrets/<app>/master.key`),
 * checks the key against the stored key check value and carries the audit key, so `appendAudit`
 * works and the checkpoint file gets the new head on close.
 *
 * @throws PlatformError `MASTER_KEY_MISSING` without a key, `MASTER_KEY_MISMATCH` with another one
 * @example
 * ```ts
 * const database = await openKeyedDatabase({ app: "treasury", env: process.env, cwd: process.cwd() });
 * ```
 */
export async function openKeyedDatabase(options: {
  readonly app: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  readonly dataDir?: string | undefined;
  readonly databaseUrl?: string | undefined;
  readonly schema?: string | undefined;
}): Promise<PlatformDatabase> {
  const { env, cwd } = options;
  const dataDir = resolve(cwd, options.dataDir ?? join(".data", options.app));
  const secretsDir = resolve(
    cwd,
    env.WARD_SECRETS_DIR ?? defaultSecretsDir({ appName: options.app, cwd, dataDir }),
  );
  const keyFile = env.WARD_MASTER_KEY_FILE
    ? resolve(cwd, env.WARD_MASTER_KEY_FILE)
    : join(secretsDir, "master.key");
  const keyText = env.WARD_MASTER_KEY || (existsSync(keyFile) ? readFileSync(keyFile, "utf8") : undefined);
  if (!keyText) throw masterKeyMissing(keyFile);
  const keys = deriveAuditKeys(parseMasterKey(keyText));
  const checkpointFile =
    env.WARD_AUDIT_CHECKPOINT_FILE ??
    join(env.WARD_MASTER_KEY_FILE ? dirname(keyFile) : secretsDir, "audit-checkpoints.jsonl");
  const database = options.databaseUrl
    ? await openDatabase({
        databaseUrl: options.databaseUrl,
        ...(options.schema ? { schema: options.schema } : {}),
      })
    : await openDatabase({ dataDir, owner: options.app });
  try {
    const state = await readChainState(database.db);
    if (!state) throw masterKeyMissing(undefined);
    if (state.keyCheck !== keys.keyCheck) throw masterKeyMismatch();
    const keyring = new AuditKeyring(keys, { checkpointFile });
    const db = database.db.withPlugin(keyring);
    keyring.attach(db, state.chainId);
    return {
      ...database,
      db,
      close: async () => {
        try {
          await keyring.close();
        } finally {
          await database.close();
        }
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
