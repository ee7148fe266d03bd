import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createUser, grantPermission, type Platform, SYSTEM } from "@ward/platform";
import { testClient } from "@ward/platform/testing";
import ExcelJS from "exceljs";
import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTreasuryApp } from "../src/http/treasury-app.js";
import { writePaymentAdviceLetters } from "../src/letters/payment-advice-letters.js";
import { writePaymentAdviceCsv, writePaymentAdviceWorkbook } from "../src/reports/payment-advice-report.js";
import { treasuryDb } from "../src/storage/db.js";
import { importPaymentOrdersCsv } from "../src/storage/import-payments.js";
import { paymentAdviceList } from "../src/storage/payment-advice-list.js";
import { CLERK_PASSWORD, createClerk } from "./support/clerk.js";
import { capturedCli } from "./support/cli.js";
import { pdfText } from "./support/pdf-text.js";
import { memoryPlatform, PGLITE_START_TIMEOUT } from "./support/platform.js";

const utf8 = (text: string) => new TextEncoder().encode(text);
const pageCount = async (bytes: Uint8Array) => (await PDFDocument.load(bytes)).getPageCount();
const DECEMBER = { year: 2025, month: 12 };
const OCTOBER = { year: 2025, month: 10 };

// One in-memory database for the whole file: two creditors, their December orders and some noise.
let platform: Platform;
let nerima = 0;
let toyotama = 0;
beforeAll(async () => {
  platform = await memoryPlatform();
  const db = treasuryDb(platform);
  const creditor = (
    name: string,
    values: {
      postal: string;
      address: string;
      bank: string;
      branch: string;
      number: string;
      kana: string | null;
    },
  ) =>
    db
      .insertInto("treasury_creditor_accounts")
      .values({
        creditor_name: name,
        postal_code: values.postal,
        address: values.address,
        bank_code: values.bank,
        branch_code: values.branch,
        account_type: "1",
        account_number: values.number,
        holder_name: "ﾃｽﾄ",
        bank_name: values.kana,
        branch_name: values.kana,
        registered_by: null,
        registered_at: new Date("2025-04-01T00:00:00Z"),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
  nerima = (
    await creditor("練馬商事株式会社", {
      postal: "176-8501",
      address: "練馬区豊玉北6-12-1",
      bank: "0001",
      branch: "001",
      number: "1234567",
      kana: null,
    })
  ).id;
  // A bank not in the Zengin master: the letter falls back to the stored kana names.
  toyotama = (
    await creditor("豊玉工業", {
      postal: "177-0041",
      address: "練馬区石神井町3-30-26",
      bank: "9998",
      branch: "777",
      number: "7654321",
      kana: "ﾃｽﾄ",
    })
  ).id;
  const orders = await importPaymentOrdersCsv(
    platform,
    SYSTEM,
    utf8(
      [
        "支出命令番号,支払先,支払日,金額,債権者登録番号",
        `S-202,豊玉工業,2025-12-25,25000,${toyotama}`,
        `S-201,豊玉工業,2025-12-10,10000,${toyotama}`,
        `S-203,豊玉工業,2025-12-10,5000,${toyotama}`,
        `S-101,練馬商事,2025-12-26,120000,${nerima}`,
        "S-300,未登録商店,2025-12-05,999,",
        `S-400,練馬商事,2026-01-05,7000,${nerima}`,
        `S-401,練馬商事,2025-11-28,8000,${nerima}`,
      ].join("\r\n"),
    ),
    "orders.csv",
  );
  expect(orders.ok).toBe(true);
}, PGLITE_START_TIMEOUT);
afterAll(() => platform.close());

describe("paymentAdviceList (支払案内書, 第5-2-(4))", () => {
  it("lists the month's creditors by registration number with masked accounts, payments and totals", async () => {
    const list = await paymentAdviceList(platform, DECEMBER);
    expect(list.runDate).toBe("2025-12-26");
    expect(list.creditors.map((c) => c.creditorId)).toEqual([nerima, toyotama]);
    const [first, second] = list.creditors;
    expect(first).toMatchObject({
      creditorName: "練馬商事株式会社",
      postalCode: "176-8501",
      address: "練馬区豊玉北6-12-1",
      account: {
        bankName: "みずほ",
        branchName: "東京営業部",
        accountTypeName: "普通",
        maskedNumber: "＊＊＊4567",
      },
      payments: [{ date: "2025-12-26", orderNumber: "S-101", amount: 120_000 }],
      totalYen: 120_000,
    });
    expect(second).toMatchObject({
      creditorName: "豊玉工業",
      address: "練馬区石神井町3-30-26",
      account: { bankName: "ﾃｽﾄ", branchName: "ﾃｽﾄ", maskedNumber: "＊＊＊4321" },
      totalYen: 40_000,
    });
    expect(second?.payments.map((p) => `${p.date} ${p.orderNumber} ${p.amount}`)).toEqual([
      "2025-12-10 S-201 10000",
      "2025-12-10 S-203 5000",
      "2025-12-25 S-202 25000",
    ]);
    expect(list).toMatchObject({ paymentCount: 4, totalYen: 160_000, unregisteredCount: 1 });
  });

  it("gives an empty list for a month without payments and refuses to print letters for it", async () => {
    const list = await paymentAdviceList(platform, OCTOBER);
    expect(list).toMatchObject({ runDate: "2025-10-31", creditors: [], paymentCount: 0, totalYen: 0 });
    await expect(writePaymentAdviceLetters(list)).rejects.toMatchObject({
      code: "NO_PAYMENTS",
      messageJa: "令和7年10月分の支払はありません。支払案内書は作成しません。",
      details: { reason: "NO_PAYMENTS" },
    });
  });

  it("rejects a month out of range", async () => {
    await expect(paymentAdviceList(platform, { year: 2025, month: 13 })).rejects.toThrow();
  });
});

describe("支払案内書 files", () => {
  it("writes the list as an A4 sheet: title with the run date in wareki, #,##0, 小計 per creditor, 合計", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      (await writePaymentAdviceWorkbook(await paymentAdviceList(platform, DECEMBER))).slice().buffer,
    );
    const sheet = workbook.getWorksheet("支払案内書一覧") as ExcelJS.Worksheet;
    expect(sheet.pageSetup.paperSize).toBe(9);
    expect(String(sheet.getCell(1, 1).value)).toBe(
      "支払案内書 送付一覧　令和7年12月分（出力日 令和7年12月26日）",
    );
    expect(String(sheet.getCell(2, 1).value)).toContain("口座未登録の支出命令 1件");
    const values = (r: number) => (sheet.getRow(r).values as unknown[]).slice(1);
    expect(values(3)[0]).toBe("登録番号");
    expect(values(4)).toEqual([
      nerima,
      "練馬商事株式会社",
      "176-8501",
      "練馬区豊玉北6-12-1",
      "みずほ",
      "東京営業部",
      "普通",
      "＊＊＊4567",
      "2025-12-26",
      "S-101",
      120_000,
    ]);
    expect(values(5)[1]).toBe("練馬商事株式会社 小計（1件）");
    expect(values(9)[10]).toBe(40_000);
    const total = values(sheet.rowCount);
    expect([total[0], total[1], total[10]]).toEqual(["合計", "債権者 2件　支払 4件", 160_000]);
    expect(sheet.getCell(4, 11).numFmt).toBe("#,##0");
  });

  it("writes the list as CSV, one row per payment, amounts as integer yen, numbers masked", async () => {
    const text = new TextDecoder().decode(writePaymentAdviceCsv(await paymentAdviceList(platform, DECEMBER)));
    const lines = text
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines).toHaveLength(5);
    expect(lines[0]).toBe(
      "登録番号,債権者名,郵便番号,住所,金融機関コード,金融機関名,支店コード,支店名,預金種目,口座番号,支払日,支出命令番号,金額",
    );
    expect(lines[1]).toBe(
      `${nerima},練馬商事株式会社,176-8501,練馬区豊玉北6-12-1,0001,みずほ,001,東京営業部,普通,＊＊＊4567,2025-12-26,S-101,120000`,
    );
    expect(text).not.toContain("1234567");
    const empty = new TextDecoder().decode(writePaymentAdviceCsv(await paymentAdviceList(platform, OCTOBER)));
    expect(
      empty
        .replace(/^\uFEFF/, "")
        .trimEnd()
        .split("\r\n"),
    ).toHaveLength(1);
  });

  it("prints one letter page per creditor with addressee, run date, payments and total", async () => {
    const pdf = await writePaymentAdviceLetters(await paymentAdviceList(platform, DECEMBER));
    expect(await pageCount(pdf)).toBe(2);
    // pdf.js splits lines at (full-width) spaces: compare with all white space removed.
    const squash = (t: string) => t.replace(/\s+/g, "");
    const text = squash(await pdfText(pdf));
    for (const s of [
      "支払案内書",
      "令和7年12月26日",
      "練馬区 会計管理室",
      "練馬商事株式会社　様",
      "豊玉工業　様",
      "〒176-8501",
      "120,000円",
      "10,000円",
      "5,000円",
      "25,000円",
      "40,000円",
      "合計（3件）",
      "S-203",
      "令和7年12月10日",
    ])
      expect(text).toContain(squash(s));
    expect(text).toContain("振込先口座みずほ東京営業部普通＊＊＊4567");
    expect(text).not.toContain("1234567");
    expect(text).not.toContain("未登録商店");
    expect(text.indexOf("練馬商事株式会社")).toBeLessThan(text.indexOf("豊玉工業"));
  });
});

