import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { wardCalendar } from "../calendar.js";
import { calendarPolicySchema } from "../calendar-policy.js";
import { policyIssue } from "./policy-check.js";

const monthDay = fc.constantFrom("12-29", "01-03", "02-29", "06-23", "13-01", "02-30", "1-03", "00-10", 1203);
const isoDate = fc.constantFrom("2025-03-30", "2024-02-29", "2025-02-29", "2025-3-30", "", null);
const time = fc.constantFrom("08:30", "09:00", "12:00", "13:00", "17:15", "24:00", "24:30", "9:00", "25:00");
const name = fc.constantFrom("慰霊の日", "", undefined, 3);
const dated = (date: fc.Arbitrary<unknown>) => fc.record({ date, name }, { requiredKeys: ["date"] });
const policy = fc.record(
  {
    id: fc.constantFrom("ward", "", 7),
    name: fc.constantFrom("練馬区", 1),
    closedWeekdays: fc.array(fc.constantFrom(0, 1, 5, 6, 7, 8, 6.5), { maxLength: 3 }),
    nationalHolidays: fc.constantFrom(true, false, "yes"),
    yearEnd: fc.option(fc.record({ from: monthDay, to: monthDay }), { nil: null }),
    annualClosures: fc.array(dated(monthDay), { maxLength: 2 }),
    closures: fc.array(dated(isoDate), { maxLength: 2 }),
    openings: fc.array(dated(isoDate), { maxLength: 2 }),
    hours: fc.record(
      {
        open: time,
        close: time,
        breaks: fc.array(fc.record({ from: time, to: time }), { maxLength: 2 }),
      },
      { requiredKeys: ["open", "close"] },
    ),
  },
  { requiredKeys: ["id"] },
);

describe("policyIssue", () => {
  it("accepts exactly the policies calendarPolicySchema accepts (unknown keys aside)", () => {
    fc.assert(
      fc.property(policy, (candidate) => {
        const schemaAccepts = calendarPolicySchema.safeParse(candidate).success;
        expect(policyIssue(candidate as Record<string, unknown>) === undefined).toBe(schemaAccepts);
      }),
      { numRuns: 3000 },
    );
  });

  it("guards wardCalendar's options without zod", () => {
    expect(() => wardCalendar({ yearEnd: { from: "13-01", to: "01-03" } })).toThrow(
      expect.objectContaining({ code: "INVALID_POLICY", message: expect.stringMatching(/yearEnd/) }),
    );
    expect(() => wardCalendar({ hours: { open: "17:00", close: "09:00" } })).toThrow(
      expect.objectContaining({
        code: "INVALID_POLICY",
        message: expect.stringMatching(/close must be after open/),
      }),
    );
    expect(() => wardCalendar({ closures: [{ date: "2025-7-1", name: "x" }] })).toThrow(
      expect.objectContaining({
        code: "INVALID_POLICY",
        message: expect.stringMatching(/closures\.0\.date/),
      }),
    );
  });
});
