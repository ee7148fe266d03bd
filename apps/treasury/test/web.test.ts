import { createUser, grantPermission, type Platform, SYSTEM } from "@ward/platform";
import { testClient } from "@ward/platform/testing";
import ExcelJS from "exceljs";
import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTreasuryApp } from "../src/http/treasury-app.js";
import { treasuryDb } from "../src/storage/db.js";
import { addPaymentOrders, addPaymentSlips, addTransferApplications } from "../src/storage/payments.js";
import { memoryPlatform, PGLITE_START_TIMEOUT } from "./support/platform.js";

const PASSWORD = "Ajisai-no-kisetsu-2025";
const HEADER = "通知書番号,収納日,所属年度,現過年区分,収納経路,会計コード,科目コード,所属コード,金額\n";
const row = (no: string, amount: string) =>
  `${no},2025-07-01,2025,現年,指定金融機関,01,01-01-01-01,110100,${amount}\n`;

describe("treasury web screens", () => {
  let platform: Platform;
  let app: Hono<import("@ward/platform").PlatformEnv>;
  const client = () => testClient(app);
  let c: ReturnType<typeof testClient>;
  const upload = (path: string, fields: Record<string, string | File>) => {
    const form = new FormData();
    form.set("_csrf", c.csrf);
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    return c.request(path, { method: "POST", body: form, headers: { origin: "http://localhost" } });
  };
  const post = (path: string, fields: Record<string, string>) =>
    c.request(path, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: "http://localhost" },
      body: new URLSearchParams({ _csrf: c.csrf, ...fields }).toString(),
    });

  beforeAll(async () => {
    platform = await memoryPlatform();
    app = createTreasuryApp(platform, { today: () => "2025-12-26" });
    await createUser(platform, SYSTEM, {
      loginId: "sato",
      displayName: "佐藤 花子",
      role: "staff",
      departmentId: null,
      password: PASSWORD,
    });
    const sato = await treasuryDb(platform)
      .selectFrom("users")
      .select("id")
      .where("login_id", "=", "sato")
      .executeTakeFirstOrThrow();
    await grantPermission(platform, SYSTEM, { userId: sato.id, permission: "personal_data" });
    c = client();
    expect((await c.loginJson("sato", PASSWORD)).status).toBe(200);
  }, PGLITE_START_TIMEOUT);
  afterAll(() => platform.close());

  it("imports an uploaded file and shows the result; a bad file shows line and column and saves nothing", async () => {
    const ok = await upload("/notices/import", {
      file: new File([HEADER + row("W1", "1200") + row("W2", "800")], "0701.csv"),
    });
    const okText = await ok.text();
    expect(ok.status).toBe(200);
    expect(okText).toContain("取込完了：2件（新規 2件");
    const bad = await upload("/notices/import", { file: new File([HEADER + row("W3", "abc")], "bad.csv") });
    expect(bad.status).toBe(422);
    const badText = await bad.text();
    expect(badText).toContain("1件も保存していません");
    expect(badText).toMatch(/<td>2<\/td><td>金額<\/td>/);
  }, 30_000); // the first upload starts the app's worker thread: slow on a loaded machine

  it("shows the 済通集計表 of a date and serves it as a workbook", async () => {
    const page = await c.request("/tallies?date=2025-07-01");
    const text = await page.text();
    expect(text).toContain("済通集計表 2025-07-01（2件）");
    expect(text).toContain("2,000円");
    const xlsx = await c.request("/tallies.xlsx?date=2025-07-01");
    expect(xlsx.headers.get("content-type")).toContain("spreadsheetml");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const sheet = workbook.getWorksheet("済通集計表") as ExcelJS.Worksheet;
    expect((sheet.getRow(sheet.rowCount).values as unknown[]).slice(1)).toEqual([
      "合計",
      "",
      "",
      "",
      "",
      "",
      "",
      2,
      2000,
    ]);
  });

  it("reconciles an uploaded accounting export and lists the differing cell", async () => {
    const res = await upload("/reconcile", {
      from: "2025-07-01",
      to: "2025-07-01",
      file: new File([HEADER + row("W1", "1200") + row("W2", "900")], "input.csv"),
    });
    const text = await res.text();
    expect(res.status).toBe(200);
    expect(text).toContain("不一致");
    expect(text).toContain("100円");
  });

  it("lists payment slips due today with the urgent flag, and this week", async () => {
    await addPaymentSlips(platform, SYSTEM, [
      { slipNumber: "H-1", payee: "東京電力", desiredDate: "2026-01-06", amount: 5000 },
      { slipNumber: "H-2", payee: "東京ガス", desiredDate: "2026-02-20", amount: 7000 },
    ]);
    const today = await (await c.request("/slips")).text();
    expect(today).toContain("H-1");
    expect(today).toContain("至急・本日期限");
    expect(today).not.toContain("H-2");
  });

  it("shows transfer matching with amount differences", async () => {
    await addPaymentOrders(platform, SYSTEM, [
      { orderNumber: "S-9", payee: "練馬商事", paymentDate: "2025-07-25", amount: 12_000 },
    ]);
    await addTransferApplications(platform, SYSTEM, [
      { applicationNumber: "E-9", payee: "練馬商事", transferDate: "2025-07-25", amount: 12_500 },
    ]);
    const text = await (await c.request("/transfers?from=2025-07-25&to=2025-07-25")).text();
    expect(text).toContain("金額相違");
    expect(text).toContain("E-9");
  });

  it("validates a creditor registration with messages beside the fields, then registers", async () => {
    const bad = await post("/creditors", {
      creditorName: "",
      postalCode: "12",
      address: "練馬区豊玉北6-12-1",
      bankCode: "12",
      branchCode: "001",
      accountType: "1",
      accountNumber: "1234567",
      holderName: "ネリマ",
    });
    expect(bad.status).toBe(422);
    const badText = await bad.text();
    expect(badText).toContain("債権者名を入力してください。");
    expect(badText).toContain("金融機関コードは4桁の数字で記入してください");
    expect(badText).toMatch(
      /id="f-bankCode"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="f-bankCode"/,
    );
    const ok = await post("/creditors", {
      creditorName: "練馬商事株式会社",
      postalCode: "1768501",
      address: "練馬区豊玉北6-12-1",
      bankCode: "0001",
      branchCode: "001",
      accountType: "1",
      accountNumber: "123",
      holderName: "ネリマショウジ(カ",
    });
    const okText = await ok.text();
    expect(ok.status).toBe(200);
    expect(okText).toContain("登録しました");
    expect(okText).toContain("0000123");
    const id = /登録番号 (\d+)/.exec(okText)?.[1];
    const letter = await c.request(`/creditors/${id}/letter.pdf`);
    expect(letter.headers.get("content-type")).toBe("application/pdf");
    expect(new TextDecoder().decode((await letter.arrayBuffer()).slice(0, 5))).toBe("%PDF-");
  });

  it("imports payment orders and applications from uploaded CSV, refusing a bad file whole", async () => {
    expect((await c.request("/payments/import")).status).toBe(200);
    const orders = await upload("/orders/import", {
      file: new File(
        ["支出命令番号,支払先,支払日,金額,債権者登録番号\nS-70,豊玉工業,2025-09-25,7000,\n"],
        "o.csv",
      ),
    });
    expect(orders.status).toBe(200);
    expect(await orders.text()).toContain("支出命令を1件取り込みました（7,000円）");
    const apps = await upload("/applications/import", {
      file: new File(
        ["申請番号,支払先,振込指定日,金額\nE-70,豊玉工業,2025-09-25,7000\nE-71,豊玉工業,2025-09-31,7000\n"],
        "a.csv",
      ),
    });
    expect(apps.status).toBe(422);
    expect(await apps.text()).toMatch(/<td>3<\/td><td>振込指定日<\/td>/);
    const empty = await upload("/applications/import", { file: new File([], "none.csv") });
    expect(empty.status).toBe(422);
    const match = await (await c.request("/transfers?from=2025-09-25&to=2025-09-25")).text();
    expect(match).toContain("申請なし");
  });

  it("logs a failed transfer, records the department's reply and status, and exports Excel and CSV", async () => {
    const bad = await post("/failed-transfers", {
      notifiedOn: "2025-12-26",
      payee: "",
      amount: "0",
      reasonCode: "01",
      reasonText: "",
      departmentCode: "110100",
    });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain("支払先を入力してください。");
    const ok = await post("/failed-transfers", {
      notifiedOn: "2025-12-26",
      payee: "練馬商事",
      amount: "12000",
      reasonCode: "02",
      reasonText: "",
      departmentCode: "110100",
    });
    const okText = await ok.text();
    expect(okText).toContain("登録しました");
    const id = /登録しました（番号 (\d+)/.exec(okText)?.[1];
    const refused = await post(`/failed-transfers/${id}`, {
      status: "completed",
      replyKind: "",
      replyText: "",
    });
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain("担当課の回答");
    const replied = await post(`/failed-transfers/${id}`, {
      status: "replied",
      replyKind: "refund",
      replyText: "戻入処理",
    });
    expect(await replied.text()).toContain("「回答済」にしました");
    const upload1 = await upload("/failed-transfers/import", {
      file: new File(
        ["通知日,支払先,金額,不能事由コード,不能事由,所属コード\n2025-12-25,豊玉工業,abc,01,,1\n"],
        "f.csv",
      ),
    });
    expect(upload1.status).toBe(422);
    const xlsx = await c.request("/failed-transfers.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const sheet = workbook.getWorksheet("支払不能") as ExcelJS.Worksheet;
    expect((sheet.getRow(4).values as unknown[]).slice(2)).toEqual([
      "2025-12-26",
      "練馬商事",
      12000,
      "02",
      "名義相違",
      "110100",
      "戻入",
      "戻入処理",
      "回答済",
    ]);
    const csv = await (await c.request("/failed-transfers.csv")).text();
    expect(csv).toContain("練馬商事,12000,02,名義相違,110100,戻入,戻入処理,回答済");
  });

  it("records stamps with balances and refuses a use beyond stock, saving nothing", async () => {
    const received = await post("/stamps", {
      date: "2025-12-01",
      denomination: "110",
      received: "30",
      used: "",
      description: "購入",
      counted: "",
    });
    expect(await received.text()).toContain("残 30枚");
    const refused = await post("/stamps", {
      date: "2025-12-02",
      denomination: "110",
      received: "",
      used: "31",
      description: "送付",
      counted: "",
    });
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain("110円切手の残数が足りません");
    const invalid = await post("/stamps", {
      date: "2025-12-02",
      denomination: "x",
      received: "",
      used: "",
      description: "",
      counted: "",
    });
    expect(invalid.status).toBe(422);
    const page = await (await c.request("/stamps")).text();
    expect(page).toContain("3,300円");
    const xlsx = await c.request("/stamps.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["総括", "110円"]);
  });

  it("records work and serves the daily and monthly reports as Excel and PDF", async () => {
    const bad = await post("/work-records", {
      date: "2025-12-26",
      workItemId: "vault",
      count: "",
      staff: "山田",
      note: "",
    });
    expect(bad.status).toBe(422);
    const ok = await post("/work-records", {
      date: "2025-12-26",
      workItemId: "vault",
      count: "2",
      staff: "山田",
      note: "",
    });
    expect(await ok.text()).toContain("登録しました：支出命令等関連書類の搬出・格納 2件");
    const page = await (await c.request("/reports?date=2025-12-26")).text();
    expect(page).toContain("業務記録 2025-12-26（1件）");
    const pdf = await c.request("/reports/daily.pdf?date=2025-12-26");
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(new TextDecoder().decode((await pdf.arrayBuffer()).slice(0, 5))).toBe("%PDF-");
    const xlsx = await c.request("/reports/monthly.xlsx?month=2025-12");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const days = workbook.getWorksheet("日別内訳") as ExcelJS.Worksheet;
    expect((days.getRow(days.rowCount).values as unknown[])[1]).toBe("合計");
  });
});
