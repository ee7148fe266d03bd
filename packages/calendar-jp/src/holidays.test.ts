import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CalendarError } from "./errors.js";
import { OFFICIAL_THROUGH_YEAR } from "./holiday-table.js";
import { holidayOn, holidaysBetween, isHoliday } from "./holidays.js";
import { formatEpochDay, parseIsoDay } from "./internal/civil.js";
import { autumnalEquinoxDay, vernalEquinoxDay } from "./internal/equinox.js";

function readOfficialCsv(): Map<string, string> {
  const bytes = readFileSync(new URL("./fixtures/syukujitsu.csv", import.meta.url));
  const text = new TextDecoder("shift_jis").decode(bytes);
  const rows = new Map<string, string>();
  for (const line of text.split(/\r?\n/).slice(1)) {
    if (line.trim() === "") continue;
    const [date = "", name = ""] = line.split(",");
    const [y, m, d] = date.split("/").map(Number);
    rows.set(`${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`, name);
  }
  return rows;
}

describe("the Cabinet Office list (syukujitsu.csv)", () => {
  const official = readOfficialCsv();
  const dates = [...official.keys()].sort();
  const last = dates[dates.length - 1] as string;

  it("decodes from Shift_JIS and runs from 1955 to the last announced year", () => {
    expect(official.get("1955-01-01")).toBe("元日");
    expect(last.slice(0, 4)).toBe(String(OFFICIAL_THROUGH_YEAR));
  });

  it("agrees with the library on every day from 1955-01-01 to its last row, holiday or not", () => {
    const mismatches: string[] = [];
    let days = 0;
    for (let day = parseIsoDay("1955-01-01"); day <= parseIsoDay(last); day++) {
      const iso = formatEpochDay(day);
      days++;
      if (isHoliday(iso) !== official.has(iso)) mismatches.push(iso);
    }
    expect(days).toBeGreaterThan(26_000);
    expect(mismatches).toEqual([]);
  });

  it("names every 祝日 as the list does (振替休日 and 国民の休日 are both 休日 there)", () => {
    const renamed: Record<string, string> = {
      結婚の儀: "special",
      大喪の礼: "special",
      即位礼正殿の儀: "special",
      "休日（祝日扱い）": "special",
      休日: "rest",
    };
    for (const [date, name] of official) {
      const holiday = holidayOn(date);
      const kind = renamed[name];
      if (kind === "rest") expect(["substitute", "citizens"], date).toContain(holiday?.kind);
      else if (kind === "special") expect(holiday?.kind, date).toBe("special");
      // 2019-10-14 is listed as 「体育の日（スポーツの日）」: the law renamed the day from 2020.
      else expect(holiday?.name, date).toBe(name.replace("（スポーツの日）", ""));
    }
  });

  it("matches the equinox formula on every official equinox day", () => {
    for (const [date, name] of official) {
      const year = Number(date.slice(0, 4));
      const day = Number(date.slice(8, 10));
      if (name === "春分の日") expect(vernalEquinoxDay(year), date).toBe(day);
      if (name === "秋分の日") expect(autumnalEquinoxDay(year), date).toBe(day);
    }
  });
});

describe("dates peer libraries get wrong", () => {
  it.each([
    ["1973-02-12", undefined],
    ["1973-04-30", "substitute"],
    ["1987-05-04", "substitute"],
    ["1988-05-04", "citizens"],
    ["2008-05-06", "substitute"],
    ["2019-02-23", undefined],
    ["2019-12-23", undefined],
    ["2019-10-21", undefined],
    ["2019-10-22", "special"],
    ["2019-04-30", "citizens"],
    ["2019-05-01", "special"],
    ["2019-05-02", "citizens"],
    ["2032-09-21", "citizens"],
    ["2049-09-21", "citizens"],
    ["1986-05-04", undefined],
  ])("%s is %s", (date, kind) => {
    expect(holidayOn(date)?.kind).toBe(kind);
  });

  it("follows the Olympic moves of 2020 and 2021", () => {
    const summer = (year: number) =>
      holidaysBetween(`${year}-07-01`, `${year}-10-31`).map((h) => `${h.date} ${h.name}`);
    expect(summer(2020)).toEqual([
      "2020-07-23 海の日",
      "2020-07-24 スポーツの日",
      "2020-08-10 山の日",
      "2020-09-21 敬老の日",
      "2020-09-22 秋分の日",
    ]);
    expect(summer(2021)).toEqual([
      "2021-07-22 海の日",
      "2021-07-23 スポーツの日",
      "2021-08-08 山の日",
      "2021-08-09 振替休日",
      "2021-09-20 敬老の日",
      "2021-09-23 秋分の日",
    ]);
    expect(isHoliday("2021-07-19")).toBe(false);
    expect(isHoliday("2021-08-11")).toBe(false);
    expect(isHoliday("2021-10-11")).toBe(false);
  });
});

