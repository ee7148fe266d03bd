import type { AnswerProvider } from "./answer-provider.js";
import type { StreamChat } from "./chat-completions-client.js";
import { buildRagMessages } from "./rag-prompt.js";

/**
 * An answer provider backed by a chat model: it sends {@link buildRagMessages} and streams the reply.
 *
 * @param options - `id` for usage records, `chat` a streaming client ({@link createChatCompletionsClient})
 * @returns the provider
 * @example
 * const provider = createChatAnswerProvider({ id: "gpt-4o-mini", chat: createChatCompletionsClient(endpoint) });
 */
export function createChatAnswerProvider(options: {
  readonly id: string;
  readonly chat: StreamChat;
  readonly temperature?: number;
}): AnswerProvider {
  return {
    id: options.id,
    answer(request, answerOptions = {}) {
      return options.chat(buildRagMessages(request), {
        ...(answerOptions.signal !== undefined ? { signal: answerOptions.signal } : {}),
        ...(answerOptions.onUsage !== undefined ? { onUsage: answerOptions.onUsage } : {}),
        ...(options.temperature !== undefined ? { temperature: options.temperature } : {}),
      });
    },
  };
}
