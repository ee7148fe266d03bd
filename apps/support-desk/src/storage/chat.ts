import { type Actor, appendAudit, PlatformError, type SessionUser } from "@ward/platform";
import {
  type AnswerProvider,
  attachmentMessages,
  type ChatMessage,
  type Citation,
  type CitedPassage,
  citePassages,
  redactExcerpts,
  type TokenUsage,
} from "../domain/index.js";
import type { Desk } from "./desk.js";
import { documentNames } from "./document-names.js";
import { listFolders } from "./folders.js";
import type { SupportDeskDb } from "./schema.js";
import { recordUsage } from "./usage.js";

/** A chat thread in the history list. */
export interface ThreadSummary {
  readonly id: number;
  readonly title: string;
  readonly updatedAt: Date;
}

/** A stored chat message. */
export interface StoredMessage {
  readonly id: number;
  readonly role: "user" | "assistant";
  readonly content: string;
  readonly citations: readonly Citation[];
  readonly provider: string | null;
  readonly notices: readonly string[];
  readonly createdAt: Date;
}

/** A question being answered: what was retrieved and the answer's text as it is written. */
export interface PendingAnswer {
  readonly provider: string;
  readonly citations: readonly Citation[];
  readonly passages: readonly CitedPassage[];
  readonly text: AsyncIterable<string>;
  /** The folders searched (the user's readable ones, or the one chosen). */
  readonly folderIds: readonly number[];
  /** The tokens the model server reported for this answer, once `text` is consumed. */
  tokens(): TokenUsage | undefined;
}

/**
 * The user's chat threads, newest first (別紙1 1(9)).
 *
 * @example
 * ```ts
 * (await listThreads(desk, user.id))[0]?.title; // "窓口の受付時間は？"
 * ```
 */
export async function listThreads(desk: Desk, userId: number): Promise<ThreadSummary[]> {
  const rows = await desk.db
    .selectFrom("support_desk_threads")
    .select(["id", "title", "updated_at"])
    .where("user_id", "=", userId)
    .orderBy("updated_at", "desc")
    .orderBy("id", "desc")
    .limit(100)
    .execute();
  return rows.map((r) => ({ id: r.id, title: r.title, updatedAt: r.updated_at }));
}

/**
 * One of the user's threads with its messages; another user's thread is `NOT_FOUND`.
 *
 * @throws PlatformError `NOT_FOUND`
 * @example
 * ```ts
 * const { thread, messages } = await getThread(desk, user.id, 4);
 * ```
 */
