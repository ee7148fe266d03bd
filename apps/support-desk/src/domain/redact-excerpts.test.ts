import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ERASED_EXCERPT, redactExcerpts } from "./redact-excerpts.js";

const document = [
  "第3章 粗大ごみの収集は毎週水曜日に行います。申込みは前週の金曜日までです。",
  "窓口の合言葉は CANARY-7f3a-92b1 です。",
];

describe("redactExcerpts", () => {
  it("replaces the quoted sentences of an offline answer and keeps its frame and citation numbers", () => {
    const answer =
      "生成AIモデルを使わずに、登録資料から関係する箇所を示します。\n\n[1] ごみの手引き.pdf（3ページ）\n粗大ごみの収集は毎週水曜日に行います。申込みは前週の金曜日までです。\n";
    expect(redactExcerpts(answer, document)).toBe(
      `生成AIモデルを使わずに、登録資料から関係する箇所を示します。\n\n[1] ごみの手引き.pdf（3ページ）\n${ERASED_EXCERPT}\n`,
    );
  });

  it("removes a quotation embedded in a model's own sentence, down to a canary", () => {
    const answer = "資料[2]によれば、合言葉は CANARY-7f3a-92b1 です。ご確認ください。";
    const redacted = redactExcerpts(answer, document);
    expect(redacted).not.toContain("CANARY");
    expect(redacted).toContain("ご確認ください。");
    expect(redacted).toContain(ERASED_EXCERPT);
  });

  it("joins quoted sentences that the excerpt glued together (whitespace between them dropped)", () => {
    const answer = "粗大ごみの収集は毎週水曜日に行います。申込みは前週の金曜日までです。";
    expect(
      redactExcerpts(answer, ["粗大ごみの収集は毎週水曜日に行います。\n申込みは前週の金曜日までです。"]),
    ).toBe(ERASED_EXCERPT);
  });

  it("returns the text unchanged when nothing of at least minChars is shared", () => {
    const question = "粗大ごみは何曜日ですか";
    expect(redactExcerpts(question, document)).toBe(question);
    expect(redactExcerpts("短い", document)).toBe("短い");
    expect(redactExcerpts("毎週水曜日", document, { minChars: 5 })).toBe(ERASED_EXCERPT);
  });

  it("never leaves a stretch of minChars characters that occurs in a source (property)", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom("あ", "い", "う", " ", "A") }),
        fc.string({ unit: fc.constantFrom("あ", "い", "う", "A") }),
        (text, source) => {
          const redacted = redactExcerpts(text, [source], { minChars: 4, tombstone: "■" });
          for (let i = 0; i + 4 <= redacted.length; i += 1) {
            const window = redacted.slice(i, i + 4);
            if (!window.includes("■")) expect(source.includes(window)).toBe(false);
          }
        },
      ),
    );
  });
});
