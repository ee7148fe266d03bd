import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer } from "@ward/platform";
import { ensureChromium } from "@ward/platform/testing";
import { chromium, type Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { openTestDesk, PASSWORD, seedOrganisation } from "./support/desk.js";
import { buildJapanesePdf } from "./support/japanese-pdf.js";

const browser = ensureChromium();
if ("reason" in browser && process.env.CI) throw new Error(`e2e: ${browser.reason}`);

const SENTENCE = "粗大ごみの戸別収集は毎月第2水曜日に行い、\n申込みは前週の金曜日までに受け付けます。";
const FILLER = Array.from({ length: 10 }, (_, i) => `（${i + 1}）この項は区の事務の手順を定める。`).join(
  "\n",
);
const QUESTION = "粗大ごみの戸別収集はいつ行いますか";

async function login(page: Page, url: string, loginId: string) {
  await page.goto(`${url}/login`);
  await page.getByLabel("ログインID").fill(loginId);
  await page.getByLabel("パスワード").fill(PASSWORD);
  await page.getByRole("button", { name: "ログイン" }).click();
  await page.waitForURL(/\/chat$/);
}

async function ask(page: Page, question: string) {
  await page.getByRole("link", { name: "チャット", exact: true }).click();
  await page.getByLabel("質問").fill(question);
  await page.getByRole("button", { name: "質問する" }).click();
  await page.waitForURL(/\/chat\/\d+#m-\d+$/);
}

describe.skipIf(!("path" in browser))("support desk in Chromium", () => {
  const dir = mkdtempSync(join(tmpdir(), "support-desk-e2e-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("admin shares a folder with A; A's citation opens page 3 highlighted; B without rights gets nothing", async () => {
    const t = await openTestDesk();
    await seedOrganisation(t.platform);
    const server = await startServer(t.app, t.platform, { port: 0 });
    const context = await chromium.launchPersistentContext(join(dir, "profile"), {
      executablePath: "path" in browser ? browser.path : "",
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
      locale: "ja-JP",
      viewport: { width: 1100, height: 800 },
    });
    try {
      const page = await context.newPage();
      const posts: string[] = [];
      page.on("request", (request) => {
        if (request.method() === "POST") posts.push(new URL(request.url()).pathname);
      });
      // The administrator creates a folder for 総務課 and grants alice read.
      await login(page, server.url, "admin");
      await page.getByRole("link", { name: "データフォルダ" }).click();
      await page.getByLabel("フォルダ名").fill("ごみ収集の手引き");
      await page.getByLabel("所属").selectOption({ label: "総務課" });
      await page.getByRole("button", { name: "作成する" }).click();
      await page.waitForURL(/\/folders\/\d+\?created=1$/);
      await page.getByRole("link", { name: "閲覧権限の管理" }).click();
      await page.getByLabel("対象").selectOption({ label: "alice（alice）" });
      await page.getByLabel("権限", { exact: true }).selectOption("read");
      await page.getByRole("button", { name: "付与する" }).click();
      expect(await page.getByRole("status").textContent()).toContain("権限を更新しました。");
      expect(await page.locator("table").first().textContent()).toContain("alice（alice）");

      // … and uploads a six-page PDF whose third page holds the sentence.
      await page.getByRole("link", { name: /フォルダ「ごみ収集の手引き」へ戻る/ }).click();
      const pages = [
        "第1章 目的",
        "第2章 対象となる品目",
        `第3章 収集日\n${SENTENCE}`,
        "第4章 手数料",
        "第5章 問合せ先",
        "附則",
      ].map((heading) => `${heading}\n${FILLER}`);
      await page.getByLabel("登録するファイル").setInputFiles({
        name: "粗大ごみ収集要領.pdf",
        mimeType: "application/pdf",
        buffer: Buffer.from(await buildJapanesePdf(pages)),
      });
      await page.getByRole("button", { name: "登録する", exact: true }).click();
      await page.waitForURL(/\/jobs\/\d+$/);
      await t.queue.idle();
      await page.reload();
      expect(await page.locator("#job-progress").textContent()).toContain(
        "1件中1件を処理しました（すべて完了）",
      );
      await page.getByRole("button", { name: "ログアウト" }).click();

      // alice asks about page 3 and follows the citation.
      await login(page, server.url, "alice");
      await ask(page, QUESTION);
      // The answer was streamed from the NDJSON API, not posted as a form (the no-script fallback).
      expect(posts.filter((p) => p.includes("/chat"))).toEqual(["/api/chat"]);
      if (process.env.WARD_E2E_SCREENSHOT_DIR) {
        await page.screenshot({
          path: join(process.env.WARD_E2E_SCREENSHOT_DIR, "support-desk-answer.png"),
          fullPage: true,
        });
      }
      const citation = page.locator("a.citation").first();
      expect(await citation.textContent()).toBe("粗大ごみ収集要領.pdf（3ページ）");
      await citation.click();
      await page.waitForURL(/\/documents\/[^/]+\/view#page=3$/);
      expect(new URL(page.url()).hash).toBe("#page=3");
      const target = page.locator("#page-3");
      await expect.poll(() => target.getAttribute("class")).toContain("highlight");
      expect(await target.getAttribute("aria-current")).toBe("location");
      expect(await target.textContent()).toContain("申込みは前週の金曜日までに受け付けます");
      const box = await target.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return { top: r.top, focused: el.ownerDocument.activeElement === el };
      });
      // Page 3 starts far below the first screen: the script scrolled it to the top.
      expect(box.top).toBeGreaterThanOrEqual(0);
      expect(box.top).toBeLessThan(40);
      expect(box.focused).toBe(true);
      expect(await page.locator(".doc-section.highlight").count()).toBe(1);
      await page.screenshot({ path: join(dir, "page-3.png") });
      if (process.env.WARD_E2E_SCREENSHOT_DIR) {
        await page.screenshot({ path: join(process.env.WARD_E2E_SCREENSHOT_DIR, "support-desk-page-3.png") });
      }
      await page.getByRole("button", { name: "ログアウト" }).click();

      // bob has no right on the folder: the same question yields no citation and no passage text.
      await login(page, server.url, "bob");
      await ask(page, QUESTION);
      expect(await page.locator("a.citation").count()).toBe(0);
      const body = (await page.locator("main").textContent()) ?? "";
      expect(body).toContain("出典: なし");
      expect(body).not.toContain("第2水曜日");
      expect(body).not.toContain("粗大ごみ収集要領");
      if (process.env.WARD_E2E_SCREENSHOT_DIR) {
        await page.screenshot({
          path: join(process.env.WARD_E2E_SCREENSHOT_DIR, "support-desk-no-rights.png"),
        });
      }
    } finally {
      await context.close();
      await server.close();
    }
  });
});
