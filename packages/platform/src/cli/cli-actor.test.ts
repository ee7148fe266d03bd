import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM, toAuditActor } from "../accounts/actor.js";
import { createUser } from "../accounts/users.js";
import { appendAudit, queryAudit } from "../audit/audit-log.js";
import type { Platform } from "../platform.js";
import { openTestPlatform } from "../testing/test-platform.js";
import { cliLogin, osActor } from "./cli-actor.js";

const PASSWORD = "春の小川は-さらさら行くよ";

describe("osActor", () => {
  it("names the OS user and host instead of system", () => {
    const actor = osActor({ username: "yamada", host: "ward-pc01" });
    expect(toAuditActor(actor)).toEqual({
      id: null,
      login: "os:yamada@ward-pc01",
      sourceIp: "cli:ward-pc01",
      requestId: null,
    });
  });

  it("falls back to this process's user and keeps odd characters out", () => {
    expect(osActor().login).toMatch(/^os:[^@\s]+@[^@\s]+$/);
    expect(osActor({ username: "a b\ncd", host: "h;1" }).login).toBe("os:a_b_cd@h_1");
  });
});

describe("cliLogin", () => {
  let platform: Platform;
  beforeAll(async () => {
    platform = await openTestPlatform();
    await createUser(platform, SYSTEM, {
      loginId: "yamada",
      displayName: "山田 太郎",
      role: "staff",
      departmentId: null,
      password: PASSWORD,
    });
  }, 60_000);
  afterAll(() => platform.close());

  it("signs a user in with the login screen's checks and audits as that user", async () => {
    const session = await cliLogin(platform, { loginId: "yamada", password: PASSWORD }, { host: "pc01" });
    expect(session.actor.user?.role).toBe("staff");
    await appendAudit(platform.db, session.actor, { action: "cli.test" });
    await session.end();
    const [record] = await queryAudit(platform.db, { action: "cli.test" });
    expect(record).toMatchObject({ actorLogin: "yamada", sourceIp: "cli:pc01" });
    const [login] = await queryAudit(platform.db, { action: "auth.login", actorLogin: "yamada" });
    expect(login?.result).toBe("success");
  });

  it("refuses a wrong password", async () => {
    await expect(cliLogin(platform, { loginId: "yamada", password: "wrong" })).rejects.toMatchObject({
      code: "INVALID_CREDENTIALS",
    });
  });
});
