#!/usr/bin/env node
// Committed so pnpm can link the bin on a fresh install, before dist/ exists; the CLI is dist/cli/verify-audit.js.
try {
  await import("../dist/cli/verify-audit.js");
} catch (error) {
  if (error?.code !== "ERR_MODULE_NOT_FOUND" || !String(error.message).includes("dist")) throw error;
  process.stderr.write(
    "ward-verify-audit: @ward/platform is not built; run `pnpm --filter @ward/platform build`\n",
  );
  process.exitCode = 2;
}
