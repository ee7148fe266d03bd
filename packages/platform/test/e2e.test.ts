import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type BrowserContext, chromium } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { countAudit, createDemoApp, demoMigrations, startServer, verifyAuditChain } from "../src/index.js";
import {
  dropTestSchemas,
  ensureChromium,
  TEST_ADMIN_PASSWORD,
  tempDir,
  testDatabases,
} from "../src/testing/index.js";

const { backends } = await testDatabases();
const browserPath = ensureChromium();
if ("reason" in browserPath && process.env.CI) throw new Error(`e2e: ${browserPath.reason}`);
const NEW_PASSWORD = "Hanabi-ga-agaru-natsu-2025";

describe.skipIf("reason" in browserPath)("demo app in Chromium", () => {
  const dir = tempDir("ward-e2e-");
  // One browser at a time, each with a fresh profile directory (Playwright passes it as --user-data-dir).
  const launch = (name: string): Promise<BrowserContext> =>
    chromium.launchPersistentContext(join(dir.path, `profile-${name}`), {
      executablePath: "path" in browserPath ? browserPath.path : "",
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
      locale: "ja-JP",
      acceptDownloads: true,
    });
  afterAll(async () => {
    await dropTestSchemas();
    dir.remove();
  });

  for (const backend of backends) {
    it.skipIf(backend.skip)(
      `logs in, writes a note with a file, reads it back and shows the audit trail ${backend.label}`,
      async () => {
        const platform = await backend.open({ migrations: demoMigrations });
        const server = await startServer(createDemoApp(platform), platform, { port: 0 });
        const context = await launch(backend.name);
        try {
          const page = await context.newPage();
          await page.goto(`${server.url}/notes`);
          expect(new URL(page.url()).pathname).toBe("/login");
          await page.getByLabel("ログインID").fill("admin");
          await page.getByLabel("パスワード").fill("wrong-password-x");
          await page.getByRole("button", { name: "ログイン" }).click();
          await expect
            .poll(() => page.getByRole("alert").textContent())
            .toContain("ログインIDまたはパスワードが正しくありません");
          await page.getByLabel("パスワード").fill(TEST_ADMIN_PASSWORD);
          await page.getByRole("button", { name: "ログイン" }).click();
          await page.waitForURL(/\/account\/password/);
          await page.getByLabel("現在のパスワード").fill(TEST_ADMIN_PASSWORD);
          await page.getByLabel("新しいパスワード", { exact: false }).first().fill(NEW_PASSWORD);
          await page.getByLabel("新しいパスワード（確認）").fill(NEW_PASSWORD);
          await page.getByRole("button", { name: "変更する" }).click();
          await page.waitForURL(`${server.url}/?changed=password`);
          expect(await page.getByRole("status").textContent()).toContain("パスワードを変更しました");

          await page.getByRole("link", { name: "メモの作成" }).click();
          await page.getByRole("button", { name: "保存する" }).click();
          expect(await page.getByRole("alert").textContent()).toContain("件名");
          await page.getByLabel("件名").fill("区民相談の引継ぎ");
          await page.getByLabel("本文").fill("午後の窓口で受け付けた相談の記録です。");
          await page.getByLabel("添付ファイル").setInputFiles({
            name: "記録.txt",
            mimeType: "text/plain",
            buffer: Buffer.from("相談記録 2025年7月1日"),
          });
          await page.getByRole("button", { name: "保存する" }).click();
          await page.waitForURL(/\/notes\/\d+\?created=1/);
          expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("区民相談の引継ぎ");
          await page.screenshot({ path: join(dir.path, `note-${backend.name}.png`), fullPage: true });
          if (process.env.WARD_E2E_SCREENSHOT_DIR) {
            await page.screenshot({
              path: join(process.env.WARD_E2E_SCREENSHOT_DIR, `note-${backend.name}.png`),
              fullPage: true,
            });
          }

          const [download] = await Promise.all([
            page.waitForEvent("download"),
            page.locator("#attachment-link").click(),
          ]);
          expect(download.suggestedFilename()).toBe("記録.txt");
          expect(readFileSync(await download.path(), "utf8")).toBe("相談記録 2025年7月1日");

          await page.getByRole("link", { name: "監査ログ" }).click();
          const table = await page.locator("table").textContent();
          expect(table).toContain("note.create");
          expect(table).toContain("file.read");
          expect(table).toContain("auth.login");
          await page.getByRole("link", { name: "改ざん検査を実行" }).click();
          expect(await page.getByRole("status").textContent()).toMatch(/件すべて正常です/);

          await page.getByRole("button", { name: "ログアウト" }).click();
          await page.waitForURL(/\/login\?reason=logout/);
          expect(await countAudit(platform.db, "auth.logout")).toBe(1);
          expect((await verifyAuditChain(platform.db)).ok).toBe(true);
        } finally {
          await context.close();
          await server.close();
        }
      },
    );
  }
});
