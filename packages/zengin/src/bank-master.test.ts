import { describe, expect, it } from "vitest";
import { createBankMaster, zenginBankMaster } from "./bank-master.js";

describe("createBankMaster", () => {
  const master = createBankMaster(
    {
      "0001": {
        code: "0001",
        name: "みずほ",
        kana: "ミズホ",
        branches: { "001": { code: "001", name: "東京営業部", kana: "トウキヨウ" } },
      },
    },
    "2026-08-24",
  );

  it("returns banks and branches with half-width kana", () => {
    expect(master.bank("0001")).toEqual({ code: "0001", name: "みずほ", kana: "ﾐｽﾞﾎ" });
    expect(master.branch("0001", "001")).toEqual({ code: "001", name: "東京営業部", kana: "ﾄｳｷﾖｳ" });
  });

  it("returns undefined for unknown codes, including prototype keys", () => {
    expect(master.bank("9999")).toBeUndefined();
    expect(master.branch("0001", "999")).toBeUndefined();
    expect(master.bank("constructor")).toBeUndefined();
    expect(master.branch("0001", "toString")).toBeUndefined();
  });
});

describe("zenginBankMaster", () => {
  it("loads the zengin-code package and names its data date", () => {
    const master = zenginBankMaster();
    expect(master.dataDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(master.dataDate >= "2026-08-24").toBe(true);
    expect(master.bank("9900")?.kana).toBe("ﾕｳﾁﾖ");
    expect(master.branch("0001", "001")?.name).toBe("東京営業部");
  });
});
