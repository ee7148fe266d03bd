import { dropTestSchemas, testClient, testDatabases } from "@ward/platform/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDesk, seedOrganisation } from "./support/desk.js";

type Desk = Awaited<ReturnType<typeof openTestDesk>>;
const { backends } = await testDatabases();
afterAll(dropTestSchemas);

for (const backend of backends) {
  let t: Desk;
  let org: Awaited<ReturnType<typeof seedOrganisation>>;

  const auditActions = async () =>
    (
      await t.desk.db.selectFrom("audit_log").select(["action", "result", "detail"]).orderBy("seq").execute()
    ).map((r) => `${r.action}:${r.result}`);

  async function createFolderAs(login: string, name: string, departmentId: number) {
    const c = testClient(t.app);
    await c.login(login);
    const res = await c.form("/folders", { name, departmentId: String(departmentId) });
    return { c, res, id: Number(/\/folders\/(\d+)/.exec(res.headers.get("location") ?? "")?.[1]) };
  }

  describe.skipIf(backend.skip)(`folders and rights (別紙1 1(2)イ・ウ) ${backend.label}`, () => {
    beforeAll(async () => {
      t = await openTestDesk({ storage: backend.storage() });
      org = await seedOrganisation(t.platform);
    });
    afterAll(async () => t?.platform.close());

    it("lets the system admin create a department folder, audited", async () => {
      const { res, id } = await createFolderAs("admin", "窓口マニュアル", org.soumu.id);
      expect(res.status).toBe(303);
      expect(id).toBeGreaterThan(0);
      expect(await auditActions()).toContain("folder.create:success");
    });

    it("lets a department admin create folders in their department only", async () => {
      const own = await createFolderAs("soumu-head", "総務規程", org.soumu.id);
      expect(own.res.status).toBe(303);
      const other = await createFolderAs("soumu-head", "区民課の資料", org.kumin.id);
      expect(other.res.status).toBe(403);
      expect(await auditActions()).toContain("folder.create:denied");
    });

    it("refuses folder creation by staff and shows field errors for a blank or duplicate name", async () => {
      expect((await createFolderAs("alice", "私物", org.soumu.id)).res.status).toBe(403);
      const blank = await createFolderAs("admin", "  ", org.soumu.id);
      expect(blank.res.status).toBe(422);
      expect(await blank.res.text()).toContain("フォルダ名を入力してください。");
      const dup = await createFolderAs("admin", "窓口マニュアル", org.soumu.id);
      expect(dup.res.status).toBe(422);
      expect(await dup.res.text()).toContain("同じ所属に同じ名前のフォルダがあります。");
    });

    it("grants read, write and manage to users, groups and departments; rights decide what each user sees", async () => {
      const { c: admin, id } = await createFolderAs("admin", "保険年金", org.kumin.id);
      const alice = testClient(t.app);
      await alice.login("alice");
      expect((await alice.request(`/folders/${id}`)).status).toBe(404);
      expect(await (await alice.request("/folders")).text()).not.toContain("保険年金");

      expect(
        (await admin.form(`/folders/${id}/grants`, { principal: `user:${org.alice.id}`, right: "read" }))
          .status,
      ).toBe(303);
      const page = await alice.request(`/folders/${id}`);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain("あなたの権限: 閲覧");
      expect(html).not.toContain("文書の登録");
      const upload = await alice.form(`/folders/${id}/documents`, {
        files: [{ name: "a.txt", data: new TextEncoder().encode("本文") }],
      });
      expect(upload.status).toBe(403);
      expect((await alice.request(`/folders/${id}/rights`)).status).toBe(403);

      // A group grant reaches its members; a department grant reaches the department.
      await admin.form(`/folders/${id}/grants`, { principal: `group:${org.team.id}`, right: "write" });
      const carol = testClient(t.app);
      await carol.login("carol");
      expect(await (await carol.request(`/folders/${id}`)).text()).toContain("文書の登録");
      const bob = testClient(t.app);
      await bob.login("bob");
      expect((await bob.request(`/folders/${id}`)).status).toBe(404);
      await admin.form(`/folders/${id}/grants`, { principal: `department:${org.kumin.id}`, right: "manage" });
      expect((await bob.request(`/folders/${id}/rights`)).status).toBe(200);
      // Read-only users stay read-only whatever the grant.
      const viewer = testClient(t.app);
      await viewer.login("viewer");
      expect(await (await viewer.request(`/folders/${id}`)).text()).toContain("あなたの権限: 閲覧");

      // Delegated administration: bob (manage through his department) grants alice write.
      expect(
        (await bob.form(`/folders/${id}/grants`, { principal: `user:${org.alice.id}`, right: "write" }))
          .status,
      ).toBe(303);
      expect(await (await alice.request(`/folders/${id}`)).text()).toContain("文書の登録");

      const grants = await t.desk.db
        .selectFrom("support_desk_grants")
        .selectAll()
        .where("folder_id", "=", id)
        .execute();
      expect(grants).toHaveLength(3);
      const audit = await t.desk.db
        .selectFrom("audit_log")
        .select(["actor_login", "detail"])
        .where("action", "=", "folder.grant")
        .where("target_id", "=", String(id))
        .orderBy("seq")
        .execute();
      expect(audit.map((a) => a.actor_login)).toEqual(["admin", "admin", "admin", "bob"]);
      expect(JSON.parse(audit[3]?.detail ?? "{}")).toMatchObject({ right: "write", previous: "read" });

      // Revoking removes the right at once.
      const aliceGrant = grants.find((g) => g.principal_type === "user");
      expect((await admin.form(`/folders/${id}/grants/${aliceGrant?.id}/delete`, {})).status).toBe(303);
      expect((await alice.request(`/folders/${id}`)).status).toBe(404);
      expect(await auditActions()).toContain("folder.revoke:success");
    });

    it("rejects a grant to someone who does not exist and an unknown right", async () => {
      const { c: admin, id } = await createFolderAs("admin", "検証用", org.soumu.id);
      const missing = await admin.form(`/folders/${id}/grants`, { principal: "user:9999", right: "read" });
      expect(missing.status).toBe(422);
      expect(await missing.text()).toContain("指定された対象が見つかりません。");
      const wrong = await admin.form(`/folders/${id}/grants`, {
        principal: `user:${org.bob.id}`,
        right: "owner",
      });
      expect(wrong.status).toBe(422);
      expect(
        await t.desk.db.selectFrom("support_desk_grants").selectAll().where("folder_id", "=", id).execute(),
      ).toEqual([]);
    });

    it("validates folder settings and audits the change", async () => {
      const { c: admin, id } = await createFolderAs("admin", "設定テスト", org.soumu.id);
      const bad = await admin.form(`/folders/${id}/settings`, {
        chunkSize: "300",
        chunkOverlap: "200",
        topK: "5",
      });
      expect(bad.status).toBe(422);
      expect(await bad.text()).toContain("重なりはチャンクの大きさの半分未満にしてください。");
      const ok = await admin.form(`/folders/${id}/settings`, {
        chunkSize: "300",
        chunkOverlap: "50",
        topK: "8",
      });
      expect(ok.status).toBe(303);
      const row = await t.desk.db
        .selectFrom("support_desk_folders")
        .selectAll()
        .where("id", "=", id)
        .executeTakeFirstOrThrow();
      expect([row.chunk_size, row.chunk_overlap, row.top_k]).toEqual([300, 50, 8]);
      expect(await auditActions()).toContain("folder.settings:success");
    });
  });
}
