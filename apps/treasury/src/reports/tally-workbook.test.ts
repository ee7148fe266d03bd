import ExcelJS from "exceljs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generatePaymentNotices, type PaymentNotice } from "../domain/index.js";
import { dailyReceipts } from "./daily-receipts.js";
import { tallyNotices } from "./notice-tally.js";
import { writeTallyCsv } from "./tally-csv.js";
import { receiptTallyRows, writeTallyWorkbook } from "./tally-workbook.js";

const notice = (no: string, over: Partial<PaymentNotice> = {}): PaymentNotice => ({
  noticeNumber: no,
  cashDate: "2025-07-01",
  fiscalYear: 2025,
  yearKind: "current",
  channel: "bank",
  accountCode: "01",
  subjectCode: "01-01-01-01",
  departmentCode: "110100",
  amount: 1000,
  ...over,
});

const NOTICES: PaymentNotice[] = [
  notice("1", { amount: 1200 }),
  notice("2", { amount: 3400, departmentCode: "120100" }),
  notice("3", { amount: 12_000, subjectCode: "13-01-02-01", cashDate: "2025-07-02" }),
  notice("4", { amount: 800, channel: "japan-post" }),
  notice("5", { amount: 56_000, channel: "counter", accountCode: "02", cashDate: "2025-07-02" }),
];

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  return workbook;
}

const values = (sheet: ExcelJS.Worksheet, row: number) =>
  (sheet.getRow(row).values as unknown[]).slice(1).map((v) => v ?? null);

describe("writeTallyWorkbook", () => {
  it("writes the 済通集計表 with subtotal rows per level, yen format and A4 landscape print setup", async () => {
    const workbook = await readBack(
      await writeTallyWorkbook(NOTICES, {
        period: { from: "2025-07-01", to: "2025-07-02" },
        createdOn: "2025-07-03",
      }),
    );
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["済通集計表", "公金収納集計表", "収入日計表"]);
    const sheet = workbook.getWorksheet("済通集計表") as ExcelJS.Worksheet;
    expect(sheet.getCell("A1").value).toBe("済通集計表（銀行・ゆうちょ銀行・派出所）");
    expect(sheet.getCell("A2").value).toBe("収納日：令和7年7月1日～令和7年7月2日　作成日：令和7年7月3日");
    expect(values(sheet, 3)).toEqual([
      "収納区分",
      "会計",
      "款",
      "項",
      "目",
      "節",
      "所属",
      "件数",
      "金額（円）",
    ]);
    expect(values(sheet, 4)).toEqual(["銀行", "一般会計", "01", "01", "01", "01", "110100", 1, 1200]);
    expect(values(sheet, 5)).toEqual(["銀行", "一般会計", "01", "01", "01", "01", "120100", 1, 3400]);
    expect(values(sheet, 6)).toEqual(["銀行", "一般会計", "01", "01", "01", "01 計", "", 2, 4600]);
    expect(values(sheet, 7)).toEqual(["銀行", "一般会計", "01 計", "", "", "", "", 2, 4600]);
    const last = sheet.rowCount;
    expect(values(sheet, last)).toEqual(["合計", "", "", "", "", "", "", 5, 73_400]);
    expect(sheet.getCell(last, 9).font?.bold).toBe(true);
    expect(sheet.getCell(4, 9).numFmt).toBe("#,##0");
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: "1:3",
    });
    const channelTotals = sheet
      .getColumn(1)
      .values.filter((v): v is string => typeof v === "string" && v.endsWith(" 計"));
    expect(channelTotals).toEqual(["銀行 計", "ゆうちょ銀行 計", "派出所 計"]);
  });

  it("writes the 公金収納集計表 by 会計 × 歳入区分 and the 収入日計表 with cumulative totals", async () => {
    const workbook = await readBack(
      await writeTallyWorkbook(NOTICES, {
        period: { from: "2025-07-01", to: "2025-07-02" },
        createdOn: "2025-07-03",
      }),
    );
    const summary = workbook.getWorksheet("公金収納集計表") as ExcelJS.Worksheet;
    const rows = Array.from({ length: summary.rowCount - 3 }, (_, i) => values(summary, i + 4));
    expect(rows).toEqual([
      ["01 一般会計", "01 特別区税", 3, 5400],
      ["01 一般会計", "13 使用料及び手数料", 1, 12_000],
      ["01 一般会計 計", "", 4, 17_400],
      ["02 国民健康保険事業会計", "01 国民健康保険料", 1, 56_000],
      ["02 国民健康保険事業会計 計", "", 1, 56_000],
      ["合計", "", 5, 73_400],
    ]);
    const daily = workbook.getWorksheet("収入日計表") as ExcelJS.Worksheet;
    expect(values(daily, 4)).toEqual(["令和7年7月1日", 3, 5400, 3, 5400]);
    expect(values(daily, 5)).toEqual(["令和7年7月2日", 2, 68_000, 5, 73_400]);
    expect(values(daily, 6)).toEqual(["合計", 5, 73_400]);
  });

  it("writes an empty period as a sheet with only the 合計 row of zero", async () => {
    const workbook = await readBack(
      await writeTallyWorkbook([], {
        period: { from: "2025-07-01", to: "2025-07-01" },
        createdOn: "2025-07-01",
      }),
    );
    const sheet = workbook.getWorksheet("済通集計表") as ExcelJS.Worksheet;
    expect(sheet.rowCount).toBe(4);
    expect(values(sheet, 4)).toEqual(["合計", "", "", "", "", "", "", 0, 0]);
  });
});

describe("tallies", () => {
  it("the detail rows of the 済通集計表 sum to its total, whatever the order of the notices", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 0, max: 200 }), (seed, count) => {
        const notices = generatePaymentNotices({ fiscalYear: 2025, count, seed });
        const rows = receiptTallyRows(tallyNotices(notices));
        const reversed = receiptTallyRows(tallyNotices([...notices].reverse()));
        const details = rows.filter((r) => r.emphasis === undefined);
        const sum = details.reduce((s, r) => s + (r.values.at(-1) as number), 0);
        expect(sum).toBe(notices.reduce((s, n) => s + n.amount, 0));
        expect(reversed).toEqual(rows);
      }),
      { numRuns: 25 },
    );
  });

  it("gives the 収入日計表 cumulative totals that end at the sum of the notices", () => {
    const lines = dailyReceipts(generatePaymentNotices({ fiscalYear: 2025, count: 500, seed: 3 }));
    expect(lines.map((l) => l.date)).toEqual([...lines.map((l) => l.date)].sort());
    let running = 0;
    for (const l of lines) {
      running += l.yen;
      expect(l.cumulativeYen).toBe(running);
    }
    expect(lines.at(-1)?.cumulativeCount).toBe(500);
  });

  it("writes the tables as CSV with a BOM, 明細/小計/合計 and Shift_JIS on request", () => {
    const csv = new TextDecoder("utf-8", { ignoreBOM: true }).decode(
      writeTallyCsv(NOTICES, "revenue-summary"),
    );
    expect(csv.startsWith("\uFEFF区分,会計,歳入区分（款）,件数,金額\r\n")).toBe(true);
    expect(csv).toContain("小計,02 国民健康保険事業会計 計,,1,56000\r\n");
    expect(csv.endsWith("合計,合計,,5,73400\r\n")).toBe(true);
    const sjis = writeTallyCsv(NOTICES, "receipt-tally", "shift_jis");
    expect(sjis[0]).not.toBe(0xef);
    expect(new TextDecoder("shift_jis").decode(sjis)).toContain(
      "明細,銀行,一般会計,01,01,01,01,110100,1,1200",
    );
  });
});
