import { CsvError } from "@ward/csv-jp";
import { type Platform, queryAudit, SYSTEM } from "@ward/platform";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failedTransferReport } from "../src/reports/failed-transfer-report.js";
import { writeReportPdf, writeReportWorkbook, writeSectionCsv } from "../src/reports/report-files.js";
import { stampLedgerReport } from "../src/reports/stamp-ledger-report.js";
import { workReport } from "../src/reports/work-report.js";
import { treasuryDb } from "../src/storage/db.js";
import {
  addFailedTransfers,
  importFailedTransfersCsv,
  listFailedTransfers,
  updateFailedTransfer,
} from "../src/storage/failed-transfers.js";
import { importPaymentOrdersCsv, importTransferApplicationsCsv } from "../src/storage/import-payments.js";
import { matchStoredTransfers } from "../src/storage/payments.js";
import { loadStampBook, recordStampEntry } from "../src/storage/stamp-entries.js";
import { addWorkRecord, loadWorkReportData } from "../src/storage/work-records.js";
import { pdfText } from "./support/pdf-text.js";
import { memoryPlatform, PGLITE_START_TIMEOUT } from "./support/platform.js";

const utf8 = (text: string) => new TextEncoder().encode(text);
const sheetValues = (sheet: ExcelJS.Worksheet, row: number) =>
  (sheet.getRow(row).values as unknown[]).slice(1);
async function readWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.slice().buffer);
  return workbook;
}

// One in-memory database for the whole file (PGlite start-up is the slow part).
let platform: Platform;
beforeAll(async () => {
  platform = await memoryPlatform();
}, PGLITE_START_TIMEOUT);
afterAll(() => platform.close());

describe("failed transfers (口座振替支払不能, 第5-2(2))", () => {
  const HEADER = "通知日,支払先,金額,不能事由コード,不能事由,所属コード\r\n";

  it("imports a CSV file whole, as 未連絡, with the code's label when the text is empty", async () => {
    const result = await importFailedTransfersCsv(
      platform,
      SYSTEM,
      utf8(
        `${HEADER}2025-07-10,練馬商事,"12,000",01,,110100\r\n2025/7/11,豊玉工業,5000,99,受取人死亡,120300\r\n`,
      ),
      "0710.csv",
    );
    expect(result).toEqual({ ok: true, count: 2 });
    const list = await listFailedTransfers(platform, { from: "2025-07-10", to: "2025-07-10" });
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      payee: "練馬商事",
      amount: 12_000,
      reasonCode: "01",
      reasonText: "口座なし",
      status: "uncontacted",
      replyKind: undefined,
    });
  });

  it("rejects a file with any bad row, naming line and column, and saves nothing", async () => {
    const before = (await listFailedTransfers(platform)).length;
    const result = await importFailedTransfersCsv(
      platform,
      SYSTEM,
      utf8(`${HEADER}2025-07-12,練馬商事,abc,01,,110100\r\n2025-02-30,豊玉工業,5000,07,,12x\r\n`),
      "bad.csv",
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.line, e.column])).toEqual([
      [2, "金額"],
      [3, "不能事由コード"],
      [3, "通知日"],
      [3, "所属コード"],
    ]);
    expect(result.errors[1]?.message).toContain("不能事由コードは「01」");
    expect(await listFailedTransfers(platform)).toHaveLength(before);
    const audit = await queryAudit(platform.db, {
      action: "treasury.failed-transfer.add",
      result: "failure",
    });
    expect(audit[0]?.targetId).toBe("bad.csv");
  });

  it("moves a case through 照会中 → 回答済 → 完了 with the reply, audited, and refuses what the rules forbid", async () => {
    const [id = 0] = await addFailedTransfers(platform, SYSTEM, [
      {
        notifiedOn: "2025-07-14",
        payee: "石神井商店",
        amount: 3_300,
        reasonCode: "02",
        reasonText: "名義相違",
        departmentCode: "130100",
      },
    ]);
    expect((await updateFailedTransfer(platform, SYSTEM, id, { status: "inquiring" })).ok).toBe(true);
    const noReply = await updateFailedTransfer(platform, SYSTEM, id, { status: "replied" });
    expect(noReply).toEqual({
      ok: false,
      message: "回答済・完了にするには担当課の回答（再送・変更・戻入）を入力してください",
    });
    const replied = await updateFailedTransfer(platform, SYSTEM, id, {
      status: "replied",
      replyKind: "change",
      replyText: "口座を変更して再振込",
    });
    expect(replied.ok && replied.transfer.replyKind).toBe("change");
    expect((await updateFailedTransfer(platform, SYSTEM, id, { status: "completed" })).ok).toBe(true);
    expect(await updateFailedTransfer(platform, SYSTEM, id, { status: "inquiring" })).toEqual({
      ok: false,
      message: "完了した記録は変更できません",
    });
    expect((await updateFailedTransfer(platform, SYSTEM, 99_999, { status: "inquiring" })).ok).toBe(false);
    const [stored] = await listFailedTransfers(platform, { id });
    expect(stored).toMatchObject({
      status: "completed",
      replyKind: "change",
      replyText: "口座を変更して再振込",
    });
    const audit = await queryAudit(platform.db, {
      action: "treasury.failed-transfer.update",
      targetId: String(id),
      order: "asc",
    });
    expect(audit).toHaveLength(3);
    expect(JSON.parse(String(audit[1]?.detail))).toMatchObject({
      from: { status: "inquiring", replyKind: null },
      to: { status: "replied", replyKind: "change" },
    });
  });

  it("exports the log as Excel (read back) and CSV; a character Shift_JIS lacks is an error, not ?", async () => {
    const report = failedTransferReport(await listFailedTransfers(platform), "2025-07-31");
    const workbook = await readWorkbook(await writeReportWorkbook(report));
    const sheet = workbook.getWorksheet("支払不能") as ExcelJS.Worksheet;
    expect(sheetValues(sheet, 3)).toEqual([
      "番号",
      "通知日",
      "支払先",
      "金額",
      "事由コード",
      "不能事由",
      "所属コード",
      "担当課の回答",
      "回答内容",
      "状態",
    ]);
    expect(sheetValues(sheet, 4).slice(1)).toEqual([
      "2025-07-14",
      "石神井商店",
      3300,
      "02",
      "名義相違",
      "130100",
      "変更",
      "口座を変更して再振込",
      "完了",
    ]);
    expect(sheet.getCell(4, 4).numFmt).toBe("#,##0");
    const csv = new TextDecoder("shift_jis").decode(
      writeSectionCsv(report.sections[0] as never, "shift_jis"),
    );
    expect(csv).toContain(",2025-07-10,練馬商事,12000,01,口座なし,110100,,,未連絡\r\n");
    await addFailedTransfers(platform, SYSTEM, [
      {
        notifiedOn: "2025-07-15",
        payee: "김 상점",
        amount: 1,
        reasonCode: "99",
        reasonText: "",
        departmentCode: "1",
      },
    ]);
    const withHangul = failedTransferReport(await listFailedTransfers(platform), "2025-07-31");
    expect(() => writeSectionCsv(withHangul.sections[0] as never, "shift_jis")).toThrow(CsvError);
    expect(writeSectionCsv(withHangul.sections[0] as never).length).toBeGreaterThan(0);
  });
});