describe("treasury advice (CLI)", () => {
  const dir = mkdtempSync(join(tmpdir(), "treasury-advice-"));
  const cli = capturedCli({
    cwd: dir,
    today: "2025-12-26",
    isTTY: false,
    platform: () => platform,
    password: CLERK_PASSWORD,
  });
  const run = (...argv: string[]) => cli.run(...argv, "--user", "kaikei");
  beforeAll(() => createClerk(platform, "kaikei", { personalData: true }));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("writes the letters, the sheet and the CSV of a month", async () => {
    expect(await run("advice", "--month", "2025-12", "--out", "out/annai.pdf")).toBe(0);
    expect(cli.stdout).toContain(
      "支払案内書（令和7年12月分、出力日 令和7年12月26日）を out/annai.pdf に書き出しました：債権者 2件、支払 4件、合計 160,000円",
    );
    expect(cli.stdout).toContain("本日は支払案内書の出力日");
    expect(cli.stderr).toContain("登録されていない支出命令が 1件");
    expect(await pageCount(new Uint8Array(readFileSync(join(dir, "out/annai.pdf"))))).toBe(2);
    expect(await run("advice", "--month", "2025-12", "--out", "ichiran.xlsx")).toBe(0);
    expect(existsSync(join(dir, "ichiran.xlsx"))).toBe(true);
    expect(await run("advice", "--month", "2025-12", "--out", "ichiran.csv", "--encoding", "shift_jis")).toBe(
      0,
    );
    expect(readFileSync(join(dir, "ichiran.csv")).subarray(0, 3)).not.toEqual(
      Buffer.from([0xef, 0xbb, 0xbf]),
    );
  });

  it("refuses letters for a month without payments and writes nothing", async () => {
    expect(await run("advice", "--month", "2025-10", "--out", "empty.pdf")).toBe(1);
    expect(cli.stderr).toContain("令和7年10月分の支払はありません。支払案内書は作成しません。");
    expect(existsSync(join(dir, "empty.pdf"))).toBe(false);
  });

  it("answers a bad month or file type with exit 2 and a Japanese message", async () => {
    expect(await run("advice", "--month", "2025-13", "--out", "x.pdf")).toBe(2);
    expect(cli.stderr).toContain("--month は YYYY-MM で指定してください");
    expect(await run("advice", "--month", "2025-12", "--out", "x.docx")).toBe(2);
    expect(cli.stderr).toContain("--out は .xlsx、.csv、.pdf のいずれか");
    expect(await run("advice", "--out", "x.pdf")).toBe(2);
  });
});

