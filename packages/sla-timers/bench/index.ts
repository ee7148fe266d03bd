// Timer evaluation throughput: 1,000,000 short histories through a compiled policy, then tinybench
// comparisons with the convenience API and with calendar-jp's luxon-based business-time functions.
import { addBusinessMinutes, wardCalendar } from "@ward/calendar-jp";
import { Bench } from "tinybench";
import { compileSlaPolicy, computeTimers, type SlaPolicyInput, type TimerEventRecord } from "../src/index.js";

const ward = wardCalendar({ id: "ward" });
const calendars = { ward };
const goals: SlaPolicyInput["goals"] = [
  { metric: "first-response", amount: 2, unit: "business-days", stop: ["responded", "resolved"] },
  { metric: "answer", amount: 3, unit: "business-days", stop: ["resolved"] },
];
const dayPolicy: SlaPolicyInput = { id: "day", calendar: "ward", counting: { model: "day-based" }, goals };
const hourPolicy: SlaPolicyInput = { id: "hour", calendar: "ward", counting: { model: "hour-based" }, goals };

// 1,000 distinct short histories (1–5 events) spread over 2025, times in epoch ms.
const base = Date.parse("2025-01-01T00:00:00+09:00");
let seed = 42;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};
const shapes = [
  ["created"],
  ["created", "responded"],
  ["created", "paused", "resumed"],
  ["created", "responded", "resolved"],
  ["created", "paused", "resumed", "responded", "resolved"],
];
const histories: TimerEventRecord[][] = [];
for (let i = 0; i < 1000; i++) {
  const shape = shapes[i % shapes.length] ?? ["created"];
  let t = base + Math.floor(random() * 365 * 24 * 60) * 60_000;
  histories.push(
    shape.map((type) => {
      const event = { type, at: t };
      t += Math.floor(random() * 3 * 24 * 60) * 60_000;
      return event;
    }),
  );
}
const now = Date.parse("2026-01-15T12:00:00+09:00");
// The same histories as a web form or a database sends them: ISO strings with the Tokyo offset.
const isoOf = (ms: number): string => `${new Date(ms + 9 * 3_600_000).toISOString().slice(0, 19)}+09:00`;
const isoHistories: TimerEventRecord[][] = histories.map((events) =>
  events.map((event) => ({ type: event.type, at: isoOf(event.at as number) })),
);
const isoNow = isoOf(now);
// Issue 21: at least a million evaluations a second through the public API with ISO strings.
const ISO_GOAL = 1_000_000;

function throughput(
  name: string,
  policy: SlaPolicyInput,
  source: TimerEventRecord[][],
  nowInput: number | string,
): number {
  const compiled = compileSlaPolicy(policy, calendars);
  let sink = 0;
  for (let i = 0; i < 20_000; i++)
    sink += compiled.evaluate(source[i % 1000] as TimerEventRecord[], nowInput).length;
  const count = 1_000_000;
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const states = compiled.evaluate(source[i % 1000] as TimerEventRecord[], nowInput);
    sink += states[0]?.dueAt ?? 0;
  }
  const seconds = (performance.now() - started) / 1000;
  const rate = count / seconds;
  console.log(
    `${name}: ${count.toLocaleString("en")} timer evaluations (2 goals each) in ${seconds.toFixed(3)} s = ${Math.round(rate).toLocaleString("en")} evaluations/s${sink === 0 ? "" : ""}`,
  );
  return rate;
}

throughput("day-based  compiled, epoch ms", dayPolicy, histories, now);
throughput("hour-based compiled, epoch ms", hourPolicy, histories, now);
const isoRates = [
  throughput("day-based  compiled, ISO strings", dayPolicy, isoHistories, isoNow),
  throughput("hour-based compiled, ISO strings", hourPolicy, isoHistories, isoNow),
];
const slowest = Math.min(...isoRates);
console.log(
  `ISO-string path: ${Math.round(slowest).toLocaleString("en")} evaluations/s at the slowest (goal ≥ ${ISO_GOAL.toLocaleString("en")}) ${slowest >= ISO_GOAL ? "ok" : "BELOW GOAL"}`,
);

const compiledHour = compileSlaPolicy(hourPolicy, calendars);
const created = "2025-12-26T16:30:00+09:00";
const bench = new Bench({ time: 500 });
let k = 0;
bench
  .add("compiled evaluate (epoch ms events)", () => {
    compiledHour.evaluate(histories[k++ % 1000] as TimerEventRecord[], now);
  })
  .add("computeTimers (zod parse + luxon results)", () => {
    computeTimers({
      policy: hourPolicy,
      calendars,
      events: [{ type: "created", at: created }],
      now: created,
    });
  })
  .add("calendar-jp addBusinessMinutes (one due instant, luxon)", () => {
    addBusinessMinutes(ward, created, 16 * 60);
  });
await bench.run();
console.table(bench.table());