describe("postage stamp ledger (郵券受払簿)", () => {
  const entry = (
    date: string,
    denomination: number,
    received: number,
    used: number,
    description: string,
  ) => ({
    date,
    denomination,
    received,
    used,
    description,
  });

  it("keeps per-denomination balances and refuses a use beyond stock with a Japanese message, saving nothing", async () => {
    expect(await recordStampEntry(platform, SYSTEM, entry("2025-07-01", 110, 50, 0, "購入"))).toMatchObject({
      ok: true,
      remaining: 50,
    });
    expect((await recordStampEntry(platform, SYSTEM, entry("2025-07-01", 84, 10, 0, "返信用切手"))).ok).toBe(
      true,
    );
    expect(
      await recordStampEntry(platform, SYSTEM, entry("2025-07-31", 110, 0, 40, "支払案内書送付")),
    ).toMatchObject({ ok: true, remaining: 10 });
    const refused = await recordStampEntry(
      platform,
      SYSTEM,
      entry("2025-08-01", 110, 0, 11, "支払案内書送付"),
    );
    expect(refused).toMatchObject({ ok: false, code: "INSUFFICIENT_STOCK" });
    expect(!refused.ok && refused.message).toBe(
      "登録できません：110円切手の残数が足りません（2025-08-01「支払案内書送付」：払出 11枚、手持ち 10枚）",
    );
    // Backdated: on 07-15 there were 50, but the 07-31 use would then exceed stock.
    const backdated = await recordStampEntry(platform, SYSTEM, entry("2025-07-15", 110, 0, 20, "誤送付"));
    expect(backdated).toMatchObject({ ok: false, code: "INSUFFICIENT_STOCK" });
    // The refusal names the later line that would go short, not the new one.
    expect(!backdated.ok && backdated.message).toContain(
      "2025-07-31「支払案内書送付」：払出 40枚、手持ち 30枚",
    );
    const count = await treasuryDb(platform)
      .selectFrom("treasury_stamp_entries")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(3);
    const audit = await queryAudit(platform.db, { action: "treasury.stamp.record" });
    expect(audit.map((a) => a.targetType)).toEqual(["stamp_entry", "stamp_entry", "stamp_entry"]);
    const { book } = await loadStampBook(platform);
    expect(book.ledger.balances.map((b) => [b.denomination, b.remaining])).toEqual([
      [84, 10],
      [110, 10],
    ]);
    expect(book.days.map((d) => [d.date, d.valueYen])).toEqual([
      ["2025-07-01", 6340],
      ["2025-07-31", 1940],
    ]);
  });

  it("checks a counted 実査残 against the book", async () => {
    const wrong = await recordStampEntry(platform, SYSTEM, {
      ...entry("2025-08-01", 84, 0, 2, "送付"),
      counted: 9,
    });
    expect(wrong).toMatchObject({ ok: false, code: "BALANCE_MISMATCH" });
    expect(!wrong.ok && wrong.message).toContain("実査残が帳簿の残数と一致しません");
    expect(
      (await recordStampEntry(platform, SYSTEM, { ...entry("2025-08-01", 84, 0, 2, "送付"), counted: 8 })).ok,
    ).toBe(true);
  });

  it("exports the 受払簿 layout per denomination (月日, 摘要, 受入, 払出, 残高) with a summary sheet", async () => {
    const { book } = await loadStampBook(platform);
    const workbook = await readWorkbook(await writeReportWorkbook(stampLedgerReport(book, "2025-08-01")));
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["総括", "84円", "110円"]);
    const sheet = workbook.getWorksheet("110円") as ExcelJS.Worksheet;
    expect(sheetValues(sheet, 3)).toEqual(["月日", "摘要", "受入", "払出", "残高"]);
    expect(sheetValues(sheet, 4)).toEqual(["2025-07-01", "購入", 50, undefined, 50]);
    expect(sheetValues(sheet, 5)).toEqual(["2025-07-31", "支払案内書送付", undefined, 40, 10]);
    expect(sheetValues(sheet, 6)).toEqual(["計", "", 50, 40, 10]);
    const summary = workbook.getWorksheet("総括") as ExcelJS.Worksheet;
    expect(sheetValues(summary, summary.rowCount)).toEqual(["合計", undefined, undefined, undefined, 1772]);
  });
});