describe("支払案内書 screen", () => {
  const PASSWORD = "Ajisai-no-kisetsu-2025";
  let c: ReturnType<typeof testClient>;
  beforeAll(async () => {
    await createUser(platform, SYSTEM, {
      loginId: "annai",
      displayName: "会計 花子",
      role: "staff",
      departmentId: null,
      password: PASSWORD,
    });
    await grantPermission(platform, SYSTEM, {
      userId: (
        await treasuryDb(platform)
          .selectFrom("users")
          .select("id")
          .where("login_id", "=", "annai")
          .executeTakeFirstOrThrow()
      ).id,
      permission: "personal_data",
    });
    c = testClient(createTreasuryApp(platform, { today: () => "2025-12-26" }));
    expect((await c.loginJson("annai", PASSWORD)).status).toBe(200);
  }, PGLITE_START_TIMEOUT);

  it("shows the run date with a warning on the day, the list and the download links", async () => {
    const res = await c.request("/payment-advice");
    const page = await res.text();
    expect(res.status).toBe(200);
    expect(page).toContain("本日（令和7年12月26日）は令和7年12月分の支払案内書の出力日");
    expect(page).toContain("豊玉工業");
    expect(page).toContain("＊＊＊4321");
    expect(page).toContain("160,000円");
    expect(page).toContain("小計（3件）");
    expect(page).toContain('href="/payment-advice.pdf?month=2025-12"');
    expect(page).toContain('href="/payment-advice"');
    const pdf = await c.request("/payment-advice.pdf?month=2025-12");
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(await pageCount(new Uint8Array(await pdf.arrayBuffer()))).toBe(2);
    const xlsx = await c.request("/payment-advice.xlsx?month=2025-12");
    expect(xlsx.headers.get("content-disposition")).toContain("shiharai-annai-2025-12.xlsx");
    const csv = await c.request("/payment-advice.csv?month=2025-12");
    expect(await csv.text()).toContain("S-202");
  }, 30_000); // the first PDF starts the app's worker thread: slow on a loaded machine

  it("says a month has no payments, offers no letters, and refuses the PDF", async () => {
    const page = await (await c.request("/payment-advice?month=2025-10")).text();
    expect(page).toContain("この月の支払はありません。支払案内書は作成しません。");
    expect(page).not.toContain("本日（");
    expect(page).not.toContain("/payment-advice.pdf");
    const pdf = await c.request("/payment-advice.pdf?month=2025-10");
    expect(pdf.status).toBe(422);
    expect(await pdf.text()).toContain("令和7年10月分");
    expect((await c.request("/payment-advice?month=2025-13")).status).toBe(422);
  });
});
