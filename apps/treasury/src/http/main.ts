// `pnpm start`: the treasury web app on the embedded default (PGlite in .data/treasury) or DATABASE_URL.
import { createPlatform, startServer } from "@ward/platform";
import { treasuryMigrations } from "../storage/migrations.js";
import { createTreasuryWorkers } from "../workers/treasury-workers.js";
import { createTreasuryApp } from "./treasury-app.js";

const platform = await createPlatform({ appName: "treasury", migrations: treasuryMigrations });
// CSV parsing, workbooks and PDFs run in one worker thread (512 MB heap, 60 s per task, 4 waiting).
const workers = createTreasuryWorkers();
const server = await startServer(createTreasuryApp(platform, { workers }), platform, {
  port: Number(process.env.PORT ?? 3100),
  handleSignals: true,
});
process.stdout.write(`練馬区 公金収納・支払事務: ${server.url}\n`);
