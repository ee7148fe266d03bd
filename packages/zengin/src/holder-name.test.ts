import { describe, expect, it } from "vitest";
import { normalizeHolderName } from "./holder-name.js";

describe("normalizeHolderName", () => {
  it("abbreviates, converts to half-width kana and accepts the result", () => {
    const result = normalizeHolderName("株式会社 ネリマ・ショウジ");
    expect(result).toEqual({ value: "ｶ)ﾈﾘﾏ ｼﾖｳｼﾞ", issues: [] });
  });

  it("refuses kanji and other characters Zengin forbids, naming them", () => {
    const result = normalizeHolderName("練馬 タロウ");
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({
      severity: "error",
      code: "INVALID_CHARACTERS",
      field: "口座名義（カナ）",
    });
    expect(result.issues[0]?.message).toContain("練馬");
  });

  it("refuses & and @ even in otherwise valid names", () => {
    expect(normalizeHolderName("ネリマ&カンパニー").issues[0]?.code).toBe("INVALID_CHARACTERS");
  });

  it("refuses an empty name", () => {
    expect(normalizeHolderName("　 ").issues[0]?.code).toBe("REQUIRED");
  });

  it("counts the limit in Shift_JIS bytes after conversion (voiced kana take two)", () => {
    // 15 voiced kana = 30 bytes: fits; one more does not.
    expect(normalizeHolderName("ガ".repeat(15)).issues).toEqual([]);
    const long = normalizeHolderName(`${"ガ".repeat(15)}ア`);
    expect(long.issues[0]).toMatchObject({ code: "TOO_LONG" });
    expect(long.issues[0]?.message).toContain("31");
  });

  it("honours a different byte limit", () => {
    expect(normalizeHolderName("ネリマ", { maxBytes: 2 }).issues[0]?.code).toBe("TOO_LONG");
  });
});
