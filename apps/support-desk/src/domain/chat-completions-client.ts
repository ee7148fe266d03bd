import { z } from "zod";
import { failure, type ModelEndpoint, postJson } from "./internal/model-fetch.js";
import { ModelError } from "./model-error.js";
import { parseServerSentEvents } from "./server-sent-events.js";

/** One chat message in the OpenAI format. */
export interface ChatMessage {
  readonly role: "system" | "user" | "assistant";
  readonly content: string;
}

/** Tokens a model server reports for one reply (OpenAI `usage`). */
export interface TokenUsage {
  readonly promptTokens: number;
  readonly completionTokens: number;
}

/** Streams the assistant's reply to a conversation as text deltas. */
export type StreamChat = (
  messages: readonly ChatMessage[],
  options?: {
    readonly signal?: AbortSignal;
    readonly temperature?: number;
    readonly maxTokens?: number;
    /** Asks for `usage` (`stream_options.include_usage`) and is told it when the server reports it. */
    readonly onUsage?: (usage: TokenUsage) => void;
  },
) => AsyncGenerator<string>;

const usageSchema = z.object({
  prompt_tokens: z.number().int().nonnegative(),
  completion_tokens: z.number().int().nonnegative(),
});

const chunkSchema = z.union([
  z.object({
    usage: usageSchema.nullish(),
    choices: z.array(
      z.object({
        delta: z.object({ content: z.string().nullish() }).nullish(),
        finish_reason: z.string().nullish(),
      }),
    ),
  }),
  z.object({ error: z.object({ message: z.string() }) }),
]);

/**
 * A streaming client for an OpenAI-compatible `POST /chat/completions` endpoint (`stream: true`,
 * server-sent events, ending at `data: [DONE]`). Each event is validated; the timeout covers the
 * whole stream, and the caller's signal cancels it.
 *
 * @param endpoint - base URL, model, optional API key, timeout (default 30 s)
 * @returns a function streaming the reply's text deltas; `onUsage` receives the server's token
 *   counts when it reports them (the final chunk with `stream_options.include_usage`)
 * @throws ModelError (while iterating) `TIMEOUT`, `ABORTED`, `NETWORK`, `HTTP_STATUS` or `BAD_RESPONSE`
 * @example
 * const chat = createChatCompletionsClient({ baseUrl: "http://127.0.0.1:8080/v1", model: "llm-jp" });
 * let reply = "";
 * for await (const delta of chat([{ role: "user", content: "こんにちは" }])) reply += delta;
 */
export function createChatCompletionsClient(endpoint: ModelEndpoint): StreamChat {
  return async function* streamChat(messages, options = {}) {
    const body: Record<string, unknown> = { model: endpoint.model, messages, stream: true };
    if (options.temperature !== undefined) body.temperature = options.temperature;
    if (options.maxTokens !== undefined) body.max_tokens = options.maxTokens;
    if (options.onUsage !== undefined) body.stream_options = { include_usage: true };
    const call = await postJson(endpoint, "/chat/completions", body, options.signal);
    try {
      if (call.response.body === null) throw new ModelError({ code: "BAD_RESPONSE", detail: "empty body" });
      for await (const event of parseServerSentEvents(call.response.body)) {
        if (event.data === "[DONE]") return;
        let json: unknown;
        try {
          json = JSON.parse(event.data);
        } catch (error) {
          throw new ModelError({ code: "BAD_RESPONSE", detail: "event is not JSON", cause: error });
        }
        const parsed = chunkSchema.safeParse(json);
        if (!parsed.success)
          throw new ModelError({ code: "BAD_RESPONSE", detail: parsed.error.message.slice(0, 200) });
        if ("error" in parsed.data)
          throw new ModelError({ code: "BAD_RESPONSE", detail: parsed.data.error.message });
        const usage = parsed.data.usage;
        if (usage) {
          options.onUsage?.({ promptTokens: usage.prompt_tokens, completionTokens: usage.completion_tokens });
        }
        for (const choice of parsed.data.choices) {
          const content = choice.delta?.content;
          if (content !== undefined && content !== null && content !== "") yield content;
        }
      }
      throw new ModelError({ code: "BAD_RESPONSE", detail: "stream ended without [DONE]" });
    } catch (error) {
      if (error instanceof ModelError && error.code === "BAD_RESPONSE") throw error;
      throw failure(error, call.timedOut(), options.signal);
    } finally {
      call.dispose();
    }
  };
}
