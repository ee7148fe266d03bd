// Runs the demo app: `pnpm demo` (PGlite in .data/demo) or with DATABASE_URL set (PostgreSQL).

import { startServer } from "../http/start-server.js";
import { createPlatform } from "../platform.js";
import { createDemoApp, demoMigrations } from "./demo-app.js";

const platform = await createPlatform({ appName: "demo", migrations: demoMigrations });
await startServer(createDemoApp(platform), platform, {
  port: Number(process.env.PORT ?? 3000),
  handleSignals: true,
});
