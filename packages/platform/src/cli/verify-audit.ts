#!/usr/bin/env node
// `ward-verify-audit [--app NAME] [--data-dir DIR | --database-url URL --schema S] [--key-file F] [--checkpoint-file F]`:
// verifies the keyed audit chain and the signed checkpoints. Exit 0 intact, 1 problems, 2 bad usage.
import { runVerifyAudit } from "./run-verify-audit.js";

process.exitCode = await runVerifyAudit(process.argv.slice(2), {
  env: process.env,
  cwd: process.cwd(),
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
});
