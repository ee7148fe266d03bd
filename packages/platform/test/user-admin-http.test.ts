import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp, createUser, type Platform, type PlatformEnv, queryAudit, SYSTEM } from "../src/index.js";
import { dropTestSchemas, type TestClient, testClient, testDatabases } from "../src/testing/index.js";

const { backends } = await testDatabases();
afterAll(dropTestSchemas);

const PASSWORD = "Kaikei-Tantou-77!";

/** The app as reached over a socket from `peer` (what @hono/node-server gives getConnInfo). */
const viaPeer = (app: Hono<PlatformEnv>, peer: string, headers: Record<string, string> = {}) => ({
  request: (input: string, init: RequestInit) => {
    const h = new Headers(init.headers);
    for (const [k, v] of Object.entries(headers)) h.set(k, v);
    return app.request(input, { ...init, headers: h }, { incoming: { socket: { remoteAddress: peer } } });
  },
});

for (const backend of backends) {
  describe.skipIf(backend.skip)(`user administration and proxies over HTTP ${backend.label}`, () => {
    let platform: Platform;
    let app: Hono<PlatformEnv>;
    let staffId: number;
    let admin: TestClient;
    beforeAll(async () => {
      platform = await backend.open({ trustedProxies: ["10.0.0.0/8"] });
      app = createApp(platform, { title: "テスト" });
      await createUser(platform, SYSTEM, {
        loginId: "kanri",
        displayName: "管理 一郎",
        role: "system_admin",
        departmentId: null,
        password: PASSWORD,
      });
      staffId = (
        await createUser(platform, SYSTEM, {
          loginId: "sato",
          displayName: "佐藤 花子",
          role: "staff",
          departmentId: null,
          password: PASSWORD,
        })
      ).user.id;
      admin = testClient(viaPeer(app, "192.0.2.1"));
      await admin.login("kanri", PASSWORD);
    });
    afterAll(async () => {
      await platform?.close();
    });

    it("records the signed-in user, not `system`, for logins over HTTP", async () => {
      const [record] = await queryAudit(platform.db, { action: "auth.login", result: "success" });
      expect([record?.actorLogin, record?.sourceIp]).toEqual(["kanri", "192.0.2.1"]);
    });

    it("believes X-Forwarded-* only from a trusted proxy, for the audit address and the Secure cookie", async () => {
      const proxied = testClient(
        viaPeer(app, "10.0.0.5", { "x-forwarded-for": "198.51.100.7", "x-forwarded-proto": "https" }),
      );
      const viaProxy = await proxied.loginJson("sato", PASSWORD);
      expect(viaProxy.headers.getSetCookie().find((c) => c.startsWith("ward_session="))).toMatch(/; Secure/);
      const spoofed = testClient(
        viaPeer(app, "192.0.2.50", { "x-forwarded-for": "198.51.100.8", "x-forwarded-proto": "https" }),
      );
      const direct = await spoofed.loginJson("sato", PASSWORD);
      expect(direct.headers.getSetCookie().find((c) => c.startsWith("ward_session="))).not.toMatch(/Secure/);
      const records = await queryAudit(platform.db, { action: "auth.login", actorLogin: "sato", limit: 2 });
      expect(records.map((r) => r.sourceIp)).toEqual(["192.0.2.50", "198.51.100.7"]);
    });

    it("unlocks, disables, re-enables and resets a user from the screen linked in the user list, audited", async () => {
      const list = await admin.request("/admin/users");
      expect(await list.text()).toContain(`href="/admin/users/${staffId}"`);

      const attacker = testClient(viaPeer(app, "192.0.2.66"));
      const statuses: number[] = [];
      for (let i = 0; i < 5; i += 1)
        statuses.push((await attacker.loginJson("sato", `Wrong-${i}-xx`)).status);
      expect(statuses).toEqual([401, 401, 401, 401, 423]);
      expect(await (await admin.request(`/admin/users/${staffId}`)).text()).toContain("ロック中");

      const unlocked = await admin.form(`/admin/users/${staffId}/unlock`, {});
      expect(unlocked.status).toBe(200);
      expect(await unlocked.text()).toContain("ロックを解除しました。");
      expect((await attacker.loginJson("sato", PASSWORD)).status).toBe(200);

      const disabled = await admin.form(`/admin/users/${staffId}/disable`, {});
      expect(await disabled.text()).toContain("利用を停止しました。");
      expect((await attacker.request("/api/me", { headers: { accept: "application/json" } })).status).toBe(
        401,
      );
      expect((await attacker.loginJson("sato", PASSWORD)).status).toBe(401);
      await admin.form(`/admin/users/${staffId}/enable`, {});
      expect((await attacker.loginJson("sato", PASSWORD)).status).toBe(200);

      const reset = await admin.form(`/admin/users/${staffId}/reset-password`, {});
      const oneTime = /一時パスワード: ([A-Za-z0-9_-]{24})/.exec(await reset.text())?.[1];
      expect(oneTime).toBeDefined();
      expect((await attacker.request("/api/me", { headers: { accept: "application/json" } })).status).toBe(
        401,
      );
      expect((await attacker.loginJson("sato", oneTime ?? "")).status).toBe(200);

      const actions = (
        await queryAudit(platform.db, { actorLogin: "kanri", targetType: "user", order: "asc" })
      )
        .map((r) => r.action)
        .filter((a) => a.startsWith("user."));
      expect(actions).toEqual(["user.unlock", "user.disable", "user.enable", "user.password_reset"]);
    });

    it("refuses the screen to staff and refuses to disable oneself", async () => {
      const staff = testClient(viaPeer(app, "192.0.2.2"));
      await createUser(platform, SYSTEM, {
        loginId: "suzuki",
        displayName: "鈴木",
        role: "staff",
        departmentId: null,
        password: PASSWORD,
      });
      await staff.login("suzuki", PASSWORD);
      expect((await staff.form(`/admin/users/${staffId}/disable`, {})).status).toBe(403);
      const me = await admin.request("/api/me", { headers: { accept: "application/json" } });
      const adminId = ((await me.json()) as { user: { id: number } }).user.id;
      const self = await admin.form(`/admin/users/${adminId}/disable`, {});
      expect(await self.text()).toContain("自分自身を利用停止にすることはできません。");
    });
  });
}
