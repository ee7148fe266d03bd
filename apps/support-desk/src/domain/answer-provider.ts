import type { CitedPassage } from "@ward/search-ja";
import type { ChatMessage, TokenUsage } from "./chat-completions-client.js";

/** What an answer provider gets: the question, the readable passages found, the conversation so far. */
export interface AnswerRequest {
  readonly question: string;
  /** Only passages the user may read: providers never see anything else. */
  readonly passages: readonly CitedPassage[];
  readonly history?: readonly ChatMessage[];
}

/** Options of one answer: cancellation and, for model providers, the reported token counts. */
export interface AnswerOptions {
  readonly signal?: AbortSignal;
  /** Told the tokens of the reply when the model server reports them (never by the offline responder). */
  readonly onUsage?: (usage: TokenUsage) => void;
}

/**
 * Something that writes an answer from passages: a model behind an OpenAI-compatible endpoint
 * ({@link createChatAnswerProvider}) or the offline responder ({@link createOfflineResponder}).
 */
export interface AnswerProvider {
  /** A short id for usage records, e.g. `offline` or the model name. */
  readonly id: string;
  answer(request: AnswerRequest, options?: AnswerOptions): AsyncIterable<string>;
}
