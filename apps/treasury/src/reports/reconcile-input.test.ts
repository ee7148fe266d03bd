import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { formatPaymentNoticesCsv, generatePaymentNotices } from "../domain/index.js";
import { reconcileAccountingInput, writeDiscrepancyWorkbook } from "./reconcile-input.js";

const notices = generatePaymentNotices({ fiscalYear: 2025, count: 300, seed: 11 });

describe("reconcileAccountingInput", () => {
  it("is balanced when every notice was entered", () => {
    const result = reconcileAccountingInput(notices, formatPaymentNoticesCsv(notices));
    expect(result).toMatchObject({ ok: true, balanced: true, discrepancies: [] });
    expect(result.ok && result.summaryJa).toContain("一致しています");
  });

  it("reports the cell, expected, entered and difference of a mis-keyed and a missing notice", async () => {
    const [first, second, ...rest] = notices;
    if (!first || !second) throw new Error("no notices");
    const entered = [{ ...first, amount: first.amount + 100 }, ...rest];
    const result = reconcileAccountingInput(notices, formatPaymentNoticesCsv(entered));
    if (!result.ok) throw new Error("export rejected");
    expect(result.balanced).toBe(false);
    const diff = result.discrepancies.find((d) => d.differenceYen === 100);
    expect(diff).toMatchObject({ status: "differs", differenceCount: 0 });
    expect(diff?.cell).toContain(first.subjectCode);
    expect(result.enteredYen - result.expectedYen).toBe(100 - second.amount);
    const workbook = new ExcelJS.Workbook();
    const bytes = await writeDiscrepancyWorkbook(result, { subtitle: "令和7年度分" });
    await workbook.xlsx.load(bytes.buffer as ArrayBuffer);
    const sheet = workbook.getWorksheet("照合結果") as ExcelJS.Worksheet;
    expect(sheet.getCell("A1").value).toBe("集計表と財務会計入力の照合結果（不一致）");
    const yenDiffs = (sheet.getColumn(8).values as unknown[]).slice(4);
    expect(yenDiffs.reduce((s: number, v) => s + Number(v ?? 0), 0)).toBe(100 - second.amount);
  });

  it("returns the export's errors with line and column when it is not a notice CSV", () => {
    const result = reconcileAccountingInput(notices, new TextEncoder().encode("a,b\n1,2\n"));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]?.line).toBe(1);
  });
});
