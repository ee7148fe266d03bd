import { createBm25Index, createRetriever, createVectorIndex, type IndexedChunk } from "@ward/search-ja";
import { describe, expect, it } from "vitest";
import type { AnswerProvider } from "./answer-provider.js";
import { answerQuestion, streamAnswer } from "./answer-question.js";
import { createChatAnswerProvider } from "./chat-answer-provider.js";
import type { StreamChat } from "./chat-completions-client.js";
import { ModelError } from "./model-error.js";
import { bestExcerpt, createOfflineResponder } from "./offline-responder.js";
import { buildRagMessages } from "./rag-prompt.js";

const chunks: IndexedChunk[] = [
  {
    chunkId: "hours",
    documentId: "guide",
    folderId: "総務課",
    ordinal: 0,
    text: "区役所の窓口は平日の午前8時30分から午後5時まで受け付けます。土日は閉庁です。",
    locator: { kind: "page", page: 3 },
  },
  {
    chunkId: "salary",
    documentId: "hr",
    folderId: "人事課",
    ordinal: 0,
    text: "窓口職員の受付手当の額は月額5000円とする。窓口 受付 窓口 受付",
    locator: { kind: "sheet", sheet: "手当", fromRow: 2, toRow: 4 },
  },
  {
    chunkId: "deck",
    documentId: "training",
    folderId: "総務課",
    ordinal: 0,
    text: "生成AI研修は対面で実施する。",
    locator: { kind: "slide", slide: 2 },
  },
];
const names = new Map([
  ["guide", "窓口案内.pdf"],
  ["hr", "手当一覧.xlsx"],
  ["training", "研修.pptx"],
]);
const documentName = (id: string): string => names.get(id) ?? id;

function lexicalRetriever() {
  const index = createBm25Index();
  index.add(chunks);
  return createRetriever({ lexical: index });
}

describe("answerQuestion with the offline responder", () => {
  it("answers in Japanese from readable passages with page citations and viewer links", async () => {
    const answer = await answerQuestion(
      { question: "窓口の受付時間は？", readableFolderIds: ["総務課"], passages: 3 },
      { retrieve: lexicalRetriever(), provider: createOfflineResponder(), documentName },
    );
    expect(answer.provider).toBe("offline");
    expect(answer.citations[0]).toMatchObject({
      documentName: "窓口案内.pdf",
      label: "3ページ",
      href: "/documents/guide/view#page=3",
    });
    expect(answer.text).toContain(
      "[1] 窓口案内.pdf（3ページ）\n区役所の窓口は平日の午前8時30分から午後5時まで受け付けます。",
    );
    expect(answer.text).not.toContain("手当");
    expect(answer.citations.map((citation) => citation.documentId)).not.toContain("hr");
  });

  it("says so when nothing readable matches", async () => {
    const answer = await answerQuestion(
      { question: "窓口の受付時間は？", readableFolderIds: [] },
      { retrieve: lexicalRetriever(), provider: createOfflineResponder(), documentName },
    );
    expect(answer.citations).toEqual([]);
    expect(answer.text).toMatch(/^閲覧できる資料の中に/);
  });
});

describe("providers never see unreadable passages", () => {
  it("hands the chat model only readable passages, numbered as cited", async () => {
    const seen: string[] = [];
    const chat: StreamChat = async function* (messages) {
      seen.push(...messages.map((message) => message.content));
      yield "平日の8時30分から17時までです [1]";
    };
    const stream = await streamAnswer(
      {
        question: "窓口の受付時間は？",
        readableFolderIds: new Set(["総務課"]),
        history: [{ role: "user", content: "前の質問" }],
      },
      {
        retrieve: lexicalRetriever(),
        provider: createChatAnswerProvider({ id: "m", chat, temperature: 0 }),
        documentName,
      },
    );
    expect(stream.citations[0]?.href).toBe("/documents/guide/view#page=3");
    let text = "";
    for await (const delta of stream.text) text += delta;
    expect(text).toBe("平日の8時30分から17時までです [1]");
    expect(seen[0]).toContain("[1] 窓口案内.pdf（3ページ）");
    expect(seen[1]).toBe("前の質問");
    expect(seen.join("\n")).not.toContain("手当");
  });

  it("builds a prompt that says when there are no passages", () => {
    const messages = buildRagMessages({ question: "q", passages: [] });
    expect(messages.map((message) => message.role)).toEqual(["system", "user"]);
    expect(messages[0]?.content).toContain("（該当する資料はありません）");
  });
});

describe("createRetriever with dense vectors", () => {
  const vectorFor = (text: string): number[] => [
    text.includes("研修") ? 1 : 0,
    text.includes("窓口") ? 1 : 0,
    0.1,
  ];

  it("fuses lexical and dense rankings, over readable folders only", async () => {
    const vectors = createVectorIndex();
    vectors.add(chunks.map((chunk) => ({ ...chunk, embedding: vectorFor(chunk.text) })));
    const index = createBm25Index();
    index.add(chunks);
    const retrieve = createRetriever({
      lexical: index,
      dense: { index: vectors, embed: async (texts) => texts.map(vectorFor) },
    });
    const hits = await retrieve("研修", { readableFolderIds: ["総務課"], limit: 5 });
    expect(hits[0]?.chunkId).toBe("deck");
    expect(hits.map((hit) => hit.chunkId)).not.toContain("salary");
  });

  it("falls back to lexical results when the embedding server fails", async () => {
    const index = createBm25Index();
    index.add(chunks);
    const failures: unknown[] = [];
    const retrieve = createRetriever({
      lexical: index,
      dense: {
        index: createVectorIndex(),
        embed: async () => {
          throw new ModelError({ code: "NETWORK" });
        },
      },
      onDenseError: (error) => failures.push(error),
    });
    const hits = await retrieve("窓口", { readableFolderIds: ["総務課"], limit: 1 });
    expect(hits.map((hit) => hit.chunkId)).toEqual(["hours"]);
    expect(failures).toHaveLength(1);
  });
});

describe("bestExcerpt", () => {
  it("quotes the sentence that matches the question and cuts long text", () => {
    const text = "前置きの文です。手数料は300円です。後の文です。";
    expect(bestExcerpt(text, "手数料はいくら", 200)).toBe("手数料は300円です。後の文です。");
    expect(bestExcerpt("あ".repeat(300), "あ", 10)).toBe(`${"あ".repeat(9)}…`);
  });
});

describe("AnswerProvider contract", () => {
  it("lets the offline responder stand in for any provider", async () => {
    const provider: AnswerProvider = createOfflineResponder({ excerptChars: 20 });
    const pieces: string[] = [];
    for await (const piece of provider.answer({ question: "q", passages: [] })) pieces.push(piece);
    expect(pieces).toHaveLength(1);
  });
});
