import {
  csrfField,
  html,
  isPlatformError,
  type PlatformEnv,
  PlatformError,
  parseJson,
  renderPage,
} from "@ward/platform";
import type { Hono } from "hono";
import { z } from "zod";
import {
  type Citation,
  createAnswerProvider,
  type ModelSettings,
  readPromptAttachments,
} from "../domain/index.js";
import { getThread, listThreads, saveExchange, startAnswer } from "../storage/chat.js";
import type { Desk } from "../storage/desk.js";
import type { DeskWorkers } from "../storage/desk-workers.js";
import { listFolders } from "../storage/folders.js";
import { type Ctx, idParam, optionalId, text, uploadedFiles, userOf } from "./helpers.js";

const questionSchema = z
  .string()
  .trim()
  .min(1, "質問を入力してください。")
  .max(4000, "質問は4,000文字以内にしてください。");

function sources(citations: readonly Citation[]) {
  if (citations.length === 0)
    return html`<p class="sources-none">出典: なし（閲覧できる資料に該当する箇所はありませんでした）</p>`;
  return html`<h3>出典</h3><ol class="sources">${citations.map(
    (c) =>
      html`<li value="${c.number}"><a class="citation" href="${c.href}">${c.documentName}（${c.label}）</a></li>`,
  )}</ol>`;
}

