import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { testClient, testDatabases, testPlatformOptions } from "./index.js";

const NOWHERE = "postgres://postgres@127.0.0.1:1/none";

describe("testDatabases", () => {
  it("skips PostgreSQL with the reason when it does not answer outside CI", async () => {
    const { postgresSkipReason, backends } = await testDatabases({ url: NOWHERE, env: {} });
    expect(postgresSkipReason).toMatch(
      /^PostgreSQL at postgres:\/\/postgres@127\.0\.0\.1:1\/none unreachable/,
    );
    expect(backends.map((b) => [b.name, b.skip])).toEqual([
      ["pglite", false],
      ["postgres", true],
    ]);
    expect(backends[1]?.label).toBe(`on PostgreSQL — skipped: ${postgresSkipReason}`);
    expect(backends[0]?.storage()).toEqual({ memory: true });
    const postgres = backends[1]?.storage();
    expect(postgres).toMatchObject({
      databaseUrl: NOWHERE,
      schema: expect.stringMatching(/^ward_test_[0-9a-f]{12}$/),
    });
    expect(backends[1]?.storage()).not.toEqual(postgres);
  });

  it("fails under CI when PostgreSQL does not answer", async () => {
    await expect(testDatabases({ url: NOWHERE, env: { CI: "1" } })).rejects.toMatchObject({
      code: "CONFIG_INVALID",
      message: expect.stringContaining("CI is set and PostgreSQL at"),
    });
  });
});

describe("testPlatformOptions", () => {
  it("uses in-memory PGlite unless a data directory or PostgreSQL is given", () => {
    expect(testPlatformOptions().memory).toBe(true);
    expect(testPlatformOptions({ dataDir: "/tmp/x" })).not.toHaveProperty("memory");
    expect(testPlatformOptions({ databaseUrl: NOWHERE, schema: "s" })).not.toHaveProperty("memory");
    expect(testPlatformOptions({ appName: "treasury" }).appName).toBe("treasury");
  });
});

describe("testClient", () => {
  const app = new Hono()
    .post("/api/login", async (c) => {
      const { password } = await c.req.json<{ password: string }>();
      if (password !== "right") return c.json({ error: "no" }, 401);
      c.header("set-cookie", "sid=abc; Path=/; HttpOnly");
      return c.json({ csrfToken: "tok" });
    })
    .post("/api/logout", (c) => {
      c.header("set-cookie", "sid=; Max-Age=0; Path=/");
      return c.body(null, 204);
    })
    .post("/echo", async (c) =>
      c.json({
        cookie: c.req.header("cookie") ?? null,
        csrf: c.req.header("x-csrf-token") ?? null,
        form: c.req.header("content-type")?.startsWith("multipart/")
          ? Object.fromEntries([...(await c.req.formData())].map(([k, v]) => [k, String(v)]))
          : null,
      }),
    );

  it("keeps the session cookie and CSRF token after a login and sends them on", async () => {
    const c = testClient(app);
    await c.login("admin", "right");
    expect(c.csrf).toBe("tok");
    expect(c.jar.get("sid")).toBe("abc");
    expect(await (await c.json("/echo", {})).json()).toEqual({ cookie: "sid=abc", csrf: "tok", form: null });
    expect(await (await c.form("/echo", { title: "議事録" })).json()).toMatchObject({
      form: { _csrf: "tok", title: "議事録" },
    });
  });

  it("drops a cookie the server clears, and throws on a failed login", async () => {
    const c = testClient(app);
    await c.login("admin", "right");
    await c.request("/api/logout", { method: "POST" });
    expect(c.jar.has("sid")).toBe(false);
    expect((await c.loginJson("admin", "wrong")).status).toBe(401);
    await expect(c.login("admin", "wrong")).rejects.toThrow(/^@ward\/platform: login admin: 401/);
  });
});
