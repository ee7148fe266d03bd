import { afterEach, describe, expect, it } from "vitest";
import { startFakeServer } from "../../test/support/fake-server.js";
import { createChatCompletionsClient } from "./chat-completions-client.js";
import { createEmbeddingsClient } from "./embeddings-client.js";
import { ModelError } from "./model-error.js";

const servers: { close: () => Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function server(handler: Parameters<typeof startFakeServer>[0]) {
  const started = await startFakeServer(handler);
  servers.push(started);
  return started;
}

async function modelError(promise: Promise<unknown>): Promise<ModelError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof ModelError)) throw new Error(`expected a ModelError, got ${String(error)}`);
  return error;
}

async function collect(stream: AsyncIterable<string>): Promise<string> {
  let text = "";
  for await (const delta of stream) text += delta;
  return text;
}

describe("createEmbeddingsClient", () => {
  it("posts the texts with the key and returns vectors in input order", async () => {
    const fake = await server((_request, response) => {
      response.setHeader("content-type", "application/json");
      response.end(
        JSON.stringify({
          object: "list",
          data: [
            { object: "embedding", index: 1, embedding: [0, 1] },
            { object: "embedding", index: 0, embedding: [1, 0] },
          ],
          model: "e5",
        }),
      );
    });
    const embed = createEmbeddingsClient({ baseUrl: `${fake.baseUrl}/`, model: "e5", apiKey: "k" });
    expect(await embed(["一", "二"])).toEqual([
      [1, 0],
      [0, 1],
    ]);
    expect(fake.requests[0]).toMatchObject({
      url: "/v1/embeddings",
      headers: { authorization: "Bearer k" },
      body: { model: "e5", input: ["一", "二"] },
    });
    expect(await embed([])).toEqual([]);
  });

  it("fails with BAD_RESPONSE on a malformed or short answer", async () => {
    const fake = await server((request, response) => {
      const input = (request.body as { input: string[] }).input;
      response.end(
        input[0] === "bad" ? JSON.stringify({ data: [{ index: 0 }] }) : JSON.stringify({ data: [] }),
      );
    });
    const embed = createEmbeddingsClient({ baseUrl: fake.baseUrl, model: "e5" });
    expect((await modelError(embed(["bad"]))).code).toBe("BAD_RESPONSE");
    expect((await modelError(embed(["short"]))).message).toContain("expected 1 embeddings, got 0");
  });

  it("fails with HTTP_STATUS, TIMEOUT and NETWORK", async () => {
    const fake = await server((request, response) => {
      const input = (request.body as { input: string[] }).input;
      if (input[0] === "slow") return;
      response.statusCode = 429;
      response.end("rate limited");
    });
    const embed = createEmbeddingsClient({ baseUrl: fake.baseUrl, model: "e5", timeoutMs: 100 });
    const status = await modelError(embed(["x"]));
    expect([status.code, status.status]).toEqual(["HTTP_STATUS", 429]);
    expect(status.message).toContain("rate limited");
    expect((await modelError(embed(["slow"]))).code).toBe("TIMEOUT");
    const unreachable = createEmbeddingsClient({ baseUrl: "http://127.0.0.1:9/v1", model: "e5" });
    expect((await modelError(unreachable(["x"]))).code).toBe("NETWORK");
  });
});

function sse(response: import("node:http").ServerResponse, events: string[], end = true): void {
  response.setHeader("content-type", "text/event-stream");
  for (const event of events) response.write(event);
  if (end) response.end();
}

const delta = (content: string): string =>
  `data: ${JSON.stringify({ choices: [{ index: 0, delta: { content }, finish_reason: null }] })}\n\n`;

