import type { AnswerProvider } from "./answer-provider.js";

/**
 * Chains answer providers: each request goes to the first; if it fails before producing any text
 * (model server down, quota refused, timeout), the next one answers, and so on. A failure after
 * text has been streamed is passed on, since the clerk has already seen part of that answer.
 * Put {@link createOfflineResponder} last so there is always an answer.
 *
 * @param providers - in order of preference (at least one)
 * @param options - `onFallback` is told which provider failed, why, and which one is tried next
 * @returns a provider whose `id` is the first provider's
 * @throws Error when `providers` is empty
 * @example
 * const provider = createFallbackProvider([modelProvider, createOfflineResponder()], {
 *   onFallback: (id, error) => logger.warn({ id, error }, "model unavailable"),
 * });
 */
export function createFallbackProvider(
  providers: readonly AnswerProvider[],
  options: {
    readonly onFallback?: (providerId: string, error: unknown, nextProviderId: string) => void;
  } = {},
): AnswerProvider {
  const [first] = providers;
  if (first === undefined)
    throw new Error("@ward/support-desk: createFallbackProvider needs at least one provider");
  return {
    id: first.id,
    async *answer(request, answerOptions = {}) {
      for (const [position, provider] of providers.entries()) {
        let started = false;
        try {
          for await (const delta of provider.answer(request, answerOptions)) {
            started = true;
            yield delta;
          }
          return;
        } catch (error) {
          const next = providers[position + 1];
          if (started || next === undefined || answerOptions.signal?.aborted === true) throw error;
          options.onFallback?.(provider.id, error, next.id);
        }
      }
    },
  };
}
