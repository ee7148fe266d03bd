import { bankCalendar, isOpenDay } from "@ward/calendar-jp";
import { describe, expect, it } from "vitest";
import { formatPaymentNoticesCsv } from "./format-payment-notices.js";
import { generatePaymentNotices } from "./generate-payment-notices.js";

describe("generatePaymentNotices", () => {
  const notices = generatePaymentNotices({ fiscalYear: 2025, count: 2000, seed: 42 });

  it("is deterministic for a seed and differs between seeds", () => {
    expect(generatePaymentNotices({ fiscalYear: 2025, count: 2000, seed: 42 })).toEqual(notices);
    expect(generatePaymentNotices({ fiscalYear: 2025, count: 2000, seed: 43 })).not.toEqual(notices);
  });

  it("gives unique notice numbers, sorted by cash date", () => {
    expect(new Set(notices.map((n) => n.noticeNumber)).size).toBe(2000);
    const dates = notices.map((n) => n.cashDate);
    expect([...dates].sort()).toEqual(dates);
  });

  it("dates current-year notices in the fiscal year and past-year ones in April–May after it, on bank days", () => {
    const calendar = bankCalendar();
    for (const n of notices) {
      expect(n.fiscalYear).toBe(2025);
      expect(isOpenDay(calendar, n.cashDate)).toBe(true);
      if (n.yearKind === "current")
        expect(n.cashDate >= "2025-04-01" && n.cashDate <= "2026-03-31").toBe(true);
      else expect(n.cashDate >= "2026-04-01" && n.cashDate <= "2026-05-31").toBe(true);
    }
    const past = notices.filter((n) => n.yearKind === "past").length;
    expect(past).toBeGreaterThan(40);
    expect(past).toBeLessThan(130);
  });

  it("produces integer positive amounts and every channel and account", () => {
    for (const n of notices) {
      expect(Number.isInteger(n.amount)).toBe(true);
      expect(n.amount).toBeGreaterThanOrEqual(100);
    }
    expect(new Set(notices.map((n) => n.channel))).toEqual(new Set(["bank", "japan-post", "counter"]));
    expect(new Set(notices.map((n) => n.accountCode))).toEqual(new Set(["01", "02", "03", "04"]));
  });

  it("refuses a negative count or an unsupported year", () => {
    expect(() => generatePaymentNotices({ fiscalYear: 2025, count: -1 })).toThrow();
    expect(() => generatePaymentNotices({ fiscalYear: 1800, count: 1 })).toThrow();
    expect(generatePaymentNotices({ fiscalYear: 2025, count: 0 })).toEqual([]);
  });
});

describe("formatPaymentNoticesCsv", () => {
  it("writes the header and CRLF rows, with a BOM only when asked", () => {
    const text = new TextDecoder().decode(
      formatPaymentNoticesCsv(generatePaymentNotices({ fiscalYear: 2025, count: 1, seed: 1 })),
    );
    expect(
      text.startsWith(
        "通知書番号,収納日,所属年度,現過年区分,収納経路,会計コード,科目コード,所属コード,金額\r\n2025",
      ),
    ).toBe(true);
    expect(text.endsWith("\r\n")).toBe(true);
    expect([...formatPaymentNoticesCsv([], { bom: true }).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});
