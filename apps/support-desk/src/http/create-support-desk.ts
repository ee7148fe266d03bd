import { createApp, type Platform, type PlatformEnv } from "@ward/platform";
import type { Hono } from "hono";
import {
  createEmbeddingsClient,
  createRetriever,
  type EmbeddingSettings,
  embeddingSettingsFromEnv,
  type ModelSettings,
  modelSettingsFromEnv,
} from "../domain/index.js";
import type { Desk } from "../storage/desk.js";
import { loadIndex } from "../storage/documents.js";
import { authorizeDeskFile } from "../storage/file-access.js";
import { createIngestionQueue, type IngestionOptions, type IngestionQueue } from "../storage/ingestion.js";
import type { SupportDeskDb } from "../storage/schema.js";
import { deskSetupChecklist, deskUserGrants } from "./admin-setup.js";
import { registerChatRoutes } from "./chat-routes.js";
import { registerDocumentRoutes } from "./document-routes.js";
import { registerFolderRoutes } from "./folder-routes.js";
import { registerHelpRoutes } from "./help-routes.js";
import { registerRetrievalRoutes } from "./retrieval-routes.js";
import { registerUsageRoutes } from "./usage-routes.js";

/** Options of {@link createSupportDesk}. */
export interface SupportDeskOptions extends IngestionOptions {
  /** Where `WARD_LLM_*`, `WARD_EMBEDDINGS_*` and `WARD_HELP_CONTACT` are read; default `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** For model and embeddings calls (tests). */
  readonly fetch?: typeof fetch;
}

/** A running support desk: its state, its ingestion queue and its web app. */
export interface SupportDesk {
  readonly desk: Desk;
  readonly queue: IngestionQueue;
  readonly model: ModelSettings | undefined;
  /** The embeddings server when dense retrieval is on (`WARD_EMBEDDINGS_*`), else lexical only. */
  readonly embeddings: EmbeddingSettings | undefined;
  readonly app: Hono<PlatformEnv>;
}

/**
 * Builds the support desk on a platform created with `supportDeskMigrations`: rebuilds the BM25
 * index from chunk rows (and the vector index from stored vectors when `WARD_EMBEDDINGS_*` is set),
 * resumes ingestion interrupted by a crash, and returns the web app.
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
  const env = options.env ?? process.env;
  const embeddings = embeddingSettingsFromEnv(env);
  const { index, vectors, documents } = await loadIndex(db, { denseModel: embeddings?.model });
  const dense =
    embeddings && vectors
      ? {
          model: embeddings.model,
          index: vectors,
          embed: createEmbeddingsClient({
            baseUrl: embeddings.baseUrl,
            model: embeddings.model,
            ...(embeddings.apiKey ? { apiKey: embeddings.apiKey } : {}),
            ...(options.fetch ? { fetch: options.fetch } : {}),
          }),
        }
      : undefined;
  const retrieve = createRetriever({
    lexical: index,
    ...(dense ? { dense: { index: dense.index, embed: dense.embed } } : {}),
    onDenseError: (error) =>
      platform.logger.warn({ err: error }, "embeddings failed; searching lexically only"),
  });
  const desk: Desk = { platform, db, index, dense, retrieve, documents };
  const queue = createIngestionQueue(desk, options);
  await queue.recover();
  const model = modelSettingsFromEnv(env);
  const helpContact = env.WARD_HELP_CONTACT?.trim();
  const app = createApp(platform, {
    title: "練馬区 生成AI・RAGサービス",
    // Folder rights, not the department, decide who may read the desk's originals at /files/:id.
    authorizeFileRead: (actor, file) => authorizeDeskFile(desk, actor, file),
    setupChecklist: deskSetupChecklist(desk, model),
    userGrants: [deskUserGrants(desk)],
    nav: [
      { href: "/chat", label: "チャット" },
      { href: "/folders", label: "データフォルダ" },
      { href: "/retrieval", label: "検索テスト" },
      { href: "/usage", label: "利用状況" },
      { href: "/help", label: "使い方" },
    ],
    routes: (app) => {
      app.get("/", (c) => c.redirect("/chat", 303));
      registerChatRoutes(app, desk, { model, ...(options.fetch ? { fetch: options.fetch } : {}) });
      registerFolderRoutes(app, desk, queue);
      registerDocumentRoutes(app, desk);
      registerRetrievalRoutes(app, desk);
      registerUsageRoutes(app, desk);
      registerHelpRoutes(app, helpContact ? { contact: helpContact } : {});
    },
  });
  return { desk, queue, model, embeddings, app };
}