describe("holidays under every amendment", () => {
  it("starts with the law on 1948-07-20: the first holiday is 秋分の日 1948-09-23", () => {
    expect(holidaysBetween("1900-01-01", "1948-12-31").map((h) => h.date)).toEqual([
      "1948-09-23",
      "1948-11-03",
      "1948-11-23",
    ]);
    expect(isHoliday("1948-05-05")).toBe(false);
    expect(holidayOn("1947-01-01")).toBeUndefined();
  });

  it.each([
    ["1966-09-15", "敬老の日"],
    ["1966-10-10", "体育の日"],
    ["1967-02-11", "建国記念の日"],
    ["1989-04-29", "みどりの日"],
    ["1989-12-23", "天皇誕生日"],
    ["1996-07-20", "海の日"],
    ["2000-01-10", "成人の日"],
    ["2003-09-15", "敬老の日"],
    ["2007-04-29", "昭和の日"],
    ["2007-05-04", "みどりの日"],
    ["2016-08-11", "山の日"],
    ["2020-02-23", "天皇誕生日"],
    ["2020-07-24", "スポーツの日"],
    ["1959-04-10", "皇太子明仁親王の結婚の儀"],
    ["1989-02-24", "昭和天皇の大喪の礼"],
    ["1990-11-12", "即位礼正殿の儀"],
    ["1993-06-09", "皇太子徳仁親王の結婚の儀"],
  ])("%s is %s", (date, name) => {
    expect(holidayOn(date)?.name).toBe(name);
  });

  it("gives English names and kinds", () => {
    expect(holidayOn("2026-05-06")).toEqual({
      date: "2026-05-06",
      name: "振替休日",
      nameEn: "Substitute Holiday",
      kind: "substitute",
      provisional: false,
    });
    expect(holidayOn("2025-01-01")?.nameEn).toBe("New Year's Day");
  });

  it("marks holidays after the last announced year as provisional", () => {
    expect(holidayOn(`${OFFICIAL_THROUGH_YEAR}-03-21`)?.provisional).toBe(false);
    expect(holidayOn(`${OFFICIAL_THROUGH_YEAR + 1}-01-01`)?.provisional).toBe(true);
  });

  it("computes far-future equinoxes with the 2100–2150 constants", () => {
    expect(holidayOn("2150-03-21")?.name).toBe("春分の日");
    expect(holidaysBetween("2150-01-01", "2150-12-31").length).toBeGreaterThan(15);
  });

  it("reads a Date in Tokyo: JST midnight on New Year's Day is a holiday on any host", () => {
    expect(isHoliday(new Date("2024-12-31T15:00:00Z"))).toBe(true);
    expect(isHoliday(new Date("2024-12-31T14:59:59Z"))).toBe(false);
  });

  it("returns nothing for a reversed range and rejects dates past 2150", () => {
    expect(holidaysBetween("2025-12-31", "2025-01-01")).toEqual([]);
    expect(() => isHoliday("2151-01-01")).toThrow(CalendarError);
    expect(() => holidayOn("2151-01-01")).toThrow(/2150/);
    expect(() => holidaysBetween("2150-01-01", "2151-01-01")).toThrow(CalendarError);
    expect(() => isHoliday("2025-02-30")).toThrow(expect.objectContaining({ code: "INVALID_DATE" }));
  });
});

describe("supported range (README: Dates)", () => {
  it("knows holidays up to 2150-12-31, none before 1948-07-20, and refuses later dates", async () => {
    const { isOpenDay } = await import("./open-days.js");
    const { wardCalendar } = await import("./calendar.js");
    expect(isHoliday("2150-01-01")).toBe(true);
    expect(isHoliday("1900-01-01")).toBe(false);
    expect(() => isHoliday("2151-01-01")).toThrow(expect.objectContaining({ code: "OUT_OF_RANGE" }));
    expect(isOpenDay(wardCalendar(), "1900-01-04")).toBe(true);
    expect(isOpenDay(wardCalendar(), "2150-12-28")).toBe(true);
    expect(() => isOpenDay(wardCalendar(), "1899-12-31")).toThrow(
      expect.objectContaining({ code: "OUT_OF_RANGE" }),
    );
    expect(() => isOpenDay(wardCalendar(), "2151-01-01")).toThrow(
      expect.objectContaining({ code: "OUT_OF_RANGE" }),
    );
  });
});
