import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { beforeAll, describe, expect, it } from "vitest";
import type { RegisteredCreditor } from "../storage/creditor-accounts.js";
import { JAPANESE_FONT_CANDIDATES, writeRegistrationLetter } from "./registration-letter.js";

// The letter needs a Japanese TrueType font: install Debian's when missing (root on Linux, as CI is).
beforeAll(() => {
  if (JAPANESE_FONT_CANDIDATES.some((p) => existsSync(p))) return;
  if (process.platform === "linux" && process.getuid?.() === 0) {
    const install = () =>
      spawnSync("apt-get", ["install", "-y", "--no-install-recommends", "fonts-ipaexfont-gothic"], {
        stdio: "ignore",
      }).status === 0;
    if (!install()) {
      spawnSync("apt-get", ["update"], { stdio: "ignore" });
      install();
    }
  }
});

const creditor: RegisteredCreditor = {
  id: 42,
  creditorName: "練馬商事株式会社",
  postalCode: "176-8501",
  address: "東京都練馬区豊玉北6-12-1",
  registeredAt: new Date("2025-07-10T01:00:00Z"),
  account: {
    bankCode: "0001",
    branchCode: "001",
    accountType: "1",
    accountNumber: "1234567",
    holderName: "ﾈﾘﾏｼﾖｳｼﾞ(ｶ",
    bankKana: "ﾐｽﾞﾎ",
    branchKana: "ﾄｳｷﾖｳ",
  },
};

async function pdfText(bytes: Uint8Array): Promise<string> {
  const doc = await getDocument({ data: bytes, useSystemFonts: false, isEvalSupported: false }).promise;
  const page = await doc.getPage(1);
  const content = await page.getTextContent();
  return content.items.map((i) => ("str" in i ? i.str : "")).join("\n");
}

describe("writeRegistrationLetter", () => {
  it("writes a one-page PDF whose extracted text has the title, addressee and account in Japanese", async () => {
    const bytes = await writeRegistrationLetter(creditor, { date: "2025-07-10" });
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe("%PDF-");
    const text = await pdfText(bytes);
    for (const expected of [
      "登録完了のお知らせ",
      "令和7年7月10日",
      "〒176-8501",
      "練馬商事株式会社",
      "様",
      "1234567",
      "ﾈﾘﾏｼﾖｳｼﾞ(ｶ",
      "普通",
      "練馬区会計管理室",
    ]) {
      expect(text).toContain(expected);
    }
    // A subset: far smaller than the 4 MB+ font file.
    expect(bytes.length).toBeLessThan(200_000);
  });

  it("refuses to write without a usable font instead of printing tofu", async () => {
    await expect(
      writeRegistrationLetter(creditor, { date: "2025-07-10", fontPath: "/nonexistent/font.ttf" }),
    ).rejects.toThrow();
  });
});
