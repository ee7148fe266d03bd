import { describe, expect, it } from "vitest";
import { createAnswerProvider, embeddingSettingsFromEnv, modelSettingsFromEnv } from "./model-settings.js";

describe("modelSettingsFromEnv", () => {
  it("needs both the base URL and the model, else the offline responder is used", () => {
    expect(modelSettingsFromEnv({})).toBeUndefined();
    expect(modelSettingsFromEnv({ WARD_LLM_BASE_URL: "http://x/v1" })).toBeUndefined();
    expect(modelSettingsFromEnv({ WARD_LLM_MODEL: "llm-jp", WARD_LLM_BASE_URL: "  " })).toBeUndefined();
    expect(createAnswerProvider(undefined).id).toBe("offline");
  });

  it("reads the key and whether the model accepts images", () => {
    expect(
      modelSettingsFromEnv({
        WARD_LLM_BASE_URL: "http://127.0.0.1:8080/v1",
        WARD_LLM_MODEL: "llm-jp",
        WARD_LLM_API_KEY: "k",
        WARD_LLM_ACCEPTS_IMAGES: "true",
      }),
    ).toEqual({ baseUrl: "http://127.0.0.1:8080/v1", model: "llm-jp", apiKey: "k", acceptsImages: true });
    expect(
      modelSettingsFromEnv({
        WARD_LLM_BASE_URL: "http://h/v1",
        WARD_LLM_MODEL: "m",
        WARD_LLM_ACCEPTS_IMAGES: "no",
      }),
    ).toEqual({ baseUrl: "http://h/v1", model: "m", acceptsImages: false });
  });

  it("sends images as OpenAI content parts on the question only", async () => {
    const bodies: string[] = [];
    const provider = createAnswerProvider(
      { baseUrl: "http://m/v1", model: "vlm", acceptsImages: true },
      {
        images: ["data:image/png;base64,AAAA"],
        fetch: (async (_url: string | URL | Request, init?: RequestInit) => {
          bodies.push(String(init?.body));
          return new Response(
            `data: ${JSON.stringify({ choices: [{ delta: { content: "はい" } }] })}\n\ndata: [DONE]\n\n`,
          );
        }) as typeof fetch,
      },
    );
    let text = "";
    for await (const delta of provider.answer({ question: "この写真は？", passages: [] })) text += delta;
    expect(text).toBe("はい");
    const sent = JSON.parse(bodies[0] ?? "{}") as { messages: Array<{ role: string; content: unknown }> };
    expect(sent.messages.at(-1)?.content).toEqual([
      { type: "text", text: "この写真は？" },
      { type: "image_url", image_url: { url: "data:image/png;base64,AAAA" } },
    ]);
    expect(typeof sent.messages[0]?.content).toBe("string");
  });
});

describe("embeddingSettingsFromEnv", () => {
  it("is off (lexical only) unless both the base URL and the model are set", () => {
    expect(embeddingSettingsFromEnv({})).toBeUndefined();
    expect(embeddingSettingsFromEnv({ WARD_EMBEDDINGS_MODEL: "e5" })).toBeUndefined();
    expect(
      embeddingSettingsFromEnv({ WARD_EMBEDDINGS_BASE_URL: "http://h/v1", WARD_EMBEDDINGS_MODEL: " " }),
    ).toBeUndefined();
  });

  it("reads the URL, the model and the optional key", () => {
    expect(
      embeddingSettingsFromEnv({
        WARD_EMBEDDINGS_BASE_URL: "http://127.0.0.1:8081/v1",
        WARD_EMBEDDINGS_MODEL: "e5",
        WARD_EMBEDDINGS_API_KEY: "k",
      }),
    ).toEqual({ baseUrl: "http://127.0.0.1:8081/v1", model: "e5", apiKey: "k" });
  });
});
