#!/usr/bin/env node
// Committed so pnpm can link the bin on a fresh install, before dist/ exists; the CLI is dist/cli/break-glass.js.
try {
  await import("../dist/cli/break-glass.js");
} catch (error) {
  if (error?.code !== "ERR_MODULE_NOT_FOUND" || !String(error.message).includes("dist")) throw error;
  process.stderr.write(
    "ward-break-glass: @ward/platform is not built; run `pnpm --filter @ward/platform build`\n",
  );
  process.exitCode = 2;
}
