import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  countAudit,
  createDemoApp,
  createUser,
  demoMigrations,
  type Platform,
  type PlatformEnv,
  SYSTEM,
  verifyAuditChain,
} from "../src/index.js";
import { dropTestSchemas, TEST_ADMIN_PASSWORD, testClient, testDatabases } from "../src/testing/index.js";

// biome-ignore lint/suspicious/noExplicitAny: test responses are checked field by field
const body = async (res: Response): Promise<any> => res.json();

const { backends } = await testDatabases();
afterAll(dropTestSchemas);

const STAFF_PASSWORD = "Ajisai-no-kisetsu-2025";

for (const backend of backends) {
  describe.skipIf(backend.skip)(`demo app over HTTP ${backend.label}`, () => {
    let platform: Platform;
    let app: Hono<PlatformEnv>;
    let now = Date.parse("2025-07-01T00:00:00Z");
    beforeAll(async () => {
      platform = await backend.open({
        migrations: demoMigrations,
        clock: () => new Date(now),
        lockout: { maxFailures: 3, lockMinutes: 15 },
      });
      app = createDemoApp(platform);
      await createUser(platform, SYSTEM, {
        loginId: "sato",
        displayName: "佐藤 花子",
        role: "staff",
        departmentId: null,
        password: STAFF_PASSWORD,
      });
      await createUser(platform, SYSTEM, {
        loginId: "yomi",
        displayName: "読取 太郎",
        role: "read_only",
        departmentId: null,
        password: STAFF_PASSWORD,
      });
    });
    afterAll(async () => {
      await platform?.close();
    });

    it("answers /health with security headers and a request id", async () => {
      const res = await app.request("/health");
      expect(res.status).toBe(200);
      expect(await body(res)).toMatchObject({ status: "ok", storage: backend.name });
      expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
      expect(res.headers.get("content-security-policy")).toContain("default-src 'self'");
      expect(res.headers.get("x-frame-options")).toBe("SAMEORIGIN");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    });

    it("logs in, writes and reads notes through the JSON API, and logs out", async () => {
      const client = testClient(app);
      const login = await client.loginJson("sato", STAFF_PASSWORD);
      expect(login.status).toBe(200);
      const cookie = login.headers.getSetCookie().find((c) => c.startsWith("ward_session="));
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Strict/);
      const created = await client.json("/api/notes", { title: "窓口混雑", body: "午前は混雑" });
      expect(created.status).toBe(201);
      const list = await client.request("/api/notes");
      expect((await body(list)).notes).toContainEqual(expect.objectContaining({ title: "窓口混雑" }));
      expect(await countAudit(platform.db, "note.create")).toBeGreaterThan(0);
      expect((await client.json("/api/logout", {})).status).toBe(200);
      const after = await client.request("/api/notes");
      expect(after.status).toBe(401);
    });

    it("turns bad input into a 4xx with a stable code and writes nothing", async () => {
      const client = testClient(app);
      await client.loginJson("sato", STAFF_PASSWORD);
      const notesBefore = (await body(await client.request("/api/notes"))).notes.length;
      const malformed = await client.request("/api/notes", {
        method: "POST",
        headers: { "content-type": "application/json", "x-csrf-token": client.csrf },
        body: '{"title": "壊れた',
      });
      expect(malformed.status).toBe(400);
      expect((await body(malformed)).error).toMatchObject({
        code: "INVALID_JSON",
        message: "JSON の形式が正しくありません。",
      });
      const wrongType = await client.json("/api/notes", { title: 42, body: "x" });
      expect(wrongType.status).toBe(422);
      const parsed = await body(wrongType);
      expect(parsed.error.code).toBe("VALIDATION_FAILED");
      expect(parsed.error.issues[0].path).toBe("title");
      const huge = await client.json("/api/notes", { title: "大きい", body: "あ".repeat(600_000) });
      expect(huge.status).toBe(413);
      expect((await body(huge)).error.code).toBe("PAYLOAD_TOO_LARGE");
      const noCsrf = await client.request("/api/notes", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ title: "偽装", body: "" }),
      });
      expect(noCsrf.status).toBe(403);
      expect((await body(noCsrf)).error.code).toBe("CSRF_FAILED");
      const foreign = await client.request("/api/notes", {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-csrf-token": client.csrf,
          origin: "https://evil.example",
        },
        body: JSON.stringify({ title: "偽装", body: "" }),
      });
      expect(foreign.status).toBe(403);
      expect((await body(await client.request("/api/notes"))).notes.length).toBe(notesBefore);
    });

    it("refuses writes from read-only users and audits the refusal", async () => {
      const client = testClient(app);
      await client.loginJson("yomi", STAFF_PASSWORD);
      const denied = await client.json("/api/notes", { title: "書けない", body: "" });
      expect(denied.status).toBe(403);
      expect((await body(denied)).error.code).toBe("FORBIDDEN");
      expect(await countAudit(platform.db, "access.denied")).toBeGreaterThan(0);
    });

    it("expires idle sessions with SESSION_EXPIRED and redirects pages to the login", async () => {
      const client = testClient(app);
      await client.loginJson("sato", STAFF_PASSWORD);
      expect((await client.request("/api/notes")).status).toBe(200);
      now += 31 * 60_000;
      const expired = await client.request("/api/notes");
      expect(expired.status).toBe(401);
      expect((await body(expired)).error).toMatchObject({ code: "SESSION_EXPIRED" });
      await client.loginJson("sato", STAFF_PASSWORD);
      now += 31 * 60_000;
      const page = await client.request("/notes", { headers: { accept: "text/html" } });
      expect(page.status).toBe(303);
      expect(page.headers.get("location")).toBe("/login?reason=expired&next=%2Fnotes");
    });

    it("locks an account after repeated failures and audits each attempt", async () => {
      const client = testClient(app);
      for (let i = 0; i < 2; i += 1) {
        const res = await client.loginJson("yomi", "wrong-password-123");
        expect((await body(res)).error.code).toBe("INVALID_CREDENTIALS");
      }
      const third = await client.loginJson("yomi", "wrong-password-123");
      expect(third.status).toBe(423);
      const locked = await client.loginJson("yomi", STAFF_PASSWORD);
      expect((await body(locked)).error.code).toBe("ACCOUNT_LOCKED");
      now += 16 * 60_000;
      expect((await client.loginJson("yomi", STAFF_PASSWORD)).status).toBe(200);
      const failures = await countAudit(platform.db, "auth.lockout");
      expect(failures).toBe(1);
    });

    it("makes the first admin change the one-time password before anything else", async () => {
      const client = testClient(app);
      await client.loginJson("admin", TEST_ADMIN_PASSWORD);
      const home = await client.request("/", { headers: { accept: "text/html" } });
      expect(home.status).toBe(303);
      expect(home.headers.get("location")).toBe("/account/password?reason=first");
      expect((await verifyAuditChain(platform.db)).ok).toBe(true);
    });
  });
}
