import { describe, expect, it } from "vitest";
import { abbreviateCorporateName } from "./corporate-abbreviations.js";

describe("abbreviateCorporateName", () => {
  it("writes a leading legal-entity term as 前株 (abbreviation and closing parenthesis)", () => {
    expect(abbreviateCorporateName("株式会社ネリマ")).toBe("ｶ)ﾈﾘﾏ");
    expect(abbreviateCorporateName("株式会社　ネリマ")).toBe("ｶ)ﾈﾘﾏ");
  });

  it("writes a trailing term as 後株 (opening parenthesis only)", () => {
    expect(abbreviateCorporateName("ネリマ株式会社")).toBe("ﾈﾘﾏ(ｶ");
    expect(abbreviateCorporateName("ネリマフクシカイ 社会福祉法人")).toBe("ﾈﾘﾏﾌｸｼｶｲ(ﾌｸ");
  });

  it("writes a term in the middle in both parentheses", () => {
    expect(abbreviateCorporateName("ネリマ株式会社トウキョウシテン")).toBe("ﾈﾘﾏ(ｶ)ﾄｳｷﾖｳｼﾃﾝ");
    expect(abbreviateCorporateName("ネリマ（株）トウキョウ営業所")).toBe("ﾈﾘﾏ(ｶ)ﾄｳｷﾖｳ(ｴｲ");
  });

  it("prefers the longest term (社会医療法人 over 医療法人, 一般社団法人 over 社団法人)", () => {
    expect(abbreviateCorporateName("社会医療法人ネリマカイ")).toBe("ｲ)ﾈﾘﾏｶｲ");
    expect(abbreviateCorporateName("一般社団法人ネリマ")).toBe("ｼﾔ)ﾈﾘﾏ");
    expect(abbreviateCorporateName("特定非営利活動法人ネリマ")).toBe("ﾄｸﾋ)ﾈﾘﾏ");
  });

  it("matches legal-entity terms written in kana", () => {
    expect(abbreviateCorporateName("ｼﾔｶｲﾌｸｼﾎｳｼﾞﾝ ﾈﾘﾏﾌｸｼｶｲ")).toBe("ﾌｸ)ﾈﾘﾏﾌｸｼｶｲ");
    expect(abbreviateCorporateName("カブシキガイシャ ネリマ")).toBe("ｶ)ﾈﾘﾏ");
    expect(abbreviateCorporateName("ネリマ ユウゲンガイシャ")).toBe("ﾈﾘﾏ(ﾕ");
  });

  it("handles short forms such as (株) and ㈲", () => {
    expect(abbreviateCorporateName("(株)ネリマ")).toBe("ｶ)ﾈﾘﾏ");
    expect(abbreviateCorporateName("ネリマ㈲")).toBe("ﾈﾘﾏ(ﾕ");
    expect(abbreviateCorporateName("(福)ネリマカイ")).toBe("ﾌｸ)ﾈﾘﾏｶｲ");
  });

  it("repairs already-abbreviated kana written in the wrong form", () => {
    expect(abbreviateCorporateName("(ｶ)ﾈﾘﾏ")).toBe("ｶ)ﾈﾘﾏ");
    expect(abbreviateCorporateName("ﾈﾘﾏ(ｶ)")).toBe("ﾈﾘﾏ(ｶ");
    expect(abbreviateCorporateName("ｶ)ﾈﾘﾏ")).toBe("ｶ)ﾈﾘﾏ");
  });

  it("leaves personal names and unknown parentheses alone", () => {
    expect(abbreviateCorporateName("ヤマダ タロウ")).toBe("ﾔﾏﾀﾞ ﾀﾛｳ");
    expect(abbreviateCorporateName("ﾈﾘﾏ(ABC)ﾃﾝ")).toBe("ﾈﾘﾏ(ABC)ﾃﾝ");
  });
});