describe("payment orders and applications from CSV", () => {
  it("imports orders and applications whole, then matches them", async () => {
    const orders = await importPaymentOrdersCsv(
      platform,
      SYSTEM,
      utf8(
        "支出命令番号,支払先,支払日,金額,債権者登録番号\r\nS-100,練馬商事,2025-08-25,12000,\r\nS-101,豊玉工業,2025-08-25,5000,\r\n",
      ),
      "orders.csv",
    );
    expect(orders).toEqual({ ok: true, count: 2, totalYen: 17_000 });
    const apps = await importTransferApplicationsCsv(
      platform,
      SYSTEM,
      utf8("申請番号,支払先,振込指定日,金額\r\nE-100,練馬商事,2025-08-25,12000\r\n"),
      "ebiz.csv",
    );
    expect(apps).toEqual({ ok: true, count: 1, totalYen: 12_000 });
    const matches = await matchStoredTransfers(platform, { from: "2025-08-25", to: "2025-08-25" });
    expect(matches.map((m) => m.status).sort()).toEqual(["matched", "missing-application"]);
  });

  it("rejects re-imported numbers, unknown creditors and bad cells with line and column, saving nothing", async () => {
    const result = await importPaymentOrdersCsv(
      platform,
      SYSTEM,
      utf8(
        "支出命令番号,支払先,支払日,金額,債権者登録番号\r\nS-100,練馬商事,2025-08-25,12000,\r\nS-102,豊玉工業,2025-08-26,5000,777\r\n",
      ),
      "again.csv",
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      { line: 2, column: "支出命令番号", value: "S-100", message: "この支出命令番号は取込済みです" },
      { line: 3, column: "債権者登録番号", value: "777", message: "この債権者登録番号は登録されていません" },
    ]);
    const bad = await importTransferApplicationsCsv(
      platform,
      SYSTEM,
      utf8("申請番号,支払先,振込指定日,金額\r\nE-100,練馬商事,2025-08-25,12000\r\nE-200,,2025-08-26,0\r\n"),
      "ebiz2.csv",
    );
    expect(!bad.ok && bad.errors.map((e) => `${e.line}:${e.column}:${e.message}`)).toEqual([
      "3:支払先:支払先がありません",
      "3:金額:金額は1円以上です",
    ]);
    const dup = await importTransferApplicationsCsv(
      platform,
      SYSTEM,
      utf8("申請番号,支払先,振込指定日,金額\r\nE-100,練馬商事,2025-08-25,12000\r\n"),
      "ebiz3.csv",
    );
    expect(!dup.ok && dup.errors[0]?.message).toBe("この申請番号は取込済みです");
    const orders = await treasuryDb(platform)
      .selectFrom("treasury_payment_orders")
      .select("order_number")
      .execute();
    expect(orders.map((o) => o.order_number).sort()).toEqual(["S-100", "S-101"]);
  });
});

