import { Bench } from "tinybench";
import { fiscalYearOf } from "../src/index.js";

const bench = new Bench({ time: 500 });
bench.add("fiscalYearOf", () => {
  fiscalYearOf("2026-03-31");
});
await bench.run();
console.table(bench.table());
