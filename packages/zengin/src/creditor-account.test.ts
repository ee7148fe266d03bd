import { describe, expect, it } from "vitest";
import { createBankMaster } from "./bank-master.js";
import { validateCreditorAccount } from "./creditor-account.js";

const master = createBankMaster(
  {
    "0001": {
      code: "0001",
      name: "みずほ",
      kana: "ミズホ",
      branches: { "001": { code: "001", name: "東京営業部", kana: "トウキヨウ" } },
    },
    "9900": {
      code: "9900",
      name: "ゆうちょ",
      kana: "ユウチヨ",
      branches: { "018": { code: "018", name: "〇一八", kana: "ゼロイチハチ" } },
    },
  },
  "2026-08-24",
);

const valid = {
  bankCode: "0001",
  branchCode: "001",
  accountType: "普通",
  accountNumber: "1234567",
  holderName: "カブシキガイシャ　ネリマ",
};

describe("validateCreditorAccount", () => {
  it("accepts a bank account and normalises it for Zengin", () => {
    expect(validateCreditorAccount(valid, { master })).toEqual({
      ok: true,
      account: {
        bankCode: "0001",
        branchCode: "001",
        accountType: "1",
        accountNumber: "1234567",
        holderName: "ｶ)ﾈﾘﾏ",
        bankKana: "ﾐｽﾞﾎ",
        branchKana: "ﾄｳｷﾖｳ",
      },
      warnings: [],
    });
  });

  it("reads full-width digits and account types by name or code", () => {
    const r = validateCreditorAccount(
      { ...valid, bankCode: "０００１", accountType: "当座預金", accountNumber: "１２３" },
      { master },
    );
    expect(r.ok && r.account).toMatchObject({ bankCode: "0001", accountType: "2", accountNumber: "0000123" });
    const savings = validateCreditorAccount({ ...valid, accountType: "4" }, { master });
    expect(savings.ok && savings.account.accountType).toBe("4");
  });

  it("converts a Japan Post Bank 記号・番号 and checks the converted branch", () => {
    const r = validateCreditorAccount(
      { japanPost: { symbol: "10180", number: "12345671" }, holderName: "ヤマダ タロウ" },
      { master },
    );
    expect(r).toMatchObject({
      ok: true,
      account: {
        bankCode: "9900",
        branchCode: "018",
        accountType: "1",
        accountNumber: "1234567",
        holderName: "ﾔﾏﾀﾞ ﾀﾛｳ",
        branchKana: "ｾﾞﾛｲﾁﾊﾁ",
      },
    });
  });

  it("warns, without blocking, when the bank is not in the master", () => {
    const r = validateCreditorAccount({ ...valid, bankCode: "0999" }, { master });
    expect(r.ok).toBe(true);
    expect(r.warnings).toEqual([
      expect.objectContaining({ severity: "warning", code: "UNKNOWN_BANK", field: "金融機関コード" }),
    ]);
    expect(r.warnings[0]?.message).toContain("2026-08-24");
  });

  it("warns, without blocking, when the branch is not in the master", () => {
    const r = validateCreditorAccount({ ...valid, branchCode: "999" }, { master });
    expect(r.ok).toBe(true);
    expect(r.warnings.map((w) => w.code)).toEqual(["UNKNOWN_BRANCH"]);
    expect(r.ok && r.account.branchKana).toBeUndefined();
  });

  it("reports every malformed field at once, in Japanese", () => {
    const r = validateCreditorAccount(
      {
        bankCode: "12",
        branchCode: "1a1",
        accountType: "定期",
        accountNumber: "12345678",
        holderName: "練馬　太郎",
      },
      { master },
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.map((e) => [e.field, e.code])).toEqual([
        ["金融機関コード", "INVALID_BANK_CODE"],
        ["支店コード", "INVALID_BRANCH_CODE"],
        ["預金種目", "INVALID_ACCOUNT_TYPE"],
        ["口座番号", "INVALID_ACCOUNT_NUMBER"],
        ["口座名義（カナ）", "INVALID_CHARACTERS"],
      ]);
      for (const e of r.errors) expect(e.message).toMatch(/[ぁ-んァ-ヶ一-龠]/u);
    }
  });

  it("refuses an all-zero account number and a name too long for the field", () => {
    const zero = validateCreditorAccount({ ...valid, accountNumber: "0000000" }, { master });
    expect(!zero.ok && zero.errors[0]?.code).toBe("INVALID_ACCOUNT_NUMBER");
    const long = validateCreditorAccount({ ...valid, holderName: "ア".repeat(31) }, { master });
    expect(!long.ok && long.errors[0]?.code).toBe("TOO_LONG");
  });

  it("refuses input that is not a form", () => {
    for (const input of [
      null,
      42,
      {},
      { bankCode: 1, branchCode: "001", accountType: "1", accountNumber: "1", holderName: "ｱ" },
    ]) {
      const r = validateCreditorAccount(input, { master });
      expect(r.ok).toBe(false);
      expect(!r.ok && r.errors[0]?.code).toBe("INVALID_FORM");
    }
  });

  it("uses the zengin-code master by default", () => {
    const r = validateCreditorAccount({ ...valid, bankCode: "0005", branchCode: "001" });
    expect(r.ok && r.account.bankKana).toBe("ﾐﾂﾋﾞｼﾕ-ｴﾌｼﾞｴｲ");
  });
});
