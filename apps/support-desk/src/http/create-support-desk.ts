import { createApp, html, type Platform, type PlatformEnv } from "@ward/platform";
import { Hono } from "hono";
import { type ModelSettings, modelSettingsFromEnv } from "../domain/index.js";
import type { Desk } from "../storage/desk.js";
import { loadIndex } from "../storage/documents.js";
import { createIngestionQueue, type IngestionOptions, type IngestionQueue } from "../storage/ingestion.js";
import type { SupportDeskDb } from "../storage/schema.js";
import { registerChatRoutes } from "./chat-routes.js";
import { registerDocumentRoutes } from "./document-routes.js";
import { registerFolderRoutes } from "./folder-routes.js";
import { registerRetrievalRoutes } from "./retrieval-routes.js";

/** Options of {@link createSupportDesk}. */
export interface SupportDeskOptions extends IngestionOptions {
  /** Where `WARD_LLM_*` are read; default `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** For model calls (tests). */
  readonly fetch?: typeof fetch;
}

/** A running support desk: its state, its ingestion queue and its web app. */
export interface SupportDesk {
  readonly desk: Desk;
  readonly queue: IngestionQueue;
  readonly model: ModelSettings | undefined;
  readonly app: Hono<PlatformEnv>;
}

/**
 * Builds the support desk on a platform created with `supportDeskMigrations`: rebuilds the index
 * from chunk rows, resumes ingestion interrupted by a crash, and returns the web app.
 *
 * @example
 * ```ts
 * const platform = await createPlatform({ appName: "support-desk", migrations: supportDeskMigrations });
 * const { app } = await createSupportDesk(platform);
 * await startServer(app, platform, { port: 3200 });
 * ```
 */
export async function createSupportDesk(
  platform: Platform,
  options: SupportDeskOptions = {},
): Promise<SupportDesk> {
  const db = platform.db as unknown as SupportDeskDb;
  const desk: Desk = { platform, db, ...(await loadIndex(db)) };
  const queue = createIngestionQueue(desk, options);
  await queue.recover();
  const model = modelSettingsFromEnv(options.env ?? process.env);
  const inner = createApp(platform, {
    title: "練馬区 生成AI・RAGサービス",
    nav: [
      { href: "/chat", label: "チャット" },
      { href: "/folders", label: "データフォルダ" },
      { href: "/retrieval", label: "検索テスト" },
    ],
    routes: (app) => {
      app.get("/", (c) => c.redirect("/chat", 303));
      registerChatRoutes(app, desk, { model, ...(options.fetch ? { fetch: options.fetch } : {}) });
      registerFolderRoutes(app, desk, queue);
      registerDocumentRoutes(app, desk);
      registerRetrievalRoutes(app, desk);
      app.get("/help", (c) =>
        c.html(html`<!doctype html><html lang="ja"><title>ヘルプ</title><p>ヘルプは準備中です。</p></html>`),
      );
    },
  });
  // The platform's /files/:id uses the department rule; folder rights are narrower, so originals
  // of the desk's documents are only served through /documents/:id/file.
  const app = new Hono<PlatformEnv>();
  app.get("/files/:id", async (c, next) => {
    const owned = await db
      .selectFrom("support_desk_versions")
      .select("id")
      .where("file_id", "=", c.req.param("id"))
      .executeTakeFirst();
    const queued = owned
      ? owned
      : await db
          .selectFrom("support_desk_job_files")
          .select("id")
          .where("file_id", "=", c.req.param("id"))
          .executeTakeFirst();
    if (queued) return c.text("Not Found", 404);
    return next();
  });
  app.route("/", inner);
  return { desk, queue, model, app };
}
