import { join } from "node:path";
import { chromium } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { createDemoApp, createUser, demoMigrations, queryAudit, SYSTEM, startServer } from "../src/index.js";
import { ensureChromium, openTestPlatform, tempDir } from "../src/testing/index.js";

const browserPath = ensureChromium();
if ("reason" in browserPath && process.env.CI) throw new Error(`e2e: ${browserPath.reason}`);
const PASSWORD = "Hoiku-Tantou-2027!";

describe.skipIf("reason" in browserPath)("organisation admin in Chromium", () => {
  const dir = tempDir("ward-org-e2e-");
  afterAll(() => dir.remove());

  it("an admin creates a department and then a user of it from the screens", async () => {
    const platform = await openTestPlatform({ migrations: demoMigrations });
    await createUser(platform, SYSTEM, {
      loginId: "jinji",
      displayName: "人事 太郎",
      role: "system_admin",
      departmentId: null,
      password: PASSWORD,
    });
    const server = await startServer(createDemoApp(platform), platform, { port: 0 });
    const context = await chromium.launchPersistentContext(join(dir.path, "profile"), {
      executablePath: "path" in browserPath ? browserPath.path : "",
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
      locale: "ja-JP",
    });
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}/login`);
      await page.getByLabel("ログインID").fill("jinji");
      await page.getByLabel("パスワード").fill(PASSWORD);
      await page.getByRole("button", { name: "ログイン" }).click();
      await page.getByRole("link", { name: "管理メニュー" }).click();
      expect(await page.locator("ol.checklist").textContent()).toContain("未完了：所属（部署）を登録する");
      await page.getByRole("link", { name: "所属（部署）を登録する" }).click();
      await page.getByLabel("所属コード").fill("hoiku");
      await page.getByLabel("所属名").fill("保育課");
      await page.getByRole("button", { name: "所属を登録する" }).click();
      expect(await page.getByRole("status").textContent()).toContain(
        "所属「保育課」（hoiku）を登録しました。",
      );

      await page.getByRole("link", { name: "利用者管理" }).click();
      await page.getByLabel("ログインID").fill("tanaka.hanako");
      await page.getByLabel("氏名").fill("田中 花子");
      await page.getByLabel("権限").selectOption({ label: "職員" });
      await page.getByLabel("所属", { exact: true }).selectOption({ label: "保育課" });
      await page.getByRole("button", { name: "追加する" }).click();
      const notice = await page.getByRole("status").textContent();
      expect(notice).toContain("tanaka.hanako を追加しました。初期パスワード:");
      expect(await page.locator("table").first().textContent()).toContain("保育課");
      await page.getByRole("link", { name: "管理メニュー" }).click();
      expect(await page.locator("ol.checklist").textContent()).toContain("完了：利用者を登録する");
      if (process.env.WARD_E2E_SCREENSHOT_DIR) {
        await page.screenshot({
          path: join(process.env.WARD_E2E_SCREENSHOT_DIR, "org-admin.png"),
          fullPage: true,
        });
      }
      const user = await platform.db
        .selectFrom("users")
        .innerJoin("departments", "departments.id", "users.department_id")
        .select(["departments.code"])
        .where("login_id", "=", "tanaka.hanako")
        .executeTakeFirstOrThrow();
      expect(user.code).toBe("hoiku");
      expect((await queryAudit(platform.db, { action: "department.create" }))[0]?.actorLogin).toBe("jinji");
    } finally {
      await context.close();
      await server.close();
      await platform.close();
    }
  }, 60_000);
});
