import { describe, expect, it } from "vitest";
import {
  closingPeriodRange,
  fiscalYearOf,
  fiscalYearRange,
  formatFiscalYear,
  openFiscalYears,
  parseFiscalYear,
  yearOfFiscalMonth,
} from "./fiscal-year.js";

describe("fiscal years (年度)", () => {
  it("puts April 1 in the fiscal year that starts that day", () => {
    expect(fiscalYearOf("2025-04-01")).toBe(2025);
  });

  it("puts March 31 in the fiscal year that started the April before", () => {
    expect(fiscalYearOf("2026-03-31")).toBe(2025);
    expect(fiscalYearOf(new Date("2026-03-31T15:00:00Z"))).toBe(2026); // 2026-04-01 00:00 JST
  });

  it("gives the range of 令和7年度 and back", () => {
    expect(fiscalYearRange(parseFiscalYear("令和7年度"))).toEqual({ start: "2025-04-01", end: "2026-03-31" });
    expect(formatFiscalYear(2025)).toBe("令和7年度");
    expect(formatFiscalYear(2019)).toBe("令和元年度");
    expect(formatFiscalYear(1989)).toBe("平成元年度");
    expect(formatFiscalYear(2018)).toBe("平成30年度");
  });

  it("gives the 出納整理期間: April 1 to May 31 after the year ends", () => {
    expect(closingPeriodRange(2025)).toEqual({ start: "2026-04-01", end: "2026-05-31" });
  });

  it("knows which fiscal years are open on a date", () => {
    expect(openFiscalYears("2026-03-31")).toEqual([2025]);
    expect(openFiscalYears("2026-04-01")).toEqual([2025, 2026]);
    expect(openFiscalYears("2026-05-31")).toEqual([2025, 2026]);
    expect(openFiscalYears("2026-06-01")).toEqual([2026]);
    expect(openFiscalYears("2026-01-15")).toEqual([2025]);
  });

  it.each([
    ["令和7年度", 2025],
    ["令和元年度", 2019],
    ["平成31年度", 2019],
    ["R8年度", 2026],
    ["令和７年度", 2025],
    ["令和七年度", 2025],
    [" 2025年度 ", 2025],
  ])("parses %j as %i", (text, expected) => {
    expect(parseFiscalYear(text)).toBe(expected);
  });

  it("rejects malformed or out-of-era fiscal years unless lenient", () => {
    expect(() => parseFiscalYear("令和0年度")).toThrow(expect.objectContaining({ code: "INVALID_WAREKI" }));
    expect(() => parseFiscalYear("平成32年度")).toThrow(/平成/);
    expect(parseFiscalYear("平成32年度", { lenient: true })).toBe(2020);
    expect(() => parseFiscalYear("令和7年")).toThrow(/年度/);
    expect(() => parseFiscalYear("元年度")).toThrow(/not a year/);
    expect(() => fiscalYearRange(2025.5)).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
    expect(() => closingPeriodRange(0)).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
    expect(() => formatFiscalYear(-1)).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
  });
});

describe("yearOfFiscalMonth", () => {
  it("puts April–December in the starting year and January–March in the next", () => {
    expect(yearOfFiscalMonth(2025, 4)).toBe(2025);
    expect(yearOfFiscalMonth(2025, 12)).toBe(2025);
    expect(yearOfFiscalMonth(2025, 1)).toBe(2026);
    expect(yearOfFiscalMonth(2025, 3)).toBe(2026);
  });

  it("agrees with fiscalYearOf for every month", () => {
    for (let month = 1; month <= 12; month++) {
      const year = yearOfFiscalMonth(2026, month);
      expect(fiscalYearOf(`${year}-${String(month).padStart(2, "0")}-15`)).toBe(2026);
    }
  });

  it("refuses a month outside 1–12", () => {
    expect(() => yearOfFiscalMonth(2025, 13)).toThrow(/not a month/);
  });
});
