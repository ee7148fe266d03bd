/** One server-sent event: its `event` name (default `message`) and its `data` lines joined by `\n`. */
export interface ServerSentEvent {
  readonly event: string;
  readonly data: string;
}

/**
 * Parses a `text/event-stream` body into events (the WHATWG rules: `data:` lines accumulate,
 * a blank line dispatches, `:` lines are comments, CR, LF and CRLF all end lines).
 *
 * @param body - the response body
 * @returns the events as they arrive
 * @example
 * for await (const event of parseServerSentEvents(response.body)) {
 *   if (event.data === "[DONE]") break;
 * }
 */
export async function* parseServerSentEvents(
  body: ReadableStream<Uint8Array>,
): AsyncGenerator<ServerSentEvent> {
  const decoder = new TextDecoder();
  let buffer = "";
  let data: string[] = [];
  let event = "";
  const line = (text: string): ServerSentEvent | undefined => {
    if (text === "") {
      const dispatched =
        data.length > 0 ? { event: event === "" ? "message" : event, data: data.join("\n") } : undefined;
      data = [];
      event = "";
      return dispatched;
    }
    if (text.startsWith(":")) return undefined;
    const colon = text.indexOf(":");
    const field = colon < 0 ? text : text.slice(0, colon);
    let value = colon < 0 ? "" : text.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "data") data.push(value);
    else if (field === "event") event = value;
    return undefined;
  };
  const reader = body.getReader();
  let finished = false;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      finished = done;
      buffer += done ? decoder.decode() : decoder.decode(value, { stream: true });
      for (;;) {
        const match = /\r\n|\r|\n/.exec(buffer);
        // A lone CR at the end may be the first half of CRLF: wait for more.
        if (match === null || (match[0] === "\r" && match.index === buffer.length - 1 && !done)) break;
        const dispatched = line(buffer.slice(0, match.index));
        buffer = buffer.slice(match.index + match[0].length);
        if (dispatched !== undefined) yield dispatched;
      }
      if (done) {
        const last = buffer === "" ? undefined : line(buffer);
        const tail = line("");
        if (last !== undefined) yield last;
        if (tail !== undefined) yield tail;
        return;
      }
    }
  } finally {
    // The consumer stopped early (break, abort): close the connection instead of leaving it open.
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
