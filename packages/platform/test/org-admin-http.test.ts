import { decodeCsv, encodeCsv, parseCsv } from "@ward/csv-jp";
import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  checkPasswordPolicy,
  createApp,
  createUser,
  listDepartments,
  type Platform,
  type PlatformEnv,
  queryAudit,
  SYSTEM,
} from "../src/index.js";
import { dropTestSchemas, type TestClient, testClient, testDatabases } from "../src/testing/index.js";

const { backends } = await testDatabases();
afterAll(dropTestSchemas);

const PASSWORD = "Kaikei-Tantou-77!";
const csvFile = (text: string, encoding: "utf-8" | "shift_jis" = "utf-8") =>
  new Blob([new Uint8Array(encodeCsv(text, { encoding }))], { type: "text/csv" });

for (const backend of backends) {
  describe.skipIf(backend.skip)(`organisation admin over HTTP ${backend.label}`, () => {
    let platform: Platform;
    let app: Hono<PlatformEnv>;
    let admin: TestClient;
    // 2027-03-31 23:59 JST, moved by the tests.
    let now = new Date("2027-03-31T14:59:00Z");
    beforeAll(async () => {
      platform = await backend.open({ clock: () => now });
      app = createApp(platform, {
        title: "テスト",
        setupChecklist: async () => [{ label: "フォルダを作成する", done: false, href: "/folders" }],
        userGrants: [
          async (userId) => [
            { label: `フォルダ「予算」: 編集（利用者${userId}）`, href: "/folders/1/rights" },
          ],
        ],
      });
      await createUser(platform, SYSTEM, {
        loginId: "kanri",
        displayName: "管理 一郎",
        role: "system_admin",
        departmentId: null,
        password: PASSWORD,
      });
      admin = testClient(app);
      await admin.login("kanri", PASSWORD);
    });
    afterAll(async () => {
      await platform?.close();
    });

    it("shows the setup checklist with the app's step and ticks departments once one is created on screen", async () => {
      let home = await (await admin.request("/admin")).text();
      expect(home).toContain("初期設定チェックリスト");
      expect(home).toMatch(/未完了<\/span>：<a href="\/admin\/departments">所属（部署）を登録する/);
      expect(home).toContain('<a href="/folders">フォルダを作成する</a>');
      const res = await admin.form("/admin/departments", { code: "kaikei", name: "会計管理室" });
      expect(res.status).toBe(200);
      expect(await res.text()).toContain("所属「会計管理室」（kaikei）を登録しました。");
      home = await (await admin.request("/admin")).text();
      expect(home).toMatch(/完了<\/span>：<a href="\/admin\/departments">所属（部署）を登録する/);
      const [record] = await queryAudit(platform.db, { action: "department.create" });
      expect(record?.actorLogin).toBe("kanri");
      const again = await admin.form("/admin/departments", { code: "kaikei", name: "別" });
      expect(again.status).toBe(422);
      expect(await again.text()).toContain("この所属コードは既に登録されています。");
    });

    it("imports departments from Shift_JIS CSV all or nothing, naming line and column", async () => {
      const bad = await admin.form("/admin/departments/import", {
        file: csvFile("所属コード,所属名\r\nhoiku,保育課\r\nzei mu,税務課\r\n", "shift_jis"),
      });
      expect(bad.status).toBe(422);
      expect(await bad.text()).toContain("3行目「所属コード」: 所属コードは半角英数字");
      expect((await listDepartments(platform)).map((d) => d.code)).toEqual(["kaikei"]);
      const good = await admin.form("/admin/departments/import", {
        file: csvFile("所属コード,所属名\r\nhoiku,保育課\r\nzeimu,税務課\r\n", "shift_jis"),
      });
      expect(await good.text()).toContain("所属を2件登録しました。");
      expect((await listDepartments(platform)).map((d) => d.name)).toEqual([
        "会計管理室",
        "保育課",
        "税務課",
      ]);
      const groups = await admin.form("/admin/groups/import", {
        file: csvFile("グループ名,所属コード\n収納係,kaikei\n"),
      });
      expect(await groups.text()).toContain("グループを1件登録しました。");
    });

    it("previews an account CSV without saving, names each bad line and column, then commits all or nothing", async () => {
      const bad = await admin.form("/admin/accounts/import", {
        file: csvFile(
          "ログインID,氏名,権限,所属コード,グループ\nsato,佐藤 花子,職員,kaikei,収納係\nSuzuki!,鈴木 一郎,職員,kaikei,\ntanaka,田中 次郎,課長,nowhere,\n",
          "shift_jis",
        ),
      });
      expect(bad.status).toBe(422);
      const text = await bad.text();
      expect(text).toContain("3行目「ログインID」: ログインIDは半角英小文字");
      expect(text).toContain("4行目「所属コード」: 所属コード「nowhere」が登録されていません。");
      expect(text).toContain("4行目「権限」: 権限「課長」は使えません。");
      expect(text).not.toContain("この内容で登録する");
      const users = () => platform.db.selectFrom("users").select("login_id").orderBy("id").execute();
      expect((await users()).map((u) => u.login_id)).toEqual(["admin", "kanri"]);

      const preview = await admin.form("/admin/accounts/import", {
        file: csvFile(
          "ログインID,氏名,権限,所属コード,グループ\nsato,佐藤 花子,職員,kaikei,収納係\nsuzuki,鈴木 一郎,所属管理者,hoiku,\ntanaka,田中 次郎,閲覧のみ,zeimu,\n",
        ),
      });
      const html = await preview.text();
      expect(preview.status).toBe(200);
      expect((await users()).length).toBe(2);
      const importId = /\/admin\/accounts\/import\/([0-9a-f-]{36})\/commit/.exec(html)?.[1];
      expect(importId).toBeDefined();
      const done = await admin.form(`/admin/accounts/import/${importId}/commit`, {});
      const result = await done.text();
      expect(result).toContain("新規 3件");
      expect((await users()).map((u) => u.login_id)).toEqual(["admin", "kanri", "sato", "suzuki", "tanaka"]);
      // The same import cannot be committed twice.
      expect(await (await admin.form(`/admin/accounts/import/${importId}/commit`, {})).text()).toContain(
        "既に登録済みです",
      );

      const handout = /\/admin\/accounts\/handouts\/([0-9a-f-]{36})/.exec(result)?.[1];
      const download = await admin.form(`/admin/accounts/handouts/${handout}`, {});
      expect(download.headers.get("content-disposition")).toContain("initial-passwords.csv");
      const { records } = parseCsv(decodeCsv(new Uint8Array(await download.arrayBuffer())).text);
      expect(records.map((r) => r.cells[0])).toEqual(["ログインID", "sato", "suzuki", "tanaka"]);
      for (const r of records.slice(1)) {
        expect(
          checkPasswordPolicy(r.cells[3] ?? "", { loginId: r.cells[0] ?? "", displayName: r.cells[1] ?? "" }),
        ).toEqual([]);
      }
      expect((await admin.form(`/admin/accounts/handouts/${handout}`, {})).status).toBe(410);
      const sato = testClient(app);
      expect((await sato.loginJson("sato", records[1]?.cells[3] ?? "")).status).toBe(200);
      expect((await queryAudit(platform.db, { action: "account.credentials.handout" })).length).toBe(1);
      const row = await platform.db.selectFrom("credential_handouts").selectAll().executeTakeFirstOrThrow();
      expect([row.ciphertext, row.wrapped_key]).toEqual([null, null]);
    });

    it("applies a move dated 2027-04-01 at 00:00 JST and lists the user's grants for review", async () => {
      const sato = await platform.db
        .selectFrom("users")
        .select(["id", "department_id"])
        .where("login_id", "=", "sato")
        .executeTakeFirstOrThrow();
      const hoiku = (await listDepartments(platform)).find((d) => d.code === "hoiku");
      const res = await admin.form("/admin/moves", {
        loginId: "sato",
        kind: "move",
        departmentId: String(hoiku?.id),
        role: "",
        effectiveDate: "2027-04-01",
      });
      expect(await res.text()).toContain("佐藤 花子（sato）の異動を登録しました（発令日 2027-04-01）。");
      const dept = async () =>
        (
          await platform.db
            .selectFrom("users")
            .select("department_id")
            .where("id", "=", sato.id)
            .executeTakeFirstOrThrow()
        ).department_id;
      await admin.request("/admin/moves");
      expect(await dept()).toBe(sato.department_id);
      now = new Date("2027-03-31T15:00:00Z"); // 2027-04-01 00:00 JST
      const list = await (await admin.request("/admin/moves")).text();
      expect(await dept()).toBe(hoiku?.id);
      expect(list).toContain("反映済み");
      const [applied] = await queryAudit(platform.db, { action: "user.move.apply" });
      expect(applied?.actorLogin).toBe("system");

      const review = await (await admin.request("/admin/moves/review")).text();
      expect(review).toContain(`フォルダ「予算」: 編集（利用者${sato.id}）`);
      expect(review).toContain("グループ「収納係」のメンバー");
      const moveId = /\/admin\/moves\/(\d+)\/review/.exec(review)?.[1];
      const reviewed = await admin.form(`/admin/moves/${moveId}/review`, {});
      expect(await reviewed.text()).toContain("確認待ちの利用者はいません。");
      const [record] = await queryAudit(platform.db, { action: "user.move.review" });
      expect(JSON.parse(record?.detail ?? "{}").grants).toEqual([
        "グループ「収納係」のメンバー",
        `フォルダ「予算」: 編集（利用者${sato.id}）`,
      ]);
    });

    it("retires by CSV: at 00:00 JST of the date the account is disabled and its session ends", async () => {
      await createUser(platform, SYSTEM, {
        loginId: "yamada",
        displayName: "山田 美香",
        role: "staff",
        departmentId: null,
        password: PASSWORD,
      });
      const yamada = testClient(app);
      await yamada.login("yamada", PASSWORD);
      const preview = await (
        await admin.form("/admin/accounts/import", {
          file: csvFile("区分,ログインID,氏名,権限,所属コード,発令日\n退職,yamada,山田 美香,,,2027/4/2\n"),
        })
      ).text();
      const importId = /\/admin\/accounts\/import\/([0-9a-f-]{36})\/commit/.exec(preview)?.[1];
      expect(await (await admin.form(`/admin/accounts/import/${importId}/commit`, {})).text()).toContain(
        "退職 1件",
      );
      expect((await yamada.request("/api/me")).status).toBe(200);
      now = new Date("2027-04-01T15:00:00Z");
      expect(
        (await yamada.request("/admin/accounts/import", { headers: { accept: "application/json" } })).status,
      ).toBe(401);
      expect((await testClient(app).loginJson("yamada", PASSWORD)).status).toBe(401);
      const [record] = await queryAudit(platform.db, { action: "user.retire.apply" });
      expect(JSON.parse(record?.detail ?? "{}").endedSessions).toBe(1);
    });

    it("runs the self-check, audited, and keeps staff and department admins inside their rights", async () => {
      await admin.login("kanri", PASSWORD); // the clock moved past the idle time-out
      const check = await admin.form("/admin/self-check", {});
      expect(await check.text()).toContain("自己診断: すべての項目が正常です。");
      expect((await queryAudit(platform.db, { action: "admin.self_check" }))[0]?.result).toBe("success");

      const kaikei = (await listDepartments(platform)).find((d) => d.code === "kaikei");
      await createUser(platform, SYSTEM, {
        loginId: "kacho",
        displayName: "会計 課長",
        role: "department_admin",
        departmentId: kaikei?.id ?? null,
        password: PASSWORD,
      });
      await createUser(platform, SYSTEM, {
        loginId: "hira",
        displayName: "平 職員",
        role: "staff",
        departmentId: kaikei?.id ?? null,
        password: PASSWORD,
      });
      const staff = testClient(app);
      await staff.login("hira", PASSWORD);
      for (const path of ["/admin", "/admin/accounts/import", "/admin/moves", "/admin/departments"]) {
        expect((await staff.request(path)).status).toBe(403);
      }
      const deptAdmin = testClient(app);
      await deptAdmin.login("kacho", PASSWORD);
      expect((await deptAdmin.request("/admin")).status).toBe(200);
      expect((await deptAdmin.form("/admin/departments", { code: "x1", name: "X" })).status).toBe(403);
      expect((await queryAudit(platform.db, { action: "access.denied", actorLogin: "kacho" })).length).toBe(
        1,
      );
      const outside = await deptAdmin.form("/admin/accounts/import", {
        file: csvFile(
          "ログインID,氏名,権限,所属コード\nkatou,加藤 三郎,職員,zeimu\nito,伊藤 四郎,システム管理者,kaikei\n",
        ),
      });
      const text = await outside.text();
      expect(text).toContain("2行目「所属コード」: 所属管理者は自分の所属の利用者だけを登録できます。");
      expect(text).toContain("3行目「権限」: 所属管理者が登録できるのは職員と閲覧のみの利用者です。");
      const group = await deptAdmin.form("/admin/groups", {
        name: "出納係",
        departmentId: String(kaikei?.id),
      });
      expect(await group.text()).toContain("グループ「出納係」を登録しました。");
    });

    it("saves nothing when a login id is taken between the dry run and the commit", async () => {
      const preview = await (
        await admin.form("/admin/accounts/import", {
          file: csvFile(
            "ログインID,氏名,権限,所属コード\nkimura,木村 五郎,職員,kaikei\nmori,森 六子,職員,kaikei\n",
          ),
        })
      ).text();
      const importId = /\/admin\/accounts\/import\/([0-9a-f-]{36})\/commit/.exec(preview)?.[1];
      await createUser(platform, SYSTEM, {
        loginId: "mori",
        displayName: "森 別人",
        role: "staff",
        departmentId: null,
        password: PASSWORD,
      });
      const res = await admin.form(`/admin/accounts/import/${importId}/commit`, {});
      expect(res.status).toBe(422);
      expect(await res.text()).toContain("3行目「ログインID」: ログインID「mori」は既に使われています。");
      const kimura = await platform.db
        .selectFrom("users")
        .select("id")
        .where("login_id", "=", "kimura")
        .executeTakeFirst();
      expect(kimura).toBeUndefined();
      expect(
        await platform.db
          .selectFrom("credential_handouts")
          .select("id")
          .where("import_id", "=", importId ?? "")
          .execute(),
      ).toEqual([]);
    });

    it("hands out letters as a PDF instead of the CSV, once", async () => {
      const preview = await (
        await admin.form("/admin/accounts/import", {
          file: csvFile("ログインID,氏名,権限,所属コード\nogawa,小川 七海,職員,kaikei\n"),
        })
      ).text();
      const importId = /\/admin\/accounts\/import\/([0-9a-f-]{36})\/commit/.exec(preview)?.[1];
      const result = await (await admin.form(`/admin/accounts/import/${importId}/commit`, {})).text();
      expect(result).toContain("本人あての通知書（PDF、1人1枚）");
      const handout = /\/admin\/accounts\/handouts\/([0-9a-f-]{36})/.exec(result)?.[1];
      const pdf = await admin.form(`/admin/accounts/handouts/${handout}`, { format: "pdf" });
      expect(pdf.headers.get("content-type")).toBe("application/pdf");
      expect(new TextDecoder().decode((await pdf.arrayBuffer()).slice(0, 5))).toBe("%PDF-");
      expect((await admin.form(`/admin/accounts/handouts/${handout}`, { format: "csv" })).status).toBe(410);
      const [record] = await queryAudit(platform.db, { action: "account.credentials.handout" });
      expect(JSON.parse(record?.detail ?? "{}")).toEqual({ accounts: 1, format: "pdf" });
    });

    it("does not let a department admin cancel a move into their department or add users to another's group", async () => {
      const kaikei = (await listDepartments(platform)).find((d) => d.code === "kaikei");
      const res = await admin.form("/admin/moves", {
        loginId: "tanaka",
        kind: "move",
        departmentId: String(kaikei?.id),
        role: "",
        effectiveDate: "2028-04-01",
      });
      expect(res.status).toBe(200);
      const deptAdmin = testClient(app);
      await deptAdmin.login("kacho", PASSWORD);
      const list = await (await deptAdmin.request("/admin/moves")).text();
      const moveId = /\/admin\/moves\/(\d+)\/cancel/.exec(list)?.[1];
      expect(moveId).toBeDefined();
      expect((await deptAdmin.form(`/admin/moves/${moveId}/cancel`, {})).status).toBe(403);
      const [denied] = await queryAudit(platform.db, { action: "user.move.cancel", result: "denied" });
      expect(denied?.actorLogin).toBe("kacho");
      expect(await (await admin.form(`/admin/moves/${moveId}/cancel`, {})).text()).toContain(
        "予約を取り消しました。",
      );
      const other = await deptAdmin.form("/admin/accounts/import", {
        file: csvFile("ログインID,氏名,権限,所属コード,グループ\nkato,加藤 八郎,職員,kaikei,収納係\n"),
      });
      expect(await other.text()).not.toContain("他の所属のグループです");
      await admin.form("/admin/groups", {
        name: "保育係",
        departmentId: String((await listDepartments(platform)).find((d) => d.code === "hoiku")?.id),
      });
      const foreign = await deptAdmin.form("/admin/accounts/import", {
        file: csvFile("ログインID,氏名,権限,所属コード,グループ\nkato,加藤 八郎,職員,kaikei,保育係\n"),
      });
      expect(await foreign.text()).toContain(
        "2行目「グループ」: グループ「保育係」は他の所属のグループです。",
      );
    });

    it("destroys credentials nobody claimed within a day", async () => {
      const preview = await (
        await admin.form("/admin/accounts/import", {
          file: csvFile("ログインID,氏名,権限,所属コード\nueda,上田 九郎,職員,kaikei\n"),
        })
      ).text();
      const importId = /\/admin\/accounts\/import\/([0-9a-f-]{36})\/commit/.exec(preview)?.[1];
      const result = await (await admin.form(`/admin/accounts/import/${importId}/commit`, {})).text();
      const handout = /\/admin\/accounts\/handouts\/([0-9a-f-]{36})/.exec(result)?.[1];
      now = new Date(now.getTime() + 25 * 3600 * 1000);
      await admin.login("kanri", PASSWORD);
      await admin.form("/admin/accounts/import", {
        file: csvFile("ログインID,氏名,権限,所属コード\nueno,上野 十子,職員,kaikei\n"),
      });
      const late = await admin.form(`/admin/accounts/handouts/${handout}`, {});
      expect(late.status).toBe(410);
      expect(await late.text()).toContain("受け取り期限（登録から1日）を過ぎた");
    });
  });
}
