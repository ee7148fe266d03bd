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
import { createDeskWorkers, type DeskWorkerSettings, type DeskWorkers } from "../storage/desk-workers.js";
import { authorizeDeskFile } from "../storage/file-access.js";
import { createIngestionQueue, type IngestionOptions, type IngestionQueue } from "../storage/ingestion.js";
import type { SupportDeskDb } from "../storage/schema.js";
import { openSearchBackend, type SearchBackendOptions } from "../storage/search-backend.js";
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
  /** Limits of the worker threads that parse uploads and attachments. */
  readonly workers?: DeskWorkerSettings;
  /** Largest chat attachment read, in bytes; default 10 MB. */
  readonly attachmentMaxBytes?: number;
  /** Where the lexical index lives and its snapshot file (default from `WARD_SEARCH_*` and the database). */
  readonly search?: Omit<SearchBackendOptions, "env" | "denseModel">;
}

/** A running support desk: its state, its ingestion queue and its web app. */
export interface SupportDesk {
  readonly desk: Desk;
  readonly queue: IngestionQueue;
  /** The worker pools that parse uploads and attachments off the event loop. */
  readonly workers: DeskWorkers;
  readonly model: ModelSettings | undefined;
  /** The embeddings server when dense retrieval is on (`WARD_EMBEDDINGS_*`), else lexical only. */
  readonly embeddings: EmbeddingSettings | undefined;
  readonly app: Hono<PlatformEnv>;
  /** Stops ingestion (files in progress go back to the queue), the workers, then the platform. */
  close(): Promise<void>;
}

/**
 * Builds the support desk on a platform created with `supportDeskMigrations`: opens the lexical
 * index (in process from its snapshot plus the changes since, or in the database on PostgreSQL)
 * and the vector index from stored vectors when `WARD_EMBEDDINGS_*` is set,
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
  const { backend, vectors, documents } = await openSearchBackend(platform, {
    ...options.search,
    env,
    denseModel: embeddings?.model,
  });
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
    lexical: backend.index,
    ...(dense ? { dense: { index: dense.index, embed: dense.embed } } : {}),
    onDenseError: (error) =>
      platform.logger.warn({ err: error }, "embeddings failed; searching lexically only"),
  });
  const desk: Desk = { platform, db, index: backend.index, search: backend, dense, retrieve, documents };
  const workers = createDeskWorkers(options.workers);
  const queue = createIngestionQueue(desk, { ...options, prepare: options.prepare ?? workers.prepare });
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
      registerChatRoutes(app, desk, {
        model,
        workers,
        ...(options.fetch ? { fetch: options.fetch } : {}),
        ...(options.attachmentMaxBytes !== undefined
          ? { attachmentMaxBytes: options.attachmentMaxBytes }
          : {}),
      });
      registerFolderRoutes(app, desk, queue);
      registerDocumentRoutes(app, desk);
      registerRetrievalRoutes(app, desk);
      registerUsageRoutes(app, desk);
      registerHelpRoutes(app, helpContact ? { contact: helpContact } : {});
    },
  });
  const close = async () => {
    await queue.stop();
    await workers.close();
    await platform.close();
  };
  return { desk, queue, workers, model, embeddings, app, close };
}
