import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chunkSections } from "./chunk-sections.js";
import { chunkingPolicyFor, chunkingPolicySchema, defaultChunkingPolicy } from "./chunking-policy.js";
import type { LocatedText } from "./located-text.js";

const page = (page: number, text: string): LocatedText => ({
  text,
  locator: { kind: "page", page },
});

describe("chunkSections", () => {
  it("cuts at sentence ends and never lets a chunk span two pages", () => {
    const sentence = "窓口は平日の午前九時から午後五時まで開いています。";
    const chunks = chunkSections([page(1, sentence.repeat(10)), page(2, "二ページ目。")], {
      size: 120,
      overlap: 20,
    });
    expect(chunks.every((chunk) => chunk.text.length <= 120)).toBe(true);
    expect(
      chunks.filter((chunk) => chunk.locator.kind === "page" && chunk.locator.page === 1).length,
    ).toBeGreaterThan(2);
    expect(chunks.at(-1)).toEqual({
      ordinal: chunks.length - 1,
      text: "二ページ目。",
      locator: { kind: "page", page: 2 },
    });
    expect(chunks[0]?.text.endsWith("。")).toBe(true);
    expect(chunks.map((chunk) => chunk.ordinal)).toEqual(chunks.map((_, i) => i));
  });

  it("keeps size, locator and text for any input (property)", () => {
    const alphabet = fc.constantFrom("あ", "漢", "字", "。", "、", "\n", " ", "a", "1");
    fc.assert(
      fc.property(
        fc.array(
          fc.array(alphabet, { maxLength: 900 }).map((chars) => chars.join("")),
          { maxLength: 4 },
        ),
        fc.integer({ min: 100, max: 400 }),
        fc.integer({ min: 0, max: 49 }),
        (texts, size, overlap) => {
          const sections = texts.map((text, i) => page(i + 1, text));
          const chunks = chunkSections(sections, { size, overlap });
          for (const chunk of chunks) {
            expect(chunk.text.length).toBeLessThanOrEqual(size);
            expect(chunk.text.trim()).not.toBe("");
            const source = sections.find((section) => section.locator === chunk.locator);
            expect(source?.text).toContain(chunk.text);
          }
          // Every non-blank character of every section lands in some chunk of that section.
          sections.forEach((section) => {
            const joined = chunks
              .filter((chunk) => chunk.locator === section.locator)
              .map((chunk) => chunk.text)
              .join("");
            for (const char of new Set(section.text.replace(/\s/g, ""))) expect(joined).toContain(char);
          });
        },
      ),
      { numRuns: 80 },
    );
  });
});

describe("chunking policies", () => {
  it("uses the folder's own policy, else the default", () => {
    const policies = new Map([["法規", { size: 300, overlap: 50 }]]);
    expect(chunkingPolicyFor("法規", policies)).toEqual({ size: 300, overlap: 50 });
    expect(chunkingPolicyFor("総務", policies)).toBe(defaultChunkingPolicy);
  });

  it("rejects an overlap of half the size or more, and sizes out of range", () => {
    expect(chunkingPolicySchema.safeParse({ size: 400, overlap: 200 }).success).toBe(false);
    expect(chunkingPolicySchema.safeParse({ size: 50, overlap: 0 }).success).toBe(false);
    expect(chunkingPolicySchema.safeParse({ size: 400, overlap: 199 }).success).toBe(true);
  });
});
