import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import {
  addBusinessHours,
  addBusinessMinutes,
  businessMinutesBetween,
  closeOfBusiness,
  isWithinBusinessHours,
  nextBusinessInstant,
  openOfBusiness,
} from "./business-hours.js";
import { nationalCalendar, wardCalendar } from "./calendar.js";
import { TOKYO } from "./date-input.js";
import { CalendarError } from "./errors.js";

const ward = wardCalendar();
const lunch = wardCalendar({
  id: "with-lunch",
  hours: { open: "08:30", close: "17:15", breaks: [{ from: "12:00", to: "13:00" }] },
});
const iso = (value: DateTime): string | null => value.toISO();

describe("business hours", () => {
  it("is within hours from open (inclusive) to close (exclusive) on open days only", () => {
    expect(isWithinBusinessHours(ward, "2025-12-26T09:00:00+09:00")).toBe(true);
    expect(isWithinBusinessHours(ward, "2025-12-26T16:59:00+09:00")).toBe(true);
    expect(isWithinBusinessHours(ward, "2025-12-26T17:00:00+09:00")).toBe(false);
    expect(isWithinBusinessHours(ward, "2025-12-26T08:59:59+09:00")).toBe(false);
    expect(isWithinBusinessHours(ward, "2025-12-29T10:00:00+09:00")).toBe(false);
    expect(isWithinBusinessHours(lunch, "2025-12-26T12:30:00+09:00")).toBe(false);
  });

  it("reads Dates, DateTimes and UTC strings as instants", () => {
    expect(isWithinBusinessHours(ward, new Date("2025-12-26T07:59:00Z"))).toBe(true); // 16:59 JST
    expect(isWithinBusinessHours(ward, new Date("2025-12-26T08:01:00Z"))).toBe(false); // 17:01 JST
    expect(isWithinBusinessHours(ward, DateTime.fromISO("2025-12-26T01:00:00Z"))).toBe(true);
    expect(isWithinBusinessHours(ward, "2025-12-26T10:00:00")).toBe(true); // no offset: Tokyo wall time
  });

  it("counts business minutes across closed days and breaks", () => {
    expect(businessMinutesBetween(ward, "2025-12-26T16:30:00+09:00", "2026-01-05T09:30:00+09:00")).toBe(60);
    expect(businessMinutesBetween(ward, "2026-01-05T09:30:00+09:00", "2025-12-26T16:30:00+09:00")).toBe(-60);
    expect(businessMinutesBetween(lunch, "2026-01-05T11:00:00+09:00", "2026-01-05T14:00:00+09:00")).toBe(120);
    expect(businessMinutesBetween(ward, "2026-01-05T00:00:00+09:00", "2026-01-06T00:00:00+09:00")).toBe(480);
    expect(businessMinutesBetween(ward, "2026-01-05T09:00:30+09:00", "2026-01-05T09:01:00+09:00")).toBe(0.5);
  });

  it("adds business minutes: a request at 16:59 vs 17:01", () => {
    expect(iso(addBusinessMinutes(ward, "2025-12-26T16:59:00+09:00", 60))).toBe(
      "2026-01-05T09:59:00.000+09:00",
    );
    expect(iso(addBusinessMinutes(ward, "2025-12-26T17:01:00+09:00", 60))).toBe(
      "2026-01-05T10:00:00.000+09:00",
    );
    expect(iso(addBusinessHours(ward, "2025-12-26T16:00:00+09:00", 2))).toBe("2026-01-05T10:00:00.000+09:00");
  });

  it("lands forward on the earliest boundary instant and backward on the latest", () => {
    expect(iso(addBusinessMinutes(ward, "2025-12-26T16:30:00+09:00", 30))).toBe(
      "2025-12-26T17:00:00.000+09:00",
    );
    expect(iso(addBusinessMinutes(ward, "2026-01-05T09:30:00+09:00", -30))).toBe(
      "2026-01-05T09:00:00.000+09:00",
    );
    expect(iso(addBusinessMinutes(lunch, "2026-01-05T11:00:00+09:00", 60))).toBe(
      "2026-01-05T12:00:00.000+09:00",
    );
    expect(iso(addBusinessMinutes(lunch, "2026-01-05T11:00:00+09:00", 61))).toBe(
      "2026-01-05T13:01:00.000+09:00",
    );
    expect(iso(addBusinessMinutes(ward, "2026-01-05T09:30:00+09:00", -60))).toBe(
      "2025-12-26T16:30:00.000+09:00",
    );
    expect(iso(addBusinessMinutes(ward, "2025-12-27T12:00:00+09:00", 0))).toBe(
      "2025-12-27T12:00:00.000+09:00",
    );
  });

  it("returns DateTimes in Asia/Tokyo", () => {
    expect(addBusinessMinutes(ward, new Date("2026-01-05T00:00:00Z"), 1).zoneName).toBe(TOKYO);
  });

  it("round-trips minutes added and counted", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1960, 0, 1), max: Date.UTC(2140, 0, 1) }),
        fc.integer({ min: -100_000, max: 100_000 }).filter((m) => m !== 0),
        (ms, minutes) => {
          const from = new Date(Math.floor(ms / 60_000) * 60_000);
          const to = addBusinessMinutes(lunch, from, minutes);
          expect(businessMinutesBetween(lunch, from, to)).toBe(minutes);
        },
      ),
    );
  });

  it("finds the next business instant", () => {
    expect(iso(nextBusinessInstant(ward, "2025-12-26T17:01:00+09:00"))).toBe("2026-01-05T09:00:00.000+09:00");
    expect(iso(nextBusinessInstant(ward, "2025-12-26T08:00:00+09:00"))).toBe("2025-12-26T09:00:00.000+09:00");
    expect(iso(nextBusinessInstant(ward, "2025-12-26T10:15:00+09:00"))).toBe("2025-12-26T10:15:00.000+09:00");
    expect(iso(nextBusinessInstant(lunch, "2025-12-26T12:10:00+09:00"))).toBe(
      "2025-12-26T13:00:00.000+09:00",
    );
  });

  it("gives opening and closing instants of a date", () => {
    expect(iso(closeOfBusiness(ward, "2025-12-26"))).toBe("2025-12-26T17:00:00.000+09:00");
    expect(iso(openOfBusiness(nationalCalendar(), "2025-12-26"))).toBe("2025-12-26T08:30:00.000+09:00");
    expect(iso(closeOfBusiness(nationalCalendar(), { year: 2025, month: 12, day: 26 }))).toBe(
      "2025-12-26T17:15:00.000+09:00",
    );
  });

  it("rejects invalid instants and amounts", () => {
    expect(() => isWithinBusinessHours(ward, "yesterday")).toThrow(
      expect.objectContaining({ code: "INVALID_INSTANT" }),
    );
    expect(() => businessMinutesBetween(ward, new Date(Number.NaN), new Date())).toThrow(CalendarError);
    expect(() => addBusinessMinutes(ward, "2025-12-26T10:00:00+09:00", Number.POSITIVE_INFINITY)).toThrow(
      expect.objectContaining({ code: "INVALID_ARGUMENT" }),
    );
    expect(() => addBusinessMinutes(ward, "1900-01-02T10:00:00+09:00", -1_000_000)).toThrow(
      expect.objectContaining({ code: "OUT_OF_RANGE" }),
    );
  });
});
