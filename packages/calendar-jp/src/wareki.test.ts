import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CalendarError } from "./errors.js";
import { formatEpochDay, parseIsoDay } from "./internal/civil.js";
import { ERAS, formatWareki, parseWareki, toWareki } from "./wareki.js";

describe("formatWareki", () => {
  it.each([
    ["2025-07-01", "令和7年7月1日"],
    ["2019-05-01", "令和元年5月1日"],
    ["2019-04-30", "平成31年4月30日"],
    ["1989-01-08", "平成元年1月8日"],
    ["1989-01-07", "昭和64年1月7日"],
    ["1926-12-25", "昭和元年12月25日"],
    ["1926-12-24", "大正15年12月24日"],
    ["1912-07-30", "大正元年7月30日"],
    ["1912-07-29", "明治45年7月29日"],
    ["1873-01-01", "明治6年1月1日"],
  ])("%s is %s", (date, expected) => {
    expect(formatWareki(date)).toBe(expected);
  });

  it("formats the short, alphabet and kanji styles", () => {
    expect(formatWareki("2025-07-01", { style: "short" })).toBe("R7.7.1");
    expect(formatWareki("2025-07-01", { style: "alphabet" })).toBe("R07.07.01");
    expect(formatWareki("2025-07-01", { style: "kanji" })).toBe("令和七年七月一日");
    expect(formatWareki("2019-05-01", { style: "kanji" })).toBe("令和元年五月一日");
    expect(formatWareki("1988-12-31", { style: "kanji" })).toBe("昭和六十三年十二月三十一日");
  });

  it("reads a Date in Tokyo", () => {
    expect(formatWareki(new Date("2019-04-30T15:00:00Z"))).toBe("令和元年5月1日");
  });

  it("refuses dates before the Gregorian calendar (1873)", () => {
    expect(() => formatWareki("1872-12-31")).toThrow(expect.objectContaining({ code: "OUT_OF_RANGE" }));
  });

  it("splits a date into era parts", () => {
    expect(toWareki("2026-03-31")).toEqual({ era: ERAS[4], year: 8, month: 3, day: 31 });
  });
});

describe("parseWareki", () => {
  it.each([
    ["令和7年7月1日", "2025-07-01"],
    ["令和元年5月1日", "2019-05-01"],
    ["R7.7.1", "2025-07-01"],
    ["R07.07.01", "2025-07-01"],
    ["r7/7/1", "2025-07-01"],
    ["令和七年七月一日", "2025-07-01"],
    ["令和８年３月３１日", "2026-03-31"],
    ["  令和8年3月31日\n", "2026-03-31"],
    ["令和 7 年 7 月 1 日", "2025-07-01"],
    ["㋿7年7月1日", "2025-07-01"],
    ["Ｒ７．７．１", "2025-07-01"],
    ["令7.7.1", "2025-07-01"],
    ["平成31年4月30日", "2019-04-30"],
    ["H31.4.30", "2019-04-30"],
    ["昭和64年1月7日", "1989-01-07"],
    ["昭和六十三年十二月三十一日", "1988-12-31"],
    ["明治6年1月1日", "1873-01-01"],
    ["令和7年7月1日（火）", "2025-07-01"],
    ["令和7年7月1日(火曜日)", "2025-07-01"],
  ])("%j is %s", (text, expected) => {
    expect(parseWareki(text)).toBe(expected);
  });

  it.each([
    ["令和0年1月1日", /元年/],
    ["令和7年2月30日", /no such day/],
    ["平成32年1月1日", /outside the 平成 era/],
    ["平成元年1月7日", /outside the 平成 era/],
    ["令和元年4月30日", /outside the 令和 era/],
    ["明治5年12月31日", /Gregorian/],
    ["令和7年7月1日(水)", /weekday/],
    ["2025年7月1日", /expected/],
    ["令和7年7月", /expected/],
    ["", /expected/],
    ["X7.7.1", /expected/],
    ["R7.7/1", /expected/],
  ])("rejects %j", (text, message) => {
    expect(() => parseWareki(text)).toThrow(message);
    expect(() => parseWareki(text)).toThrow(expect.objectContaining({ code: "INVALID_WAREKI" }));
  });

  it("rolls era years over only in lenient mode", () => {
    expect(parseWareki("平成32年1月1日", { lenient: true })).toBe("2020-01-01");
    expect(parseWareki("令和元年4月30日", { lenient: true })).toBe("2019-04-30");
    expect(() => parseWareki("明治5年1月1日", { lenient: true })).toThrow(CalendarError);
  });

  it("round-trips every style", () => {
    fc.assert(
      fc.property(fc.integer({ min: parseIsoDay("1873-01-01"), max: parseIsoDay("2150-12-31") }), (day) => {
        const date = formatEpochDay(day);
        for (const style of ["long", "short", "alphabet", "kanji"] as const) {
          expect(parseWareki(formatWareki(date, { style }))).toBe(date);
        }
      }),
    );
  });
});

describe("far-future era years", () => {
  it("writes and reads 令和 years past 100 in kanji", () => {
    expect(formatWareki("2118-01-01", { style: "kanji" })).toBe("令和百年一月一日");
    expect(formatWareki("2150-12-31", { style: "kanji" })).toBe("令和百三十二年十二月三十一日");
    expect(parseWareki("令和百三十二年十二月三十一日")).toBe("2150-12-31");
  });
});
