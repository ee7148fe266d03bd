import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isZenginText, shiftJisByteLength, toZenginKana } from "./zengin-kana.js";

describe("toZenginKana", () => {
  it("converts full-width katakana to half-width with voiced marks split", () => {
    expect(toZenginKana("ガギグゲゴパピプペポヴ").text).toBe("ｶﾞｷﾞｸﾞｹﾞｺﾞﾊﾟﾋﾟﾌﾟﾍﾟﾎﾟｳﾞ");
  });

  it("writes small kana large, in full-width and half-width input", () => {
    expect(toZenginKana("キャッシュ").text).toBe("ｷﾔﾂｼﾕ");
    expect(toZenginKana("ｷｬｯｼｭ").text).toBe("ｷﾔﾂｼﾕ");
    expect(toZenginKana("ァィゥェォヵヶヮ").text).toBe("ｱｲｳｴｵｶｹﾜ");
  });

  it("turns the long-vowel mark and dashes into a hyphen", () => {
    expect(toZenginKana("サービス").text).toBe("ｻ-ﾋﾞｽ");
    expect(toZenginKana("ｻｰﾋﾞｽ－‐―").text).toBe("ｻ-ﾋﾞｽ---");
  });

  it("converts hiragana, full-width ASCII and lower case", () => {
    expect(toZenginKana("ねりま　ａｂｃ１２３ xyz").text).toBe("ﾈﾘﾏ ABC123 XYZ");
  });

  it("maps the middle dot to a space and collapses spaces", () => {
    expect(toZenginKana("ジョン・スミス").text).toBe("ｼﾞﾖﾝ ｽﾐｽ");
    expect(toZenginKana("  ヤマダ　　タロウ ").text).toBe("ﾔﾏﾀﾞ ﾀﾛｳ");
  });

  it("keeps the allowed symbols and maps the yen sign to the 0x5C character", () => {
    expect(toZenginKana("（カ）．，／「」￥").text).toBe("(ｶ).,/｢｣\\");
    expect(toZenginKana("(ｶ).,/｢｣\\").invalidCharacters).toEqual([]);
  });

  it("reports characters Zengin forbids, once each, in order", () => {
    expect(toZenginKana("練馬区の練馬").invalidCharacters).toEqual(["練", "馬", "区"]);
    expect(toZenginKana("A&B*C@").invalidCharacters).toEqual(["&", "*", "@"]);
    expect(toZenginKana("ｻﾝﾌﾟﾙ😀").invalidCharacters).toEqual(["😀"]);
  });

  it("handles every basic katakana without leaving a full-width character", () => {
    const all =
      "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン";
    const result = toZenginKana(all);
    expect(result.invalidCharacters).toEqual([]);
    expect(result.text).toBe("ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜｦﾝ");
  });

  it("is idempotent: converting twice changes nothing", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."アガパャッーｱｧｰabcAZ09 ・（）練-") }), (text) => {
        const once = toZenginKana(text).text;
        expect(toZenginKana(once).text).toBe(once);
      }),
    );
  });
});

describe("isZenginText", () => {
  it("accepts half-width Zengin text and refuses full-width or small kana", () => {
    expect(isZenginText("ｶ)ﾈﾘﾏ ｼﾖｳｼﾞ")).toBe(true);
    expect(isZenginText("ネリマ")).toBe(false);
    expect(isZenginText("ｷｬ")).toBe(false);
    expect(isZenginText("abc")).toBe(false);
  });
});

describe("shiftJisByteLength", () => {
  it("counts half-width kana as one byte and full-width as two", () => {
    expect(shiftJisByteLength("ｶﾞ")).toBe(2);
    expect(shiftJisByteLength("ガ")).toBe(2);
    expect(shiftJisByteLength("練馬ABC")).toBe(7);
  });
});
