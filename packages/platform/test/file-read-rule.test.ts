import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createApp,
  createDepartment,
  createUser,
  type Platform,
  type PlatformEnv,
  putFile,
  readFile,
  type StoredFile,
  SYSTEM,
  verifyAuditChain,
} from "../src/index.js";
import { dropTestSchemas, testClient, testDatabases } from "../src/testing/index.js";

const { backends } = await testDatabases();
afterAll(dropTestSchemas);

const PASSWORD = "Ajisai-no-kisetsu-2025";
const bytes = (s: string) => new TextEncoder().encode(s);

for (const backend of backends) {
  describe.skipIf(backend.skip)(`the app's file read rule ${backend.label}`, () => {
    let platform: Platform;
    let app: Hono<PlatformEnv>;
    let shared: StoredFile;
    let secret: StoredFile;
    let plain: StoredFile;
    let otherDepartment: StoredFile;
    const seen: Array<{ login: string | undefined; file: string; path: string }> = [];

    beforeAll(async () => {
      platform = await backend.open();
      const soumu = await createDepartment(platform, SYSTEM, { code: "soumu", name: "総務課" });
      const kumin = await createDepartment(platform, SYSTEM, { code: "kumin", name: "区民課" });
      for (const [loginId, departmentId] of [
        ["sato", soumu.id],
        ["kato", kumin.id],
      ] as const) {
        await createUser(platform, SYSTEM, {
          loginId,
          displayName: loginId,
          role: "staff",
          departmentId,
          password: PASSWORD,
        });
      }
      const put = (name: string, departmentId: number) =>
        putFile(platform, SYSTEM, { name, contentType: "text/plain", data: bytes(name), departmentId });
      shared = await put("shared.txt", kumin.id);
      secret = await put("secret.txt", soumu.id);
      plain = await put("plain.txt", soumu.id);
      otherDepartment = await put("kumin.txt", kumin.id);
      app = createApp(platform, {
        title: "テスト",
        // shared.txt: granted to sato across departments; secret.txt: nobody; others: the department rule.
        authorizeFileRead: async (actor, file, c) => {
          seen.push({ login: actor.user?.loginId, file: file.name, path: c.req.path });
          if (file.name === "shared.txt") return actor.user?.loginId === "sato";
          if (file.name === "secret.txt") return false;
          return undefined;
        },
      });
    });
    afterAll(async () => {
      await platform?.close();
    });

    const lastFileRead = async () =>
      platform.db
        .selectFrom("audit_log")
        .select(["action", "actor_login", "target_id", "result", "detail"])
        .where("action", "=", "file.read")
        .orderBy("seq", "desc")
        .executeTakeFirstOrThrow();

    it("serves a file the rule allows, outside the user's department, audited under the user's name", async () => {
      const sato = testClient(app);
      await sato.loginJson("sato", PASSWORD);
      const res = await sato.request(`/files/${shared.id}`);
      expect(res.status).toBe(200);
      expect(await res.text()).toBe("shared.txt");
      expect(seen.at(-1)).toEqual({ login: "sato", file: "shared.txt", path: `/files/${shared.id}` });
      expect(await lastFileRead()).toMatchObject({
        actor_login: "sato",
        target_id: shared.id,
        result: "success",
      });
    });

    it("answers 404 for a file the rule refuses, even in the user's department, with an audited refusal", async () => {
      const sato = testClient(app);
      await sato.loginJson("sato", PASSWORD);
      const res = await sato.request(`/files/${secret.id}`);
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain("secret");
      expect(await lastFileRead()).toMatchObject({
        actor_login: "sato",
        target_id: secret.id,
        result: "denied",
      });
      const kato = testClient(app);
      await kato.loginJson("kato", PASSWORD);
      expect((await kato.request(`/files/${shared.id}`)).status).toBe(404);
      expect(await lastFileRead()).toMatchObject({ actor_login: "kato", result: "denied" });
      expect((await verifyAuditChain(platform.db)).ok).toBe(true);
    });

    it("leaves files the rule does not decide to the department rule", async () => {
      const sato = testClient(app);
      await sato.loginJson("sato", PASSWORD);
      expect((await sato.request(`/files/${plain.id}`)).status).toBe(200);
      expect((await sato.request(`/files/${otherDepartment.id}`)).status).toBe(403);
      expect(await lastFileRead()).toMatchObject({ actor_login: "sato", result: "denied" });
    });

    it("lets readFile take the same rule directly, and lets the system actor read for background jobs", async () => {
      const user = await platform.db
        .selectFrom("users")
        .select(["id", "login_id", "display_name", "role", "department_id"])
        .where("login_id", "=", "kato")
        .executeTakeFirstOrThrow();
      const actor = {
        user: {
          id: user.id,
          loginId: user.login_id,
          displayName: user.display_name,
          role: user.role,
          departmentId: user.department_id,
          mustChangePassword: false,
        },
        sourceIp: null,
        requestId: null,
      };
      await expect(readFile(platform, actor, plain.id, { authorize: () => false })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
      const allowed = await readFile(platform, actor, plain.id, { authorize: () => true });
      expect(new TextDecoder().decode(allowed.data)).toBe("plain.txt");
      const system = await readFile(platform, SYSTEM, secret.id, { authorize: () => false });
      expect(new TextDecoder().decode(system.data)).toBe("secret.txt");
    });
  });
}
