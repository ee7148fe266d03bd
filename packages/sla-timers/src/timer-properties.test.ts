import {
  addBusinessMinutes,
  addOpenDays,
  businessMinutesBetween,
  isOpenDay,
  nextOpenDay,
  toIsoDate,
  wardCalendar,
} from "@ward/calendar-jp";
import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { compileSlaPolicy } from "./compile-sla-policy.js";

const ward = wardCalendar({ id: "ward" });
const MIN = 60_000;
const start = Date.parse("2025-01-01T00:00:00+09:00");
// Any minute in 2025–2027, including nights, weekends and the year-end closure.
const instant = fc.integer({ min: 0, max: 3 * 366 * 24 * 60 }).map((m) => start + m * MIN);
const amount = fc.integer({ min: 1, max: 12 });

const compile = (model: "day-based" | "hour-based", unit: "business-days" | "business-hours", n: number) =>
  compileSlaPolicy(
    {
      id: `p-${model}-${unit}-${n}`,
      calendar: "ward",
      counting: { model },
      goals: [{ metric: "m", amount: n, unit, stop: ["responded"] }],
    },
    { ward },
  );
const tokyo = (ms: number) => DateTime.fromMillis(ms, { zone: "Asia/Tokyo" });
const dueOf = (policy: ReturnType<typeof compile>, events: { type: string; at: number }[]) =>
  policy.evaluate(events, events[events.length - 1]?.at ?? 0)[0]?.dueAt ?? Number.NaN;
const minuteOfDay = (ms: number) => tokyo(ms).hour * 60 + tokyo(ms).minute;

describe("timer properties", () => {
  it("a deadline never falls in closed time (both models)", () => {
    fc.assert(
      fc.property(
        instant,
        amount,
        fc.constantFrom("day-based", "hour-based") as fc.Arbitrary<"day-based" | "hour-based">,
        (at, n, model) => {
          const due = dueOf(compile(model, "business-days", n), [{ type: "created", at }]);
          expect(isOpenDay(ward, tokyo(due))).toBe(true);
          const m = minuteOfDay(due);
          expect(m > 9 * 60 && m <= 17 * 60).toBe(true);
          if (model === "day-based") expect(m).toBe(17 * 60);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("hour-based agrees with calendar-jp's addBusinessMinutes", () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 40 }), (at, hours) => {
        const due = dueOf(compile("hour-based", "business-hours", hours), [{ type: "created", at }]);
        const reference = addBusinessMinutes(ward, new Date(at), hours * 60).toMillis();
        // calendar-jp may place a deadline that ends exactly at close on the next opening instead.
        const same = due === reference || (minuteOfDay(due) === 17 * 60 && minuteOfDay(reference) === 9 * 60);
        expect(same, `${tokyo(due).toISO()} vs ${tokyo(reference).toISO()}`).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("day-based is the N-th open day after the day of receipt (after-hours → next open day)", () => {
    fc.assert(
      fc.property(instant, amount, (at, n) => {
        const due = dueOf(compile("day-based", "business-days", n), [{ type: "created", at }]);
        const date = toIsoDate(tokyo(at));
        const received = isOpenDay(ward, date) && minuteOfDay(at) < 17 * 60 ? date : nextOpenDay(ward, date);
        expect(toIsoDate(tokyo(due))).toBe(addOpenDays(ward, received, n));
      }),
      { numRuns: 300 },
    );
  });

  it("pausing never shortens a deadline, and hour-based moves by exactly the business time paused", () => {
    const pauses = fc.array(
      fc.tuple(fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: 1, max: 6_000 })),
      {
        maxLength: 4,
      },
    );
    fc.assert(
      fc.property(
        instant,
        amount,
        pauses,
        fc.constantFrom("day-based", "hour-based") as fc.Arbitrary<"day-based" | "hour-based">,
        (at, n, gaps, model) => {
          const policy = compile(model, "business-days", n);
          const plain = dueOf(policy, [{ type: "created", at }]);
          const events = [{ type: "created", at }];
          let t = at;
          for (const [wait, length] of gaps) {
            t += wait * MIN;
            events.push({ type: "paused", at: t });
            t += length * MIN;
            events.push({ type: "resumed", at: t });
          }
          const [state] = policy.evaluate(events, t);
          const paused = state?.dueAt ?? Number.NaN;
          expect(paused).toBeGreaterThanOrEqual(plain);
          if (model === "hour-based" && state?.breachedAt === null) {
            // Measured independently: business time to the new deadline = goal + business time paused.
            let pausedMinutes = 0;
            for (let i = 1; i < events.length; i += 2) {
              pausedMinutes += businessMinutesBetween(
                ward,
                new Date(events[i]?.at ?? 0),
                new Date(events[i + 1]?.at ?? 0),
              );
            }
            expect(businessMinutesBetween(ward, new Date(at), new Date(paused))).toBe(
              n * 8 * 60 + pausedMinutes,
            );
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
