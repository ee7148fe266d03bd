// Starts the support desk: PGlite in .data/support-desk (or DATABASE_URL), port from PORT or 3200.
import { createPlatform, startServer } from "@ward/platform";
import { createSupportDesk } from "../http/create-support-desk.js";
import { supportDeskMigrations } from "../storage/schema.js";

const platform = await createPlatform({ appName: "support-desk", migrations: supportDeskMigrations });
const { app, model, embeddings, close } = await createSupportDesk(platform);
// Closing the server stops ingestion and the worker threads before the database.
const server = await startServer(
  app,
  { ...platform, close },
  {
    port: Number(process.env.PORT ?? 3200),
    hostname: process.env.HOST ?? "127.0.0.1",
    handleSignals: true,
  },
);
platform.logger.info(
  {
    url: server.url,
    model: model ? model.model : "offline responder (set WARD_LLM_BASE_URL and WARD_LLM_MODEL)",
    embeddings: embeddings
      ? embeddings.model
      : "lexical only (set WARD_EMBEDDINGS_BASE_URL and WARD_EMBEDDINGS_MODEL)",
  },
  "support desk ready",
);
process.stdout.write(`練馬区 生成AI・RAGサービス: ${server.url}\n`);
