import { describe, expect, it } from "vitest";
import { convertJapanPostAccount } from "./japan-post-account.js";

describe("convertJapanPostAccount", () => {
  it("converts 通常貯金: branch = 2nd–3rd digits of 記号 + 8, account = 番号 without its last digit", () => {
    expect(convertJapanPostAccount({ symbol: "10180", number: "12345671" })).toEqual({
      ok: true,
      account: { bankCode: "9900", branchCode: "018", accountType: "1", accountNumber: "1234567" },
      warnings: [],
    });
    const r = convertJapanPostAccount({ symbol: "17300", number: "19927651" });
    expect(r.ok && r.account).toMatchObject({ branchCode: "738", accountNumber: "1992765" });
  });

  it("zero-pads a short 番号 to 7 digits", () => {
    const r = convertJapanPostAccount({ symbol: "14010", number: "1234561" });
    expect(r.ok && r.account).toMatchObject({ branchCode: "408", accountNumber: "0123456" });
  });

  it("converts 振替口座 (記号 0xxxx) to 当座 with branch suffix 9 and the number as is", () => {
    const r = convertJapanPostAccount({ symbol: "00530", number: "12345" });
    expect(r).toEqual({
      ok: true,
      account: { bankCode: "9900", branchCode: "059", accountType: "2", accountNumber: "0012345" },
      warnings: [],
    });
  });

  it("reads full-width digits and hyphens", () => {
    const r = convertJapanPostAccount({ symbol: "１０１８０", number: "1234-5671" });
    expect(r.ok && r.account.accountNumber).toBe("1234567");
  });

  it("warns when 番号 does not end in 1 or 記号 not in 0", () => {
    const r = convertJapanPostAccount({ symbol: "10181", number: "12345678" });
    expect(r.ok && r.warnings.map((w) => w.code)).toEqual(["UNUSUAL_NUMBER", "UNUSUAL_SYMBOL"]);
  });

  it("refuses a malformed 記号 or 番号 with Japanese field names", () => {
    const r = convertJapanPostAccount({ symbol: "2018", number: "123456789" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.field)).toEqual(["記号", "番号"]);
    expect(convertJapanPostAccount({ symbol: "00530", number: "12345678" }).ok).toBe(false);
    expect(convertJapanPostAccount({ symbol: "10180", number: "1" }).ok).toBe(false);
  });
});
