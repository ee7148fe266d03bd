import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Platform } from "@ward/platform";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CliIo, runCli } from "../src/cli/run-cli.js";
import { parseZenginTransferFile } from "../src/domain/index.js";
import { treasuryDb } from "../src/storage/db.js";
import { memoryPlatform } from "./support/platform.js";

describe("treasury CLI", () => {
  const dir = mkdtempSync(join(tmpdir(), "treasury-cli-"));
  let platform: Platform;
  let stdout = "";
  let stderr = "";
  const io = (): CliIo => ({
    stdout: {
      write: (t) => {
        stdout += t;
      },
    },
    stderr: {
      write: (t) => {
        stderr += t;
      },
      isTTY: true,
    },
    cwd: dir,
    today: "2026-06-01",
    // One in-memory database for the whole file; the CLI closes it, so hand out a non-closing view.
    openPlatform: async () => ({ ...platform, close: async () => undefined }),
  });
  const run = async (...argv: string[]) => {
    stdout = "";
    stderr = "";
    return runCli(argv, io());
  };
  beforeAll(async () => {
    platform = await memoryPlatform();
  });
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
    expect(stdout).toContain("取込完了：2,000件（新規 2,000件");
    expect(stderr).toContain("100% 2,000/2,000件");
    expect(await run("import", "n.csv")).toBe(0);
    expect(stdout).toContain("新規 0件、取込済みのため除外 2,000件");
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
    expect(stdout).toContain(`${Number(month.n).toLocaleString("ja-JP")}件`);
  });

  it("rejects a bad file with line/column errors on stderr, exit 1 and nothing saved", async () => {
    writeFileSync(
      join(dir, "bad.csv"),
      "通知書番号,収納日,所属年度,現過年区分,収納経路,会計コード,科目コード,所属コード,金額\nZ1,2025-07-01,2025,現年,指定金融機関,01,01-01-01-01,110100,100\nZ2,2025-02-30,2025,現年,指定金融機関,01,01-01-01-01,110100,100\n",
    );
    expect(await run("import", "bad.csv")).toBe(1);
    expect(stderr).toContain("取込を中止しました（1件も保存していません）");
    expect(stderr).toMatch(/3行目「収納日」列：/);
    const z1 = await treasuryDb(platform)
      .selectFrom("treasury_notices")
      .select("notice_number")
      .where("notice_number", "=", "Z1")
      .execute();
    expect(z1).toEqual([]);
  });

  it("answers usage errors with exit 2 and a Japanese message", async () => {
    expect(await run("tally", "--date", "2025-07-01", "--month", "2025-07")).toBe(2);
    expect(stderr).toContain("--date か --month のどちらか一方");
    expect(await run("tally", "--month", "2025-13")).toBe(2);
    expect(await run("generate", "--count", "abc", "--fiscal-year", "2025", "--out", "x.csv")).toBe(2);
    expect(await run("frobnicate")).toBe(2);
    expect(await run("import", "missing.csv")).toBe(1);
    expect(stderr).toContain("ファイルが見つかりません");
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
      ])
      .execute();
    const args = ["--out", "z.txt", "--requester-code", "1234567890", "--from-account", "0001-100-1-7654321"];
    expect(await run("zengin", "--date", "2025-07-25", ...args)).toBe(0);
    const parsed = parseZenginTransferFile(new Uint8Array(readFileSync(join(dir, "z.txt"))));
    expect(parsed.records.map((r) => r.amount)).toEqual([12_000, 3_000]);
    expect(await run("zengin", "--date", "2025-12-31", ...args)).toBe(1);
    expect(stderr).toContain("エラー：");
  });
});
