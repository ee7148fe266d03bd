import { tokenize } from "@ward/search-ja";
import type { AnswerProvider } from "./answer-provider.js";

/** The most query-like stretch of a passage, at most `maxChars` long, cut at sentence ends. */
export function bestExcerpt(text: string, question: string, maxChars: number): string {
  const queryTerms = new Set(tokenize(question));
  const sentences = text.match(/[^。！？\n]+[。！？]?/g) ?? [text];
  let best = 0;
  let bestScore = -1;
  sentences.forEach((sentence, index) => {
    const score = new Set(tokenize(sentence).filter((term) => queryTerms.has(term))).size;
    if (score > bestScore) {
      best = index;
      bestScore = score;
    }
  });
  let excerpt = (sentences[best] ?? "").trim();
  for (let next = best + 1; next < sentences.length; next += 1) {
    const candidate = excerpt + (sentences[next] ?? "").trim();
    if (candidate.length > maxChars) break;
    excerpt = candidate;
  }
  return excerpt.length > maxChars ? `${excerpt.slice(0, maxChars - 1)}…` : excerpt;
}

/**
 * The answer provider that needs no model server: it answers in Japanese with the best passages
 * found, each under its citation number, so the desk works out of the box (and when the model
 * server is down).
 *
 * @param options - `excerptChars`: the longest quote per passage (default 200)
 * @returns the provider (id `offline`)
 * @example
 * let text = "";
 * for await (const delta of createOfflineResponder().answer({ question, passages })) text += delta;
 * // text starts with "生成AIモデルを使わずに、登録資料から関係する箇所を示します。"
 */
export function createOfflineResponder(options: { readonly excerptChars?: number } = {}): AnswerProvider {
  const excerptChars = options.excerptChars ?? 200;
  return {
    id: "offline",
    async *answer(request) {
      if (request.passages.length === 0) {
        yield "閲覧できる資料の中に、この質問に関係する箇所は見つかりませんでした。質問の言葉を変えるか、資料の登録状況を確認してください。";
        return;
      }
      yield "生成AIモデルを使わずに、登録資料から関係する箇所を示します。\n";
      for (const passage of request.passages) {
        const { number, documentName, label } = passage.citation;
        yield `\n[${number}] ${documentName}（${label}）\n${bestExcerpt(passage.text, request.question, excerptChars)}\n`;
      }
    },
  };
}