/** Registers the chat screens and the streaming chat API. */
export function registerChatRoutes(
  app: Hono<PlatformEnv>,
  desk: Desk,
  options: {
    readonly model: ModelSettings | undefined;
    readonly fetch?: typeof fetch;
    /** Reads attachments in worker threads (deadline, memory and page caps). */
    readonly workers: DeskWorkers;
    /** Largest attachment read, in bytes; default 10 MB. */
    readonly attachmentMaxBytes?: number;
  },
): void {
  // One provider per question; `answeredBy` follows a fallback so usage names who really answered.
  const providerFor = (images: readonly string[] = []) => {
    const answered: { by?: string } = {};
    const provider = createAnswerProvider(options.model, {
      images,
      ...(options.fetch ? { fetch: options.fetch } : {}),
      onFallback: (id, error, next) => {
        answered.by = next;
        desk.platform.logger.warn({ err: error, provider: id }, "model failed; offline answer");
      },
    });
    return { provider, answeredBy: () => answered.by ?? provider.id };
  };

  const chatPage = async (c: Ctx, threadId: number | undefined, error?: string) => {
    const user = userOf(c);
    const threads = await listThreads(desk, user.id);
    const current = threadId === undefined ? undefined : await getThread(desk, user.id, threadId);
    const folders = await listFolders(desk, user);
    return renderPage(c, {
      title: current ? current.thread.title : "新しいチャット",
      status: error ? 422 : 200,
      ...(error ? { error } : {}),
      body: html`<link rel="stylesheet" href="/support-desk/app.css">
<div class="chat">
<aside aria-label="チャット履歴"><p><a href="/chat">＋ 新しいチャットを始める</a></p>
<h2>過去のチャット</h2>${
        threads.length === 0
          ? html`<p>まだありません。</p>`
          : html`<ul>${threads.map(
              (t) =>
                html`<li><a href="/chat/${t.id}"${t.id === threadId ? html` aria-current="page"` : ""}>${t.title}</a></li>`,
            )}</ul>`
      }</aside>
<section aria-label="会話">
${(current?.messages ?? []).map(
  (m) => html`<article class="message ${m.role}" id="m-${m.id}">
<h2>${m.role === "user" ? "質問" : "回答"}</h2>
<div class="text">${m.content}</div>
${m.notices.length > 0 ? html`<ul class="notice-list">${m.notices.map((n) => html`<li>${n}</li>`)}</ul>` : ""}
${m.role === "assistant" ? sources(m.citations) : ""}
</article>`,
)}
<section id="stream" class="message assistant" hidden aria-live="polite"><h2>回答（作成中）</h2>
<div class="text" id="stream-text"></div><ol class="sources" id="stream-sources"></ol></section>
<form id="ask-form" method="post" action="/chat/ask" enctype="multipart/form-data">${csrfField(c.get("session")?.csrfToken)}
${threadId !== undefined ? html`<input type="hidden" name="threadId" value="${threadId}">` : ""}
<div class="field"><label for="f-question">質問</label>
<textarea id="f-question" name="question" rows="4" required aria-required="true"></textarea></div>
<div class="field"><label for="f-folderId">検索するフォルダ</label>
<select id="f-folderId" name="folderId"><option value="">閲覧できるすべてのフォルダ</option>${folders.map(
        (f) => html`<option value="${f.folder.id}">${f.folder.name}</option>`,
      )}</select></div>
<div class="field"><label for="f-attachments">添付ファイル（任意）</label>
<span class="hint" id="f-attachments-hint">テキスト、Word、CSV、PDF、PowerPoint、Excel、PNG、JPG</span>
<input id="f-attachments" type="file" name="attachments" multiple aria-describedby="f-attachments-hint"></div>
<button class="primary" type="submit">質問する</button> <span id="ask-status" role="status"></span>
</form>
</section></div>
<script src="/support-desk/chat.js" defer></script>`,
    });
  };

  app.get("/chat", (c) => chatPage(c, undefined));
  app.get("/chat/:id{[0-9]+}", (c) => chatPage(c, idParam(c, "id")));

  app.post("/chat/ask", async (c) => {
    const user = userOf(c);
    const body = await c.req.parseBody({ all: true });
    const threadId = optionalId(text(body, "threadId"));
    const question = questionSchema.safeParse(text(body, "question"));
    if (!question.success) return chatPage(c, threadId, question.error.issues[0]?.message);
    const folderId = optionalId(text(body, "folderId"));
    const files = await uploadedFiles(body, "attachments");
    const attachments = await readPromptAttachments(
      files.map((f) => ({ name: f.name, bytes: f.data })),
      {
        acceptsImages: options.model?.acceptsImages ?? false,
        ...(options.attachmentMaxBytes !== undefined ? { maxBytes: options.attachmentMaxBytes } : {}),
        read: (file) => options.workers.readAttachment(file, c.req.raw.signal),
        // A full attachment queue answers 503 to this question rather than dropping the file silently.
        fatal: (error) => isPlatformError(error, "SERVER_BUSY"),
      },
    );
    const chosen = providerFor(attachments.images.map((i) => i.dataUrl));
    const pending = await startAnswer(
      desk,
      user,
      {
        question: question.data,
        ...(threadId !== undefined ? { threadId } : {}),
        ...(folderId !== undefined ? { folderId } : {}),
        attachments: attachments.texts,
      },
      chosen.provider,
    );
    let answer = "";
    for await (const delta of pending.text) answer += delta;
    const saved = await saveExchange(desk, c.get("actor"), {
      ...(threadId !== undefined ? { threadId } : {}),
      question: question.data,
      answer,
      citations: pending.citations,
      provider: chosen.answeredBy(),
      folderIds: pending.folderIds,
      tokens: pending.tokens(),
      notices: attachments.notices,
      attachmentNames: files.map((f) => f.name),
    });
    return c.redirect(`/chat/${saved.threadId}#m-${saved.messageId}`, 303);
  });

  // NDJSON stream: {"type":"sources",citations} then {"type":"delta",text}… then {"type":"done",threadId,messageId}.
  app.post("/api/chat", async (c) => {
    const user = userOf(c);
    const input = await parseJson(
      c,
      z.object({
        question: questionSchema,
        threadId: z.number().int().positive().optional(),
        folderId: z.number().int().positive().optional(),
      }),
    );
    const controller = new AbortController();
    const chosen = providerFor();
    const pending = await startAnswer(
      desk,
      user,
      {
        question: input.question,
        ...(input.threadId !== undefined ? { threadId: input.threadId } : {}),
        ...(input.folderId !== undefined ? { folderId: input.folderId } : {}),
        signal: controller.signal,
      },
      chosen.provider,
    );
    const actor = c.get("actor");
    const encoder = new TextEncoder();
    const line = (value: unknown) => encoder.encode(`${JSON.stringify(value)}\n`);
    const stream = new ReadableStream<Uint8Array>({
      async start(out) {
        out.enqueue(line({ type: "sources", provider: pending.provider, citations: pending.citations }));
        let answer = "";
        try {
          for await (const delta of pending.text) {
            answer += delta;
            out.enqueue(line({ type: "delta", text: delta }));
          }
          const saved = await saveExchange(desk, actor, {
            ...(input.threadId !== undefined ? { threadId: input.threadId } : {}),
            question: input.question,
            answer,
            citations: pending.citations,
            provider: chosen.answeredBy(),
            notices: [],
            folderIds: pending.folderIds,
            tokens: pending.tokens(),
          });
          out.enqueue(line({ type: "done", ...saved }));
        } catch (error) {
          desk.platform.logger.warn({ err: error }, "chat stream failed");
          out.enqueue(
            line({ type: "error", message: "回答の作成中にエラーが発生しました。もう一度お試しください。" }),
          );
        }
        out.close();
      },
      cancel() {
        controller.abort();
      },
    });
    return new Response(stream, {
      headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "no-store" },
    });
  });

  app.get("/api/chat/threads", async (c) => c.json({ threads: await listThreads(desk, userOf(c).id) }));
  app.get("/api/chat/threads/:id{[0-9]+}", async (c) => {
    const thread = await getThread(desk, userOf(c).id, idParam(c, "id")).catch((error: unknown) => {
      throw error instanceof PlatformError ? error : new PlatformError("NOT_FOUND");
    });
    return c.json(thread);
  });
}
