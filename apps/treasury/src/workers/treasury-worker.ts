// Worker-thread entry of the treasury pool: CSV parsing and document generation, off the event loop.
import { runTreasuryTask, type TreasuryTask, type TreasuryTaskResult } from "./treasury-tasks.js";

/** Runs one task in a worker thread (see `treasury-tasks.ts`). */
export default function run(task: TreasuryTask): Promise<TreasuryTaskResult> {
  return runTreasuryTask(task);
}
