import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import type { Deadline } from "./deadline-rules.js";
import { SlaTimersError } from "./errors.js";
import { deadlineToICalendarEntry, foldLine, toICalendar } from "./ical.js";

const now = "2025-04-01T00:00:00Z";
const deadline = (extra: Partial<Deadline>): Deadline => ({
  kind: "date",
  date: "2026-03-31",
  calendarId: "ward",
  calendarVersion: "v1",
  ...extra,
});

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
  return calendar;
}

const octets = (line: string) => new TextEncoder().encode(line).length;

describe("toICalendar", () => {
  it("writes CRLF lines of at most 75 octets that an independent parser reads back, Japanese included", () => {
    const long = "契約終了後30日以内に消去証明書を提出すること。".repeat(6);
    const text = toICalendar(
      [
        { summary: long, date: "2026-04-30", description: "line one\nline two; a, b \\ c" },
        deadline({ title: "業務記録報告書", date: "2026-01-15", ruleId: "report" }),
      ],
      { now, name: "練馬区 期限" },
    );
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const lines = text.split("\r\n").slice(0, -1);
    for (const line of lines) expect(octets(line)).toBeLessThanOrEqual(75);
    expect(lines.some((line) => line.startsWith(" "))).toBe(true);
    expect(text).not.toContain("\uFFFD");

    const events = parse(text).getAllSubcomponents("vevent");
    expect(events).toHaveLength(2);
    const [first, second] = events.map((e) => new ICAL.Event(e));
    expect(first?.summary).toBe(long);
    expect(first?.description).toBe("line one\nline two; a, b \\ c");
    expect(first?.startDate.isDate).toBe(true);
    expect(first?.startDate.toString()).toBe("2026-04-30");
    expect(first?.endDate.toString()).toBe("2026-05-01");
    expect(second?.summary).toBe("業務記録報告書");
    for (const event of events) {
      expect(event.getFirstPropertyValue("uid")).toBeTruthy();
      expect(String(event.getFirstPropertyValue("dtstamp"))).toBe("2025-04-01T00:00:00Z");
    }
    expect(text).toContain("DTSTART;VALUE=DATE:20260430\r\n");
  });

  it("writes timed entries with TZID=Asia/Tokyo and a VTIMEZONE, or as UTC", () => {
    const entries = [
      { summary: "一次対応期限", start: "2026-01-06T16:30:00+09:00", end: "2026-01-06T17:00:00+09:00" },
    ];
    const tokyo = toICalendar(entries, { now });
    expect(tokyo).toContain("DTSTART;TZID=Asia/Tokyo:20260106T163000\r\n");
    expect(tokyo).toContain("BEGIN:VTIMEZONE\r\nTZID:Asia/Tokyo");
    const event = new ICAL.Event(parse(tokyo).getFirstSubcomponent("vevent") ?? undefined);
    expect(event.startDate.toJSDate().toISOString()).toBe("2026-01-06T07:30:00.000Z");
    expect(event.endDate.toJSDate().toISOString()).toBe("2026-01-06T08:00:00.000Z");

    const utc = toICalendar(entries, { now, timeZone: "UTC" });
    expect(utc).toContain("DTSTART:20260106T073000Z\r\n");
    expect(utc).not.toContain("VTIMEZONE");
    const utcEvent = new ICAL.Event(parse(utc).getFirstSubcomponent("vevent") ?? undefined);
    expect(utcEvent.startDate.toJSDate().toISOString()).toBe("2026-01-06T07:30:00.000Z");
  });

  it("gives deadlines stable, distinct UIDs and skips undated ones", () => {
    const items = [
      deadline({ kind: "every-open-day", date: "2025-07-01", sequence: 1, time: "09:30", title: "交換便" }),
      deadline({ kind: "every-open-day", date: "2025-07-01", sequence: 2, time: "13:00", title: "交換便" }),
      deadline({ kind: "immediately", date: null, title: "事故報告" }),
    ];
    const a = toICalendar(items, { now });
    expect(toICalendar(items, { now })).toBe(a);
    const events = parse(a).getAllSubcomponents("vevent");
    expect(events).toHaveLength(2);
    const uids = events.map((e) => String(e.getFirstPropertyValue("uid")));
    expect(new Set(uids).size).toBe(2);
    expect(uids.every((uid) => uid.endsWith("@sla-timers.ward"))).toBe(true);
    expect(a).toContain("DTSTART;TZID=Asia/Tokyo:20250701T093000");
  });

  it("rejects entries without a date and instants without an offset", () => {
    expect(() => toICalendar([{ summary: "x" }], { now })).toThrow(SlaTimersError);
    expect(() => toICalendar([{ summary: "x", start: "2026-01-06T16:30:00" }], { now })).toThrow(
      expect.objectContaining({ code: "INVALID_INSTANT" }),
    );
    expect(() => toICalendar([{ summary: "x", date: "2026-02-30" }], { now })).toThrow(
      expect.objectContaining({ code: "INVALID_INSTANT" }),
    );
  });
});

describe("foldLine", () => {
  it("never splits a multi-byte character and keeps short lines intact", () => {
    expect(foldLine("SUMMARY:short")).toBe("SUMMARY:short");
    const folded = foldLine(`SUMMARY:${"あ🎌".repeat(40)}`);
    const pieces = folded.split("\r\n");
    expect(pieces.map((p, i) => (i === 0 ? p : p.slice(1))).join("")).toBe(`SUMMARY:${"あ🎌".repeat(40)}`);
    for (const piece of pieces) expect(octets(piece)).toBeLessThanOrEqual(75);
  });
});

describe("deadlineToICalendarEntry", () => {
  it("makes all-day entries, timed entries for times, and nothing for undated duties", () => {
    expect(deadlineToICalendarEntry(deadline({ title: "完了報告" }))).toMatchObject({
      summary: "完了報告",
      date: "2026-03-31",
    });
    expect(deadlineToICalendarEntry(deadline({ time: "15:30" }))).toMatchObject({
      start: "2026-03-31T15:30:00+09:00",
    });
    expect(deadlineToICalendarEntry(deadline({ date: null }))).toBeUndefined();
  });
});
