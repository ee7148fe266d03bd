import { type Citation, type CitedPassage, citePassages, type Retrieve } from "@ward/search-ja";
import type { AnswerProvider } from "./answer-provider.js";
import type { ChatMessage } from "./chat-completions-client.js";

/** A question to answer for one user. */
export interface QuestionRequest {
  readonly question: string;
  /** The folders this user may read; retrieval never looks anywhere else. */
  readonly readableFolderIds: ReadonlySet<string> | readonly string[];
  readonly history?: readonly ChatMessage[];
  /** Passages to retrieve (default 5). */
  readonly passages?: number;
  readonly signal?: AbortSignal;
}

/** An answer in progress: its citations are known before the first word of text arrives. */
export interface AnswerStream {
  readonly provider: string;
  readonly citations: readonly Citation[];
  readonly passages: readonly CitedPassage[];
  readonly text: AsyncIterable<string>;
}

/**
 * Retrieves readable passages for a question and starts the provider's answer, with citations
 * (document, locator, viewer link) for every passage the provider was given.
 *
 * @param request - question, readable folders, history
 * @param dependencies - `retrieve`, `provider`, and `documentName` for citation labels
 * @returns the citations and the streaming answer text
 * @example
 * const answer = await streamAnswer({ question: "窓口の受付時間は？", readableFolderIds: ["総務課"] },
 *   { retrieve, provider: createOfflineResponder(), documentName: (id) => names.get(id) ?? id });
 * answer.citations[0]?.href; // => "/documents/d1/view#page=3"
 */
export async function streamAnswer(
  request: QuestionRequest,
  dependencies: {
    readonly retrieve: Retrieve;
    readonly provider: AnswerProvider;
    readonly documentName: (documentId: string) => string;
  },
): Promise<AnswerStream> {
  const searchOptions = {
    readableFolderIds: request.readableFolderIds,
    limit: request.passages ?? 5,
    ...(request.signal === undefined ? {} : { signal: request.signal }),
  };
  const hits = await dependencies.retrieve(request.question, searchOptions);
  const { passages, citations } = citePassages(hits, dependencies.documentName);
  const answerRequest = {
    question: request.question,
    passages,
    ...(request.history ? { history: request.history } : {}),
  };
  const text = dependencies.provider.answer(
    answerRequest,
    request.signal === undefined ? {} : { signal: request.signal },
  );
  return { provider: dependencies.provider.id, citations, passages, text };
}

/**
 * Like {@link streamAnswer}, but waits for the whole text.
 *
 * @param request - question, readable folders, history
 * @param dependencies - `retrieve`, `provider`, `documentName`
 * @returns the answer text with its citations
 * @example
 * const { text, citations } = await answerQuestion(request, dependencies);
 */
export async function answerQuestion(
  request: QuestionRequest,
  dependencies: Parameters<typeof streamAnswer>[1],
): Promise<{ provider: string; text: string; citations: readonly Citation[] }> {
  const stream = await streamAnswer(request, dependencies);
  let text = "";
  for await (const delta of stream.text) text += delta;
  return { provider: stream.provider, text, citations: stream.citations };
}