describe("createChatCompletionsClient", () => {
  it("streams the deltas of an SSE reply until [DONE]", async () => {
    const fake = await server((_request, response) => {
      sse(response, [
        ": keep-alive\n\n",
        `data: ${JSON.stringify({ choices: [{ index: 0, delta: { role: "assistant" } }] })}\n\n`,
        delta("受付は"),
        delta("平日です [1]"),
        `data: ${JSON.stringify({ choices: [{ index: 0, delta: {}, finish_reason: "stop" }] })}\n\n`,
        "data: [DONE]\n\n",
      ]);
    });
    const chat = createChatCompletionsClient({ baseUrl: fake.baseUrl, model: "m" });
    const text = await collect(
      chat([{ role: "user", content: "受付は？" }], { temperature: 0.2, maxTokens: 100 }),
    );
    expect(text).toBe("受付は平日です [1]");
    expect(fake.requests[0]?.body).toEqual({
      model: "m",
      messages: [{ role: "user", content: "受付は？" }],
      stream: true,
      temperature: 0.2,
      max_tokens: 100,
    });
  });

  it("asks for usage only when told to listen, and reports the final chunk's token counts", async () => {
    const fake = await server((_request, response) => {
      sse(response, [
        delta("はい"),
        `data: ${JSON.stringify({ choices: [], usage: { prompt_tokens: 812, completion_tokens: 41, total_tokens: 853 } })}\n\n`,
        "data: [DONE]\n\n",
      ]);
    });
    const chat = createChatCompletionsClient({ baseUrl: fake.baseUrl, model: "m" });
    const reported: unknown[] = [];
    const text = await collect(
      chat([{ role: "user", content: "？" }], { onUsage: (usage) => reported.push(usage) }),
    );
    expect(text).toBe("はい");
    expect(reported).toEqual([{ promptTokens: 812, completionTokens: 41 }]);
    expect(fake.requests[0]?.body).toMatchObject({ stream_options: { include_usage: true } });
    await collect(chat([{ role: "user", content: "？" }]));
    expect(fake.requests[1]?.body).not.toHaveProperty("stream_options");
  });
  it("fails with BAD_RESPONSE on invalid events, error events and a stream cut before [DONE]", async () => {
    const fake = await server((request, response) => {
      const content = (request.body as { messages: { content: string }[] }).messages[0]?.content;
      if (content === "garbage") sse(response, ["data: {not json\n\n"]);
      else if (content === "error")
        sse(response, [`data: ${JSON.stringify({ error: { message: "overloaded" } })}\n\n`]);
      else if (content === "shape") sse(response, [`data: ${JSON.stringify({ choices: "no" })}\n\n`]);
      else sse(response, [delta("途中")]);
    });
    const chat = createChatCompletionsClient({ baseUrl: fake.baseUrl, model: "m" });
    for (const content of ["garbage", "error", "shape", "cut"]) {
      const error = await modelError(collect(chat([{ role: "user", content }])));
      expect(error.code).toBe("BAD_RESPONSE");
    }
    expect((await modelError(collect(chat([{ role: "user", content: "error" }])))).message).toContain(
      "overloaded",
    );
  });

  it("stops with ABORTED when the caller cancels mid-stream and TIMEOUT when the stream stalls", async () => {
    const fake = await server((_request, response) => {
      sse(response, [delta("最初")], false);
    });
    const chat = createChatCompletionsClient({ baseUrl: fake.baseUrl, model: "m", timeoutMs: 150 });
    const controller = new AbortController();
    const received: string[] = [];
    const aborted = modelError(
      (async () => {
        for await (const piece of chat([{ role: "user", content: "q" }], { signal: controller.signal })) {
          received.push(piece);
          controller.abort();
        }
      })(),
    );
    expect((await aborted).code).toBe("ABORTED");
    expect(received).toEqual(["最初"]);
    expect((await modelError(collect(chat([{ role: "user", content: "q" }])))).code).toBe("TIMEOUT");
  });

  it("reports the server's HTTP status", async () => {
    const fake = await server((_request, response) => {
      response.statusCode = 401;
      response.end('{"error":{"message":"bad key"}}');
    });
    const chat = createChatCompletionsClient({ baseUrl: fake.baseUrl, model: "m" });
    const error = await modelError(collect(chat([{ role: "user", content: "q" }])));
    expect([error.code, error.status]).toEqual(["HTTP_STATUS", 401]);
  });
});
