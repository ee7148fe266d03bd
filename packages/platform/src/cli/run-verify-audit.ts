import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { verifyAuditChain } from "../audit/verify-audit-chain.js";
import { defaultSecretsDir, parseMasterKey } from "../files/master-key.js";
import { openDatabase } from "../storage/database.js";

/** What {@link runVerifyAudit} reads from and writes to. */
export interface VerifyAuditIo {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  out(text: string): void;
  err(text: string): void;
}

const USAGE = `usage: ward-verify-audit [--app NAME] [--data-dir DIR | --database-url URL [--schema S]]
                         [--key-file FILE] [--checkpoint-file FILE | --no-checkpoints]
The master key: WARD_MASTER_KEY, else --key-file / WARD_MASTER_KEY_FILE, else .secrets/<app>/master.key.
Checkpoints: --checkpoint-file / WARD_AUDIT_CHECKPOINT_FILE, else audit-checkpoints.jsonl beside the key file.
Exit code 0 when intact, 1 when a problem is found, 2 on bad usage.
`;

/**
 * The `ward-verify-audit` command: verifies the keyed audit chain and the signed checkpoints of an
 * app's database and prints one line per problem.
 *
 * @param argv - the arguments after the program name
 * @param io - environment, working directory and output
 * @returns the exit code: 0 intact, 1 problems found, 2 bad usage
 * @example
 * ```ts
 * process.exitCode = await runVerifyAudit(process.argv.slice(2), { env: process.env, cwd: process.cwd(), out, err });
 * ```
 */
export async function runVerifyAudit(argv: readonly string[], io: VerifyAuditIo): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        "data-dir": { type: "string" },
        "database-url": { type: "string" },
        schema: { type: "string" },
        app: { type: "string", default: "demo" },
        "key-file": { type: "string" },
        "checkpoint-file": { type: "string" },
        "no-checkpoints": { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    io.err(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  const str = (name: string) => (typeof values[name] === "string" ? (values[name] as string) : undefined);
  const app = str("app") ?? "demo";
  const dataDir = resolve(io.cwd, str("data-dir") ?? join(".data", app));
  const secretsDir = resolve(
    io.cwd,
    io.env.WARD_SECRETS_DIR ?? defaultSecretsDir({ appName: app, cwd: io.cwd, dataDir }),
  );
  const explicitKeyFile = str("key-file") ?? io.env.WARD_MASTER_KEY_FILE;
  const keyFile = explicitKeyFile ? resolve(io.cwd, explicitKeyFile) : join(secretsDir, "master.key");
  // Installations that were never started by this version still keep the key in the data directory.
  const oldKeyFile = join(dataDir, "master.key");
  const keyText = io.env.WARD_MASTER_KEY
    ? io.env.WARD_MASTER_KEY
    : existsSync(keyFile)
      ? readFileSync(keyFile, "utf8")
      : existsSync(oldKeyFile)
        ? readFileSync(oldKeyFile, "utf8")
        : undefined;
  if (keyText === undefined) io.err(`no master key (looked for ${keyFile}): record MACs cannot be checked\n`);
  const masterKey = keyText === undefined ? undefined : parseMasterKey(keyText);
  const checkpointFile = values["no-checkpoints"]
    ? false
    : resolve(
        io.cwd,
        str("checkpoint-file") ??
          io.env.WARD_AUDIT_CHECKPOINT_FILE ??
          join(explicitKeyFile ? dirname(keyFile) : secretsDir, "audit-checkpoints.jsonl"),
      );
  const databaseUrl = str("database-url") ?? io.env.DATABASE_URL;
  const schema = str("schema");
  const database = databaseUrl
    ? await openDatabase({ databaseUrl, ...(schema ? { schema } : {}) })
    : await openDatabase({ dataDir, owner: "verify-audit" });
  try {
    const report = await verifyAuditChain(database.db, {
      ...(masterKey ? { masterKey } : {}),
      checkpointFile,
    });
    for (const problem of report.problems)
      io.err(`NG  #${problem.seq} ${problem.kind}: ${problem.message}\n`);
    const checkpoints =
      report.checkpoints === null
        ? "checkpoints not checked"
        : `${report.checkpoints} checkpoint(s) of ${checkpointFile}`;
    io.out(
      report.ok
        ? `OK  audit chain intact: ${report.checked} records, keyed from #${report.keyedFrom ?? "-"}, ${checkpoints}\n`
        : `NG  ${report.problems.length} problem(s) in ${report.checked} records\n`,
    );
    return report.ok ? 0 : 1;
  } finally {
    await database.close();
  }
}
