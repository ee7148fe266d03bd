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
});
