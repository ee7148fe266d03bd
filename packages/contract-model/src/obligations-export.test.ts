import ICAL from "ical.js";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { monthRange, obligations } from "./obligations.js";
import { obligationsToCsv, obligationsToCsvBytes } from "./obligations-csv.js";
import { obligationsToICalendar } from "./obligations-ics.js";
import { meguroNursery2026, nerimaTreasury2025 } from "./seed-contracts.js";

const may = obligations(meguroNursery2026, { range: monthRange("2026-05") });

describe("obligationsToCsv", () => {
  it("writes a Japanese header, CRLF rows and RFC 4180 quoting", () => {
    const csv = obligationsToCsv(may);
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe(
      "期限日,曜日,時刻,状態,区分,件名,期限の定め,計算方法,対象期間,起点,閉庁日による移動前の日,根拠",
    );
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(csv.replaceAll("\r\n", "")).not.toMatch(/[\r\n](?![^"]*"(?:,|$))/);
    expect(lines).toContain(
      "2026-05-15,金,,期限あり,月次報告,業務記録報告書,翌月15日（閉庁日の場合、翌開庁日）まで,翌月15日（閉庁日の場合は翌開庁日）,2026-04-01～2026-04-30,,,seed 003 5-E-(4)",
    );
    expect(lines.length).toBe(may.length + 2);
  });

  it("quotes commas and quotes, and defuses formula-like cells", () => {
    const [first] = may;
    if (first === undefined) throw new Error("no obligations");
    const csv = obligationsToCsv([{ ...first, title: '報告, "月次"', dueText: "=1+1" }]);
    expect(csv).toContain('"報告, ""月次"""');
    expect(csv).toContain(",'=1+1,");
  });
});

describe("obligationsToCsvBytes", () => {
  it("starts UTF-8 files with a BOM", () => {
    const bytes = obligationsToCsvBytes(may);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.subarray(3))).toBe(obligationsToCsv(may));
  });

  it("encodes Shift_JIS that decodes back to the same text", () => {
    const bytes = obligationsToCsvBytes(may, { encoding: "shift_jis" });
    expect(bytes[0]).not.toBe(0xef);
    // 期 is 0x8A 0xFA in Shift_JIS.
    expect([...bytes.subarray(0, 2)]).toEqual([0x8a, 0xfa]);
    expect(iconv.decode(Buffer.from(bytes), "Shift_JIS")).toBe(obligationsToCsv(may));
    const all = obligations(nerimaTreasury2025, { range: monthRange("2025-12") });
    expect(
      iconv.decode(Buffer.from(obligationsToCsvBytes(all, { encoding: "shift_jis" })), "Shift_JIS"),
    ).toBe(obligationsToCsv(all));
  });

  it("maps a wave dash to its Shift_JIS look-alike and rejects what has none", () => {
    const [first] = may;
    if (first === undefined) throw new Error("no obligations");
    const wave = obligationsToCsvBytes([{ ...first, title: "9〜11月" }], { encoding: "shift_jis" });
    expect(iconv.decode(Buffer.from(wave), "Shift_JIS")).toContain("9～11月");
    expect(() => obligationsToCsvBytes([{ ...first, title: "報告😀" }], { encoding: "shift_jis" })).toThrow(
      /UNENCODABLE_TEXT|U\+1F600/,
    );
  });
});

describe("obligationsToICalendar", () => {
  it("exports dated obligations that ical.js reads back", () => {
    const ics = obligationsToICalendar(may, { name: meguroNursery2026.title, now: "2026-04-01T00:00:00Z" });
    expect(ics.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    const calendar = new ICAL.Component(ICAL.parse(ics));
    const events = calendar.getAllSubcomponents("vevent").map((e) => new ICAL.Event(e));
    expect(events.length).toBe(may.filter((o) => o.status === "dated").length);
    const report = events.find((e) => e.summary === "業務記録報告書");
    expect(report?.startDate.toString()).toBe("2026-05-15");
    expect(report?.startDate.isDate).toBe(true);
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);
    expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe("保育所運営費等事務業務委託");
  });

  it("gives timed duties their time in Asia/Tokyo and stable UIDs", () => {
    const day = obligations(nerimaTreasury2025, {
      range: { from: "2025-07-01", to: "2025-07-01" },
      includeUndated: false,
    });
    const first = obligationsToICalendar(day, { now: "2025-07-01T00:00:00Z" });
    expect(first).toBe(obligationsToICalendar(day, { now: "2025-07-01T00:00:00Z" }));
    expect(first).toContain("DTSTART;TZID=Asia/Tokyo:20250701T170000");
  });
});
