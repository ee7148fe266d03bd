import { describe, expect, it } from "vitest";
import { checkPasswordPolicy } from "./password-policy.js";

describe("checkPasswordPolicy", () => {
  it("rejects short, common and sequential passwords", () => {
    expect(checkPasswordPolicy("password123", { loginId: "sato" }).map((v) => v.code)).toEqual([
      "TOO_SHORT",
      "COMMON",
    ]);
    expect(checkPasswordPolicy("zz-qwerty-zz-99", { loginId: "sato" }).map((v) => v.code)).toEqual([
      "COMMON",
    ]);
  });
  it("rejects passwords containing the login id or repeated characters", () => {
    const codes = checkPasswordPolicy("tanaka-Hoikuen-7777", { loginId: "tanaka" }).map((v) => v.code);
    expect(codes).toEqual(["REPETITIVE", "CONTAINS_NAME"]);
  });
  it("accepts a long passphrase and says why in Japanese otherwise", () => {
    expect(checkPasswordPolicy("春の小川は-さらさら行くよ", { loginId: "sato" })).toEqual([]);
    expect(checkPasswordPolicy("short", { loginId: "sato" })[0]?.message).toBe(
      "パスワードは12文字以上にしてください。",
    );
  });
});
