import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Platform } from "@ward/platform";
import { parseZenginTransferFile } from "@ward/zengin";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { treasuryDb } from "../src/storage/db.js";
import { capturedCli } from "./support/cli.js";
import { memoryPlatform, PGLITE_START_TIMEOUT } from "./support/platform.js";

describe("treasury CLI", () => {
  const dir = mkdtempSync(join(tmpdir(), "treasury-cli-"));
  let platform: Platform;
  const cli = capturedCli({ cwd: dir, today: "2026-06-01", isTTY: true, platform: () => platform });
  const run = cli.run;
  beforeAll(async () => {
    platform = await memoryPlatform();
  }, PGLITE_START_TIMEOUT);
  afterAll(async () => {
    await platform.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("generates, imports with a progress bar, and tallies a month into a workbook", async () => {
    expect(
      await run("generate", "--count", "2000", "--fiscal-year", "2025", "--out", "n.csv", "--seed", "5"),
    ).toBe(0);
    expect(readFileSync(join(dir, "n.csv"), "utf8").split("\n")[0]).toContain("通知書番号");
    expect(await run("import", "n.csv")).toBe(0);
    expect(cli.stdout).toContain("取込完了：2,000件（新規 2,000件");
    expect(cli.stderr).toContain("100% 2,000/2,000件");
    expect(await run("import", "n.csv")).toBe(0);
    expect(cli.stdout).toContain("新規 0件、取込済みのため除外 2,000件");
    expect(await run("tally", "--month", "2025-07", "--out", "out/2025-07.xlsx")).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir, "out/2025-07.xlsx"));
    const sheet = workbook.getWorksheet("済通集計表") as ExcelJS.Worksheet;
    const total = sheet.getRow(sheet.rowCount).values as unknown[];
    expect(total[1]).toBe("合計");
    const month = await treasuryDb(platform)
      .selectFrom("treasury_notices")
      .select((eb) => [eb.fn.countAll<string>().as("n"), eb.fn.sum<string>("amount_yen").as("yen")])
      .where("cash_date", ">=", "2025-07-01")
      .where("cash_date", "<=", "2025-07-31")
      .executeTakeFirstOrThrow();
    expect(total[8]).toBe(Number(month.n));
    expect(total[9]).toBe(Number(month.yen));
    expect(cli.stdout).toContain(`${Number(month.n).toLocaleString("ja-JP")}件`);
  });

  it("rejects a bad file with line/column errors on stderr, exit 1 and nothing saved", async () => {
    writeFileSync(
      join(dir, "bad.csv"),
      "通知書番号,収納日,所属年度,現過年区分,収納経路,会計コード,科目コード,所属コード,金額\nZ1,2025-07-01,2025,現年,指定金融機関,01,01-01-01-01,110100,100\nZ2,2025-02-30,2025,現年,指定金融機関,01,01-01-01-01,110100,100\n",
    );
    expect(await run("import", "bad.csv")).toBe(1);
    expect(cli.stderr).toContain("取込を中止しました（1件も保存していません）");
    expect(cli.stderr).toMatch(/3行目「収納日」列：/);
    const z1 = await treasuryDb(platform)
      .selectFrom("treasury_notices")
      .select("notice_number")
      .where("notice_number", "=", "Z1")
      .execute();
    expect(z1).toEqual([]);
  });

  it("answers usage errors with exit 2 and a Japanese message", async () => {
    expect(await run("tally", "--date", "2025-07-01", "--month", "2025-07")).toBe(2);
    expect(cli.stderr).toContain("--date か --month のどちらか一方");
    expect(await run("tally", "--month", "2025-13")).toBe(2);
    expect(await run("generate", "--count", "abc", "--fiscal-year", "2025", "--out", "x.csv")).toBe(2);
    expect(await run("frobnicate")).toBe(2);
    expect(await run("import", "missing.csv")).toBe(1);
    expect(cli.stderr).toContain("ファイルが見つかりません");
  });

  it("writes a Zengin file for the payment orders of a date and refuses a bank holiday", async () => {
    const db = treasuryDb(platform);
    const creditor = await db
      .insertInto("treasury_creditor_accounts")
      .values({
        creditor_name: "練馬商事株式会社",
        postal_code: "176-8501",
        address: "練馬区豊玉北6-12-1",
        bank_code: "0001",
        branch_code: "001",
        account_type: "1",
        account_number: "1234567",
        holder_name: "ﾈﾘﾏｼﾖｳｼﾞ(ｶ",
        bank_name: null,
        branch_name: null,
        registered_by: null,
        registered_at: new Date(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db
      .insertInto("treasury_payment_orders")
      .values([
        {
          order_number: "S-1",
          payee: "練馬商事",
          payment_date: "2025-07-25",
          amount_yen: 12_000,
          creditor_account_id: creditor.id,
        },
        {
          order_number: "S-2",
          payee: "練馬商事",
          payment_date: "2025-07-25",
          amount_yen: 3_000,
          creditor_account_id: creditor.id,
        },
        {
          order_number: "S-3",
          payee: "練馬商事",
          payment_date: "2025-12-31",
          amount_yen: 1_000,
          creditor_account_id: creditor.id,
        },
      ])
      .execute();
    const args = ["--out", "z.txt", "--requester-code", "1234567890", "--from-account", "0001-100-1-7654321"];
    expect(await run("zengin", "--date", "2025-07-25", ...args)).toBe(0);
    const parsed = parseZenginTransferFile(new Uint8Array(readFileSync(join(dir, "z.txt"))));
    expect(parsed.records.map((r) => r.amount)).toEqual([12_000, 3_000]);
    expect(await run("zengin", "--date", "2025-12-31", ...args)).toBe(1);
    expect(cli.stderr).toContain("エラー：振込指定日2025-12-31は金融機関の休業日です");
  });

  it("imports orders, applications and failed transfers from CSV; a bad file exits 1 with line and column", async () => {
    writeFileSync(
      join(dir, "orders.csv"),
      "支出命令番号,支払先,支払日,金額,債権者登録番号\nS-50,豊玉工業,2025-08-25,5000,\n",
    );
    expect(await run("orders", "import", "orders.csv")).toBe(0);
    expect(cli.stdout).toContain("支出命令を1件取り込みました（5,000円）");
    writeFileSync(join(dir, "apps.csv"), "申請番号,支払先,振込指定日,金額\nE-50,豊玉工業,2025-08-25,5000\n");
    expect(await run("applications", "import", "apps.csv")).toBe(0);
    writeFileSync(
      join(dir, "ft.csv"),
      "通知日,支払先,金額,不能事由コード,不能事由,所属コード\n2025-07-10,練馬商事,12000,01,,110100\n",
    );
    expect(await run("failed-transfers", "import", "ft.csv")).toBe(0);
    writeFileSync(
      join(dir, "ft-bad.csv"),
      "通知日,支払先,金額,不能事由コード,不能事由,所属コード\n2025-07-10,練馬商事,12000,42,,110100\n",
    );
    expect(await run("failed-transfers", "import", "ft-bad.csv")).toBe(1);
    expect(cli.stderr).toMatch(/2行目「不能事由コード」列：/);
    expect(await run("orders", "frobnicate")).toBe(2);
  });

  it("updates and exports failed transfers, refusing 完了 without a reply", async () => {
    const [row] = await treasuryDb(platform).selectFrom("treasury_failed_transfers").select("id").execute();
    const id = String(row?.id);
    expect(await run("failed-transfers", "update", "--id", id, "--status", "完了")).toBe(1);
    expect(cli.stderr).toContain("担当課の回答");
    expect(
      await run(
        "failed-transfers",
        "update",
        "--id",
        id,
        "--status",
        "回答済",
        "--reply",
        "再送",
        "--note",
        "8/1再送",
      ),
    ).toBe(0);
    expect(await run("failed-transfers", "update", "--id", id, "--status", "済み")).toBe(2);
    expect(await run("failed-transfers", "export", "--out", "ft.csv", "--encoding", "shift_jis")).toBe(0);
    const csv = new TextDecoder("shift_jis").decode(readFileSync(join(dir, "ft.csv")));
    expect(csv).toContain("練馬商事,12000,01,口座なし,110100,再送,8/1再送,回答済");
    expect(await run("failed-transfers", "export", "--out", "ft.xlsx", "--status", "未連絡")).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir, "ft.xlsx"));
    expect(workbook.getWorksheet("支払不能")?.rowCount).toBe(3);
    writeFileSync(
      join(dir, "ft2.csv"),
      "通知日,支払先,金額,不能事由コード,不能事由,所属コード\n2025-07-11,김 상점,100,99,,1\n",
    );
    expect(await run("failed-transfers", "import", "ft2.csv")).toBe(0);
    expect(await run("failed-transfers", "export", "--out", "ft3.csv", "--encoding", "shift_jis")).toBe(1);
    expect(cli.stderr).toContain("エラー：");
    expect(cli.stderr).toContain("김");
  });

  it("records stamps (refusing a use beyond stock), work, and writes the daily and monthly reports", async () => {
    const stamp = ["stamps", "record", "--date", "2025-07-10", "--denomination", "110", "--description"];
    expect(await run(...stamp, "購入", "--received", "20")).toBe(0);
    expect(await run(...stamp, "送付", "--used", "21")).toBe(1);
    expect(cli.stderr).toContain("110円切手の残数が足りません");
    expect(await run(...stamp, "送付")).toBe(2);
    expect(await run("stamps", "export", "--out", "stamps.xlsx")).toBe(0);
    const args = ["--date", "2025-07-10", "--item", "mail-dispatch", "--count", "1", "--staff", "山田"];
    expect(await run("work", "record", ...args)).toBe(0);
    expect(
      await run("work", "record", "--date", "2025-07-10", "--item", "nap", "--count", "1", "--staff", "山田"),
    ).toBe(2);
    expect(cli.stderr).toContain("業務項目を契約の委託内容から選んでください");
    expect(await run("report", "daily", "--date", "2025-07-10", "--out", "nippo.pdf")).toBe(0);
    expect(readFileSync(join(dir, "nippo.pdf")).subarray(0, 5).toString()).toBe("%PDF-");
    expect(await run("report", "monthly", "--month", "2025-07", "--out", "kanryo.xlsx")).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(dir, "kanryo.xlsx"));
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["業務実績", "記録件数", "日別内訳"]);
    expect(await run("report", "monthly", "--date", "2025-07-10", "--out", "x.xlsx")).toBe(2);
  });
});
