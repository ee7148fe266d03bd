// One support-desk instance for the two-instance test: the start entry's wiring on a given PostgreSQL
// schema (argv: database URL, schema) with short job leases, so a killed instance's file is re-claimed
// within seconds. Files named `slow-*` wait 3 s before parsing so the test can kill an instance mid-file.
// Prints "ready <url>", and "preparing <file name>" when it starts on a file.
import { startServer } from "@ward/platform";
import { openTestPlatform } from "@ward/platform/testing";
import { createSupportDesk } from "../../src/http/create-support-desk.js";
import { prepareDocument } from "../../src/storage/prepare-document.js";
import { supportDeskMigrations } from "../../src/storage/schema.js";

const [databaseUrl = "", schema = ""] = process.argv.slice(2);
const platform = await openTestPlatform({
  appName: "support-desk",
  databaseUrl,
  schema,
  migrations: supportDeskMigrations,
});
const { app, close } = await createSupportDesk(platform, {
  env: {},
  jobs: { leaseMs: 1_500, pollMs: 250, retryDelayMs: 0 },
  prepare: async (input, policy, options) => {
    process.stdout.write(`preparing ${input.fileName}\n`);
    if (input.fileName.startsWith("slow-")) await new Promise((resolve) => setTimeout(resolve, 3_000));
    return prepareDocument(input, policy, options);
  },
});
const server = await startServer(app, { ...platform, close }, { port: 0, handleSignals: true });
process.stdout.write(`ready ${server.url}\n`);
