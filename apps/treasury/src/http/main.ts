// `pnpm start`: the treasury web app on the embedded default (PGlite in .data/treasury) or DATABASE_URL.
import { createPlatform, startServer } from "@ward/platform";
import { treasuryMigrations } from "../storage/migrations.js";
import { createTreasuryApp } from "./treasury-app.js";

const platform = await createPlatform({ appName: "treasury", migrations: treasuryMigrations });
const server = await startServer(createTreasuryApp(platform), platform, {
  port: Number(process.env.PORT ?? 3100),
  handleSignals: true,
});
process.stdout.write(`練馬区 公金収納・支払事務: ${server.url}\n`);
