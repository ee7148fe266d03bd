import type { ChatMessage } from "./chat-completions-client.js";
import type { CitedPassage } from "./citations.js";

/** What an answer provider gets: the question, the readable passages found, the conversation so far. */
export interface AnswerRequest {
  readonly question: string;
  /** Only passages the user may read: providers never see anything else. */
  readonly passages: readonly CitedPassage[];
  readonly history?: readonly ChatMessage[];
}

/**
 * Something that writes an answer from passages: a model behind an OpenAI-compatible endpoint
 * ({@link createChatAnswerProvider}) or the offline responder ({@link createOfflineResponder}).
 */
export interface AnswerProvider {
  /** A short id for usage records, e.g. `offline` or the model name. */
  readonly id: string;
  answer(request: AnswerRequest, options?: { readonly signal?: AbortSignal }): AsyncIterable<string>;
}
