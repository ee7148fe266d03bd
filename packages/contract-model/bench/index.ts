// Obligation calendars: a month and a whole fiscal year per seed contract, building a contract from its
// source, and the CSV / Shift_JIS / .ics exports of a year (seed 000: ~1,600 dated obligations).
import { Bench } from "tinybench";
import {
  buildContract,
  meguroNursery2026,
  monthRange,
  nerimaTreasury2025,
  nerimaTreasury2025Source,
  obligations,
  obligationsToCsv,
  obligationsToCsvBytes,
  obligationsToICalendar,
  workload,
} from "../src/index.js";

const year = obligations(nerimaTreasury2025, { range: { from: "2025-07-01", to: "2026-04-30" } });
console.log(`seed 000 over its period: ${year.length} obligations`);

const bench = new Bench({ time: 500 });
bench
  .add("obligations: seed 003, one month", () => {
    obligations(meguroNursery2026, { range: monthRange("2026-05") });
  })
  .add("obligations: seed 000, whole period", () => {
    obligations(nerimaTreasury2025, { range: { from: "2025-07-01", to: "2026-04-30" } });
  })
  .add("buildContract: seed 000 source (zod + checks)", () => {
    buildContract(nerimaTreasury2025Source);
  })
  .add("workload: seed 000", () => {
    workload(nerimaTreasury2025);
  })
  .add("CSV text (year)", () => {
    obligationsToCsv(year);
  })
  .add("CSV UTF-8 + BOM bytes (year)", () => {
    obligationsToCsvBytes(year);
  })
  .add("CSV Shift_JIS bytes (year)", () => {
    obligationsToCsvBytes(year, { encoding: "shift_jis" });
  })
  .add(".ics (year)", () => {
    obligationsToICalendar(year, { now: 0 });
  });

await bench.run();
console.table(
  bench.tasks.map((task) => ({
    task: task.name,
    "ops/s": Math.round(task.result && "throughput" in task.result ? task.result.throughput.mean : 0),
  })),
);
