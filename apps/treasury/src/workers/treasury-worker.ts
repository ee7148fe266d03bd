// Worker-thread entry of the treasury pool: CSV parsing and document generation, off the event loop.
import { packResult, runTreasuryTask, type TreasuryTask, type TreasuryTaskResult } from "./treasury-tasks.js";

/** Runs one task in a worker thread (see `treasury-tasks.ts`); parsed notices travel packed. */
export default async function run(task: TreasuryTask): Promise<TreasuryTaskResult> {
  return packResult(await runTreasuryTask(task));
}