export async function getThread(
  desk: Desk,
  userId: number,
  threadId: number,
): Promise<{ thread: ThreadSummary; messages: StoredMessage[] }> {
  const thread = await desk.db
    .selectFrom("support_desk_threads")
    .select(["id", "title", "updated_at"])
    .where("id", "=", threadId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  if (!thread) throw new PlatformError("NOT_FOUND", { message: `thread ${threadId}` });
  const rows = await desk.db
    .selectFrom("support_desk_messages")
    .selectAll()
    .where("thread_id", "=", threadId)
    .orderBy("id")
    .execute();
  return {
    thread: { id: thread.id, title: thread.title, updatedAt: thread.updated_at },
    messages: rows.map((r) => ({
      id: r.id,
      role: r.role,
      content: r.content,
      citations: JSON.parse(r.citations) as Citation[],
      provider: r.provider,
      notices: JSON.parse(r.notices) as string[],
      createdAt: r.created_at,
    })),
  };
}

/**
 * Retrieves the passages the user may read (optionally in one folder, with that folder's top-k)
 * and starts the answer. Passages from folders the user cannot read never reach the provider.
 *
 * @throws PlatformError `NOT_FOUND` (a folder or thread the user cannot see)
 * @example
 * ```ts
 * const pending = await startAnswer(desk, user, { question: "受付時間は？" }, provider);
 * for await (const delta of pending.text) write(delta);
 * ```
 */
export async function startAnswer(
  desk: Desk,
  user: SessionUser,
  input: {
    readonly question: string;
    readonly threadId?: number;
    readonly folderId?: number;
    readonly attachments?: ReadonlyArray<{ readonly name: string; readonly text: string }>;
    readonly signal?: AbortSignal;
  },
  provider: AnswerProvider,
): Promise<PendingAnswer> {
  const folders = await listFolders(desk, user);
  let scope = folders.map((f) => String(f.folder.id));
  let limit = 5;
  if (input.folderId !== undefined) {
    const folder = folders.find((f) => f.folder.id === input.folderId);
    if (!folder) throw new PlatformError("NOT_FOUND", { message: `folder ${input.folderId}` });
    scope = [String(folder.folder.id)];
    limit = folder.folder.topK;
  }
  const history: ChatMessage[] = [];
  if (input.threadId !== undefined) {
    const { messages } = await getThread(desk, user.id, input.threadId);
    for (const m of messages.slice(-6)) history.push({ role: m.role, content: m.content });
  }
  const hits = await desk.retrieve(input.question, {
    readableFolderIds: scope,
    limit,
    ...(input.signal ? { signal: input.signal } : {}),
  });
  const { passages, citations } = citePassages(
    hits,
    await documentNames(
      desk,
      hits.map((h) => h.documentId),
    ),
  );
  let tokens: TokenUsage | undefined;
  const text = provider.answer(
    {
      question: input.question,
      passages,
      history: [...history, ...attachmentMessages(input.attachments ?? [])],
    },
    {
      ...(input.signal ? { signal: input.signal } : {}),
      onUsage: (usage) => {
        tokens = usage;
      },
    },
  );
  return {
    provider: provider.id,
    citations,
    passages,
    text,
    folderIds: scope.map(Number),
    tokens: () => tokens,
  };
}

/**
 * Stores a question and its answer in the user's thread (a new one when `threadId` is absent),
 * with its usage record (folders searched, provider, tokens or characters) and the audit record,
 * in one transaction.
 *
 * @throws PlatformError `NOT_FOUND` (another user's thread)
 * @example
 * ```ts
 * const { threadId } = await saveExchange(desk, actor, { question, answer, citations, provider: "offline", notices: [] });
 * ```
 */
export async function saveExchange(
  desk: Desk,
  actor: Actor,
  exchange: {
    readonly threadId?: number;
    readonly question: string;
    readonly answer: string;
    readonly citations: readonly Citation[];
    readonly provider: string;
    readonly notices: readonly string[];
    readonly attachmentNames?: readonly string[];
    readonly folderIds?: readonly number[];
    readonly tokens?: TokenUsage | undefined;
  },
): Promise<{ threadId: number; messageId: number }> {
  const user = actor.user;
  if (user === null) throw new PlatformError("UNAUTHENTICATED");
  const now = desk.platform.clock();
  return desk.db.transaction().execute(async (trx) => {
    let threadId = exchange.threadId;
    if (threadId === undefined) {
      const created = await trx
        .insertInto("support_desk_threads")
        .values({
          user_id: user.id,
          title: exchange.question.replace(/\s+/g, " ").slice(0, 60),
          created_at: now,
          updated_at: now,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      threadId = created.id;
    } else {
      const owned = await trx
        .updateTable("support_desk_threads")
        .set({ updated_at: now })
        .where("id", "=", threadId)
        .where("user_id", "=", user.id)
        .returning("id")
        .executeTakeFirst();
      if (!owned) throw new PlatformError("NOT_FOUND", { message: `thread ${threadId}` });
    }
    await trx
      .insertInto("support_desk_messages")
      .values({
        thread_id: threadId,
        role: "user",
        content: exchange.question,
        citations: "[]",
        provider: null,
        notices: JSON.stringify(exchange.attachmentNames?.map((n) => `添付: ${n}`) ?? []),
        created_at: now,
      })
      .execute();
    const answer = await trx
      .insertInto("support_desk_messages")
      .values({
        thread_id: threadId,
        role: "assistant",
        content: exchange.answer,
        citations: JSON.stringify(exchange.citations),
        provider: exchange.provider,
        notices: JSON.stringify(exchange.notices),
        created_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordUsage(trx, {
      userId: user.id,
      askedAt: now,
      threadId,
      folderIds: exchange.folderIds ?? [],
      provider: exchange.provider,
      tokens: exchange.tokens,
      questionChars: exchange.question.length,
      answerChars: exchange.answer.length,
    });
    await appendAudit(
      trx,
      actor,
      {
        action: "chat.ask",
        targetType: "thread",
        targetId: threadId,
        detail: {
          provider: exchange.provider,
          folderIds: exchange.folderIds ?? [],
          questionChars: exchange.question.length,
          answerChars: exchange.answer.length,
          citations: exchange.citations.map((c) => ({ documentId: c.documentId, label: c.label })),
          attachments: exchange.attachmentNames ?? [],
        },
      },
      { clock: desk.platform.clock },
    );
    return { threadId, messageId: answer.id };
  });
}

/**
 * Replaces, in every thread that cites a document, what its messages and title quote from the
 * document's texts by 「（削除された文書の引用）」; questions, the answers' own words and the
 * citation numbers stay, so the thread remains readable. Run inside the deletion's transaction.
 *
 * @param trx - the transaction deleting the document
 * @param documentId - the document being deleted or erased
 * @param sources - its texts (sections and chunks of every version)
 * @returns how many messages and thread titles were rewritten
 * @example
 * ```ts
 * await tombstoneCitedExcerpts(trx, documentId, texts); // { messages: 2, threads: 0 }
 * ```
 */
export async function tombstoneCitedExcerpts(
  trx: SupportDeskDb,
  documentId: string,
  sources: readonly string[],
): Promise<{ messages: number; threads: number }> {
  // Citations are stored as JSON written by JSON.stringify, so the key and id appear verbatim.
  const citing = await trx
    .selectFrom("support_desk_messages")
    .select("thread_id")
    .distinct()
    .where("citations", "like", `%"documentId":${JSON.stringify(documentId).replace(/[%_\\]/g, "\\$&")}%`)
    .execute();
  const threadIds = citing.map((r) => r.thread_id);
  if (threadIds.length === 0) return { messages: 0, threads: 0 };
  let messages = 0;
  let threads = 0;
  const rows = await trx
    .selectFrom("support_desk_messages")
    .select(["id", "content"])
    .where("thread_id", "in", threadIds)
    .execute();
  for (const row of rows) {
    const content = redactExcerpts(row.content, sources);
    if (content === row.content) continue;
    await trx.updateTable("support_desk_messages").set({ content }).where("id", "=", row.id).execute();
    messages += 1;
  }
  const titled = await trx
    .selectFrom("support_desk_threads")
    .select(["id", "title"])
    .where("id", "in", threadIds)
    .execute();
  for (const row of titled) {
    const title = redactExcerpts(row.title, sources);
    if (title === row.title) continue;
    await trx.updateTable("support_desk_threads").set({ title }).where("id", "=", row.id).execute();
    threads += 1;
  }
  return { messages, threads };
}
