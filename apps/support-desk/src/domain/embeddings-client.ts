import type { EmbedTexts } from "@ward/search-ja";
import { z } from "zod";
import { failure, type ModelEndpoint, postJson } from "./internal/model-fetch.js";
import { ModelError } from "./model-error.js";

const embeddingsResponseSchema = z.object({
  data: z.array(z.object({ index: z.number().int().nonnegative(), embedding: z.array(z.number()) })),
});

/**
 * A client for an OpenAI-compatible `POST /embeddings` endpoint (OpenAI, Azure OpenAI behind a
 * gateway, vLLM, llama.cpp, Ollama's `/v1`). The response is validated and re-ordered by `index`.
 *
 * @param endpoint - base URL, model, optional API key, timeout (default 30 s)
 * @returns a function embedding a batch of texts, one vector per text in input order
 * @throws ModelError (from the returned function) `TIMEOUT`, `ABORTED`, `NETWORK`, `HTTP_STATUS` or `BAD_RESPONSE`
 * @example
 * const embed = createEmbeddingsClient({ baseUrl: "http://127.0.0.1:8080/v1", model: "multilingual-e5" });
 * const [vector] = await embed(["住民票の写し"]); // => [[0.012, -0.03, …]]
 */
export function createEmbeddingsClient(endpoint: ModelEndpoint): EmbedTexts {
  return async (texts, options = {}) => {
    if (texts.length === 0) return [];
    const call = await postJson(
      endpoint,
      "/embeddings",
      { model: endpoint.model, input: texts },
      options.signal,
    );
    let json: unknown;
    try {
      json = await call.response.json();
    } catch (error) {
      throw call.timedOut() || options.signal?.aborted === true
        ? failure(error, call.timedOut(), options.signal)
        : new ModelError({ code: "BAD_RESPONSE", detail: "not JSON", cause: error });
    } finally {
      call.dispose();
    }
    const parsed = embeddingsResponseSchema.safeParse(json);
    if (!parsed.success)
      throw new ModelError({ code: "BAD_RESPONSE", detail: parsed.error.message.slice(0, 200) });
    const vectors: number[][] = [];
    for (const item of parsed.data.data) vectors[item.index] = item.embedding;
    if (vectors.length !== texts.length || vectors.some((vector) => vector === undefined)) {
      throw new ModelError({
        code: "BAD_RESPONSE",
        detail: `expected ${texts.length} embeddings, got ${parsed.data.data.length}`,
      });
    }
    return vectors;
  };
}
