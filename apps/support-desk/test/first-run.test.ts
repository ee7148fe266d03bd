import { createUser, queryAudit, SYSTEM } from "@ward/platform";
import { testClient } from "@ward/platform/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDesk, PASSWORD, type TestDesk } from "./support/desk.js";

// A fresh install: no department, no folder. Everything below happens through the screens.
describe("first run of the support desk from the admin screens", () => {
  let t: TestDesk;
  beforeAll(async () => {
    t = await openTestDesk();
    await createUser(t.platform, SYSTEM, {
      loginId: "jinji",
      displayName: "管理 一郎",
      role: "system_admin",
      departmentId: null,
      password: PASSWORD,
    });
  });
  afterAll(async () => {
    await t.queue.idle();
    await t.platform.close();
  });

  it("creates a department, then a folder offered that department, uploads and gets an answer", async () => {
    const admin = testClient(t.app);
    await admin.login("jinji", PASSWORD);
    const before = await (await admin.request("/folders")).text();
    expect(before).toContain('<a href="/admin/departments">所属・グループ</a>で所属を登録してから');
    const home = await (await admin.request("/admin")).text();
    expect(home).toMatch(/未完了<\/span>：<a href="\/folders">データフォルダを作成する/);

    await admin.form("/admin/departments", { code: "soumu", name: "総務課" });
    const folders = await (await admin.request("/folders")).text();
    const option = /<option value="(\d+)">総務課<\/option>/.exec(folders);
    expect(option).not.toBeNull();
    const created = await admin.form("/folders", { name: "庁内規程", departmentId: option?.[1] ?? "" });
    expect(created.status).toBe(303);
    const folderId = /\/folders\/(\d+)/.exec(created.headers.get("location") ?? "")?.[1];
    const upload = await admin.form(`/folders/${folderId}/documents`, {
      files: [
        {
          name: "休暇規程.txt",
          data: new TextEncoder().encode("第1章 休暇\n年次休暇は1年に20日付与する。\n"),
        },
      ],
    });
    expect(upload.status).toBeLessThan(400);
    await t.queue.idle();
    const answer = await admin.json("/api/chat", {
      question: "年次休暇は何日付与されますか",
      folderId: Number(folderId),
    });
    expect(answer.status).toBe(200);
    expect(await answer.text()).toContain("休暇規程.txt");
    expect(await (await admin.request("/admin")).text()).toMatch(
      /完了<\/span>：<a href="\/folders">データフォルダを作成する/,
    );
  });

  it("lists a moved user's personal folder grants for review", async () => {
    const admin = testClient(t.app);
    await admin.login("jinji", PASSWORD);
    const sato = (
      await createUser(t.platform, SYSTEM, {
        loginId: "sato",
        displayName: "佐藤 花子",
        role: "staff",
        departmentId: null,
        password: PASSWORD,
      })
    ).user;
    const folder = await t.desk.db.selectFrom("support_desk_folders").select("id").executeTakeFirstOrThrow();
    await admin.form(`/folders/${folder.id}/grants`, { principal: `user:${sato.id}`, right: "write" });
    await admin.form("/admin/departments", { code: "kumin", name: "区民課" });
    const kumin = await t.platform.db
      .selectFrom("departments")
      .select("id")
      .where("code", "=", "kumin")
      .executeTakeFirstOrThrow();
    await admin.form("/admin/moves", {
      loginId: "sato",
      kind: "move",
      departmentId: String(kumin.id),
      role: "",
      effectiveDate: "2020-04-01",
    });
    const review = await (await admin.request("/admin/moves/review")).text();
    expect(review).toContain(`<a href="/folders/${folder.id}/rights">フォルダ「庁内規程」: 閲覧・登録</a>`);
    expect((await queryAudit(t.platform.db, { action: "user.move.apply" })).length).toBe(1);
  });
});
