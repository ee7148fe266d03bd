import { describe, expect, it } from "vitest";
import type { AnswerProvider } from "./answer-provider.js";
import { createFallbackProvider } from "./fallback-provider.js";
import { ModelError } from "./model-error.js";
import { createOfflineResponder } from "./offline-responder.js";

const failing = (id: string, afterText?: string): AnswerProvider => ({
  id,
  async *answer() {
    if (afterText !== undefined) yield afterText;
    throw new ModelError({ code: "NETWORK" });
  },
});

async function collect(provider: AnswerProvider): Promise<string> {
  let text = "";
  for await (const delta of provider.answer({ question: "q", passages: [] })) text += delta;
  return text;
}

describe("createFallbackProvider", () => {
  it("answers with the next provider when the first fails before any text", async () => {
    const fallbacks: string[] = [];
    const provider = createFallbackProvider([failing("model"), createOfflineResponder()], {
      onFallback: (id, _error, next) => fallbacks.push(`${id}→${next}`),
    });
    expect(provider.id).toBe("model");
    expect(await collect(provider)).toMatch(/^閲覧できる資料の中に/);
    expect(fallbacks).toEqual(["model→offline"]);
  });

  it("passes on a failure after text has been streamed, and the last provider's failure", async () => {
    await expect(
      collect(createFallbackProvider([failing("a", "途中"), createOfflineResponder()])),
    ).rejects.toThrow(ModelError);
    await expect(collect(createFallbackProvider([failing("a"), failing("b")]))).rejects.toThrow(ModelError);
  });

  it("refuses an empty chain", () => {
    expect(() => createFallbackProvider([])).toThrow(/at least one provider/);
  });
});
