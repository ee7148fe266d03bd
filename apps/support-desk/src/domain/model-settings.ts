import type { AnswerProvider } from "./answer-provider.js";
import { createChatAnswerProvider } from "./chat-answer-provider.js";
import { type ChatMessage, createChatCompletionsClient, type StreamChat } from "./chat-completions-client.js";
import { createFallbackProvider } from "./fallback-provider.js";
import { createOfflineResponder } from "./offline-responder.js";

/** The chat model the desk uses, from `WARD_LLM_*`. */
export interface ModelSettings {
  readonly baseUrl: string;
  readonly model: string;
  readonly apiKey?: string;
  /** `WARD_LLM_ACCEPTS_IMAGES=1`: the model takes PNG/JPG in prompts. */
  readonly acceptsImages: boolean;
}

/**
 * Reads the model from the environment: `WARD_LLM_BASE_URL` and `WARD_LLM_MODEL` (both needed),
 * `WARD_LLM_API_KEY`, `WARD_LLM_ACCEPTS_IMAGES`. Without them: undefined (the offline responder).
 *
 * @example
 * ```ts
 * modelSettingsFromEnv({ WARD_LLM_BASE_URL: "http://127.0.0.1:8080/v1", WARD_LLM_MODEL: "llm-jp" });
 * // { baseUrl: "http://127.0.0.1:8080/v1", model: "llm-jp", acceptsImages: false }
 * ```
 */
export function modelSettingsFromEnv(
  env: Readonly<Record<string, string | undefined>>,
): ModelSettings | undefined {
  const baseUrl = env.WARD_LLM_BASE_URL?.trim();
  const model = env.WARD_LLM_MODEL?.trim();
  if (!baseUrl || !model) return undefined;
  const apiKey = env.WARD_LLM_API_KEY?.trim();
  return {
    baseUrl,
    model,
    ...(apiKey ? { apiKey } : {}),
    acceptsImages: /^(1|true|yes)$/i.test(env.WARD_LLM_ACCEPTS_IMAGES ?? ""),
  };
}

/** The embeddings server for dense retrieval, from `WARD_EMBEDDINGS_*`. */
export interface EmbeddingSettings {
  readonly baseUrl: string;
  readonly model: string;
  readonly apiKey?: string;
}

/**
 * Reads the embeddings server from the environment: `WARD_EMBEDDINGS_BASE_URL` and
 * `WARD_EMBEDDINGS_MODEL` (both needed), `WARD_EMBEDDINGS_API_KEY`. Without them: undefined
 * (lexical retrieval only, the default).
 *
 * @example
 * ```ts
 * embeddingSettingsFromEnv({ WARD_EMBEDDINGS_BASE_URL: "http://127.0.0.1:8081/v1", WARD_EMBEDDINGS_MODEL: "e5" });
 * // { baseUrl: "http://127.0.0.1:8081/v1", model: "e5" }
 * ```
 */
export function embeddingSettingsFromEnv(
  env: Readonly<Record<string, string | undefined>>,
): EmbeddingSettings | undefined {
  const baseUrl = env.WARD_EMBEDDINGS_BASE_URL?.trim();
  const model = env.WARD_EMBEDDINGS_MODEL?.trim();
  if (!baseUrl || !model) return undefined;
  const apiKey = env.WARD_EMBEDDINGS_API_KEY?.trim();
  return { baseUrl, model, ...(apiKey ? { apiKey } : {}) };
}

// The OpenAI format's multi-part content: the domain's ChatMessage carries text only.
function withImages(chat: StreamChat, images: readonly string[]): StreamChat {
  if (images.length === 0) return chat;
  return (messages, options) => {
    const last = messages.length - 1;
    const rewritten = messages.map((message, index) =>
      index === last && message.role === "user"
        ? ({
            role: "user",
            content: [
              { type: "text", text: message.content },
              ...images.map((url) => ({ type: "image_url", image_url: { url } })),
            ],
          } as unknown as ChatMessage)
        : message,
    );
    return chat(rewritten, options);
  };
}

/**
 * The answer provider for one question: the configured model with the offline responder behind it
 * (used when the model fails before writing anything), or the offline responder alone.
 *
 * @param settings - from {@link modelSettingsFromEnv}, or undefined
 * @param options - `images` (data URLs) for the question, `fetch` (tests), `onFallback`
 * @example
 * ```ts
 * const provider = createAnswerProvider(modelSettingsFromEnv(process.env));
 * provider.id; // "offline" without WARD_LLM_*
 * ```
 */
export function createAnswerProvider(
  settings: ModelSettings | undefined,
  options: {
    readonly images?: readonly string[];
    readonly fetch?: typeof fetch;
    readonly onFallback?: (providerId: string, error: unknown, nextProviderId: string) => void;
  } = {},
): AnswerProvider {
  const offline = createOfflineResponder();
  if (settings === undefined) return offline;
  const chat = createChatCompletionsClient({
    baseUrl: settings.baseUrl,
    model: settings.model,
    ...(settings.apiKey ? { apiKey: settings.apiKey } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    timeoutMs: 120_000,
  });
  const model = createChatAnswerProvider({
    id: settings.model,
    chat: withImages(chat, options.images ?? []),
  });
  return createFallbackProvider(
    [model, offline],
    options.onFallback ? { onFallback: options.onFallback } : {},
  );
}
