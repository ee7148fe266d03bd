import { ModelError } from "../model-error.js";

/** Connection settings shared by the OpenAI-compatible clients. */
export interface ModelEndpoint {
  /** e.g. `http://127.0.0.1:8080/v1` (the client appends `/embeddings` or `/chat/completions`). */
  readonly baseUrl: string;
  readonly model: string;
  readonly apiKey?: string;
  /** Milliseconds until the request (for streams: until the last byte) is abandoned; default 30 000. */
  readonly timeoutMs?: number;
  /** For tests and proxies; defaults to the global fetch. */
  readonly fetch?: typeof fetch;
}

/**
 * POSTs JSON with a timeout that also covers reading the body, and the caller's abort signal.
 * Returns the response and the combined signal (so streaming readers stop on timeout too).
 */
export async function postJson(
  endpoint: ModelEndpoint,
  path: string,
  body: unknown,
  signal: AbortSignal | undefined,
): Promise<{ response: Response; signal: AbortSignal; timedOut: () => boolean; dispose: () => void }> {
  const timeout = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    timeout.abort(new ModelError({ code: "TIMEOUT" }));
  }, endpoint.timeoutMs ?? 30_000);
  const combined = signal === undefined ? timeout.signal : AbortSignal.any([signal, timeout.signal]);
  const dispose = (): void => clearTimeout(timer);
  const url = `${endpoint.baseUrl.replace(/\/+$/, "")}${path}`;
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (endpoint.apiKey !== undefined) headers.authorization = `Bearer ${endpoint.apiKey}`;
  let response: Response;
  try {
    response = await (endpoint.fetch ?? fetch)(url, {
      method: "POST",
      headers,
      body: JSON.stringify(body),
      signal: combined,
    });
  } catch (error) {
    dispose();
    throw failure(error, timedOut, signal);
  }
  if (!response.ok) {
    const text = await response.text().catch(() => "");
    dispose();
    throw new ModelError({ code: "HTTP_STATUS", status: response.status, detail: text.slice(0, 200) });
  }
  return { response, signal: combined, timedOut: () => timedOut, dispose };
}

/** Maps a fetch/read failure to the right {@link ModelError}. */
export function failure(error: unknown, timedOut: boolean, signal: AbortSignal | undefined): ModelError {
  if (error instanceof ModelError) return error;
  if (timedOut) return new ModelError({ code: "TIMEOUT", cause: error });
  if (signal?.aborted === true) return new ModelError({ code: "ABORTED", cause: error });
  const detail = error instanceof Error ? error.message : String(error);
  return new ModelError({ code: "NETWORK", detail, cause: error });
}
