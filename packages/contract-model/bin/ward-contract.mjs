#!/usr/bin/env node
// Committed so pnpm can link the bin on a fresh install, before dist/ exists; the CLI is dist/cli.js.
try {
  await import("../dist/cli.js");
} catch (error) {
  if (error?.code !== "ERR_MODULE_NOT_FOUND" || !String(error.message).includes("dist")) throw error;
  process.stderr.write(
    "ward-contract: @ward/contract-model is not built; run `pnpm --filter @ward/contract-model build`\n",
  );
  process.exitCode = 1;
}
