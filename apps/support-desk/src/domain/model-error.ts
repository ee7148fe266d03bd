/** How a call to a model server failed. */
export type ModelErrorCode = "TIMEOUT" | "ABORTED" | "NETWORK" | "HTTP_STATUS" | "BAD_RESPONSE";

/**
 * A failed call to an OpenAI-compatible server (embeddings or chat), with a stable `code` and,
 * for `HTTP_STATUS`, the status.
 *
 * @example
 * new ModelError({ code: "HTTP_STATUS", status: 429, detail: "rate limited" }).message;
 * // => "@ward/support-desk: model server answered HTTP 429 (rate limited)"
 */
export class ModelError extends Error {
  override readonly name = "ModelError";
  readonly code: ModelErrorCode;
  readonly status: number | undefined;

  constructor(options: { code: ModelErrorCode; status?: number; detail?: string; cause?: unknown }) {
    const what: Record<ModelErrorCode, string> = {
      TIMEOUT: "model server did not answer in time",
      ABORTED: "request was cancelled",
      NETWORK: "model server could not be reached",
      HTTP_STATUS: `model server answered HTTP ${options.status ?? "?"}`,
      BAD_RESPONSE: "model server's answer is not in the expected format",
    };
    const detail = options.detail === undefined ? "" : ` (${options.detail})`;
    super(`@ward/support-desk: ${what[options.code]}${detail}`, { cause: options.cause });
    this.code = options.code;
    this.status = options.status;
  }
}
