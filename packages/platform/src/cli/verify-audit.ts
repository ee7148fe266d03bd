#!/usr/bin/env node
// Verifies the audit hash chain: `tsx src/cli/verify-audit.ts [--data-dir DIR | --database-url URL] [--schema S]`.
// Exit code 0 when intact, 1 when a problem is found, 2 on bad usage.
import { join } from "node:path";
import { parseArgs } from "node:util";
import { verifyAuditChain } from "../audit/verify-audit-chain.js";
import { openDatabase } from "../storage/database.js";

const { values } = parseArgs({
  options: {
    "data-dir": { type: "string" },
    "database-url": { type: "string" },
    schema: { type: "string" },
    app: { type: "string", default: "demo" },
  },
});
const databaseUrl = values["database-url"] ?? process.env.DATABASE_URL;
const database = databaseUrl
  ? await openDatabase({ databaseUrl, ...(values.schema ? { schema: values.schema } : {}) })
  : await openDatabase({
      dataDir: values["data-dir"] ?? join(process.cwd(), ".data", values.app),
      owner: "verify-audit",
    });
try {
  const report = await verifyAuditChain(database.db);
  for (const problem of report.problems)
    process.stderr.write(`NG  #${problem.seq} ${problem.kind}: ${problem.message}\n`);
  process.stdout.write(
    report.ok
      ? `OK  audit chain intact: ${report.checked} records\n`
      : `NG  ${report.problems.length} problem(s) in ${report.checked} records\n`,
  );
  process.exitCode = report.ok ? 0 : 1;
} finally {
  await database.close();
}
