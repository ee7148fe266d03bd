import type { AnswerRequest } from "./answer-provider.js";
import type { ChatMessage } from "./chat-completions-client.js";

const systemPrompt = [
  "あなたは区役所の職員を支援するアシスタントです。",
  "次に示す資料だけを根拠に、日本語で簡潔に回答してください。",
  "根拠にした資料の番号を、該当する文の末尾に [1] のように示してください。",
  "資料に答えがない場合は、推測せずに「登録されている資料からは分かりません」と答えてください。",
].join("\n");

/**
 * Builds the chat messages for a retrieval-augmented answer: a Japanese system prompt with the
 * numbered passages, the conversation so far, then the question.
 *
 * @param request - question, passages and history
 * @returns messages for a chat-completions call
 * @example
 * buildRagMessages({ question: "窓口の受付時間は？", passages })[0]?.role; // => "system"
 */
export function buildRagMessages(request: AnswerRequest): ChatMessage[] {
  const sources = request.passages.map(
    (passage) =>
      `[${passage.citation.number}] ${passage.citation.documentName}（${passage.citation.label}）\n${passage.text}`,
  );
  const context = sources.length === 0 ? "（該当する資料はありません）" : sources.join("\n\n");
  return [
    { role: "system", content: `${systemPrompt}\n\n# 資料\n${context}` },
    ...(request.history ?? []),
    { role: "user", content: request.question },
  ];
}
