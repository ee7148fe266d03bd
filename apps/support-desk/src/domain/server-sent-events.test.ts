import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseServerSentEvents, type ServerSentEvent } from "./server-sent-events.js";

function streamOf(pieces: readonly string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const piece of pieces) controller.enqueue(encoder.encode(piece));
      controller.close();
    },
  });
}

async function events(pieces: readonly string[]): Promise<ServerSentEvent[]> {
  const out: ServerSentEvent[] = [];
  for await (const event of parseServerSentEvents(streamOf(pieces))) out.push(event);
  return out;
}

describe("parseServerSentEvents", () => {
  it("joins data lines, names events, skips comments and handles CR, LF and CRLF split across reads", async () => {
    expect(
      await events(["data: a\r", "\ndata:b\r\n\r\n: note\n", "event: ping\ndata: c\r\rdata: 日本", "語\n\n"]),
    ).toEqual([
      { event: "message", data: "a\nb" },
      { event: "ping", data: "c" },
      { event: "message", data: "日本語" },
    ]);
  });

  it("splits multi-byte characters across reads and dispatches a final event without a blank line", async () => {
    const bytes = new TextEncoder().encode("data: 窓口\n\ndata: 最後");
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.subarray(0, 8));
        controller.enqueue(bytes.subarray(8));
        controller.close();
      },
    });
    const out: string[] = [];
    for await (const event of parseServerSentEvents(stream)) out.push(event.data);
    expect(out).toEqual(["窓口", "最後"]);
  });

  it("yields the same events however the bytes are split (property)", async () => {
    const text = "event: a\ndata: 一\r\n\r\n: c\ndata: 二\rdata: 三\r\rdata: [DONE]\n\n";
    const bytes = new TextEncoder().encode(text);
    const whole = await events([text]);
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 6 }),
        async (cuts) => {
          const points = [0, ...cuts.sort((a, b) => a - b), bytes.length];
          const stream = new ReadableStream<Uint8Array>({
            start(controller) {
              for (let i = 0; i + 1 < points.length; i += 1)
                controller.enqueue(bytes.subarray(points[i], points[i + 1]));
              controller.close();
            },
          });
          const out: ServerSentEvent[] = [];
          for await (const event of parseServerSentEvents(stream)) out.push(event);
          expect(out).toEqual(whole);
        },
      ),
      { numRuns: 100 },
    );
    expect(whole.map((event) => event.data)).toEqual(["一", "二\n三", "[DONE]"]);
  });
});