describe("業務日報 and 完了報告書", () => {
  it("refuses a work record outside the contract's work items, with field messages", async () => {
    const result = await addWorkRecord(platform, SYSTEM, {
      date: "2025-07-10",
      workItemId: "coffee",
      count: "-1",
      staff: "",
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues.map((i) => i.path).sort()).toEqual(["count", "staff", "workItemId"]);
  });

  it("builds the daily report from records and stored activity, as Excel and PDF", async () => {
    for (const r of [
      { date: "2025-07-10", workItemId: "internal-mail", count: 3, staff: "山田" },
      { date: "2025-07-10", workItemId: "transfer-failures", count: 2, staff: "佐藤", note: "練馬商事 照会" },
      { date: "2025-07-11", workItemId: "internal-mail", count: 3, staff: "佐藤" },
    ])
      expect((await addWorkRecord(platform, SYSTEM, r)).ok).toBe(true);
    const data = await loadWorkReportData(platform, { from: "2025-07-10", to: "2025-07-10" });
    expect(data.activity.failedTransfersNotified).toBe(1);
    expect(data.activity.failedTransfersOpen).toBe(1);
    const report = workReport(data, "daily");
    const workbook = await readWorkbook(await writeReportWorkbook(report));
    const items = workbook.getWorksheet("業務実績") as ExcelJS.Worksheet;
    expect(items.getCell(1, 1).value).toBe("業務日報　業務実績（委託内容 第5）");
    expect(String(items.getCell(2, 1).value)).toContain("令和7年7月10日");
    const rows = Array.from({ length: items.rowCount - 3 }, (_, i) => sheetValues(items, i + 4));
    expect(rows).toHaveLength(14);
    expect(rows).toContainEqual(["庁内交換便の仕分け・配付", 3, "山田", ""]);
    expect(rows).toContainEqual(["口座振替支払不能処理業務", 2, "佐藤", "練馬商事 照会"]);
    const counts = workbook.getWorksheet("記録件数") as ExcelJS.Worksheet;
    expect(sheetValues(counts, 8)).toEqual(["口座振替支払不能（通知日）", 1]);
    const pdf = await writeReportPdf(report);
    expect(pdf.length).toBeLessThan(150_000); // the bundled font as a subset, not its 5 MB
    const text = await pdfText(pdf);
    for (const s of [
      "業務日報",
      "令和7年7月10日",
      "庁内交換便の仕分け・配付",
      "練馬商事 照会",
      "口座振替支払不能（通知日）",
    ])
      expect(text).toContain(s);
  });

  it("builds the monthly completion report with a per-day table and totals", async () => {
    const data = await loadWorkReportData(platform, { from: "2025-07-01", to: "2025-07-31" });
    expect(data.activity.stampsReceived).toBe(60);
    expect(data.activity.stampsUsed).toBe(40);
    const report = workReport(data, "monthly");
    expect(report.subtitle).toContain("令和7年7月分");
    const workbook = await readWorkbook(await writeReportWorkbook(report));
    const days = workbook.getWorksheet("日別内訳") as ExcelJS.Worksheet;
    const last = sheetValues(days, days.rowCount);
    expect(last[0]).toBe("合計");
    expect(last[6]).toBe(4); // failed transfers notified in July
    expect(last[8]).toBe(8); // work records counted
    const pdf = await writeReportPdf(report);
    expect(pdf.length).toBeLessThan(150_000);
    const text = await pdfText(pdf);
    expect(text).toContain("完了報告書");
    expect(text).toContain("日別内訳");
    await expect(writeReportPdf(report, { fontPath: "/nonexistent/font.ttf" })).rejects.toMatchObject({
      code: "PDF_FONT_UNREADABLE",
    });
  });
});
