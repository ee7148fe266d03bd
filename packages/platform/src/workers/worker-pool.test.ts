import { afterAll, describe, expect, it } from "vitest";
import { isPlatformError } from "../errors.js";
import type { TestTask } from "./fixtures/test-worker.js";
import { createWorkerPool } from "./worker-pool.js";

const entry = new URL("./fixtures/test-worker.ts", import.meta.url);

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection");
}

describe("createWorkerPool", () => {
  const pool = createWorkerPool<TestTask, string>({
    entry,
    name: "test",
    threads: 1,
    maxQueue: 2,
    heapMb: 64,
    timeoutMs: 10_000,
  });
  afterAll(() => pool.close());

  it("runs a TypeScript worker that imports a workspace package through the source condition", async () => {
    expect(await pool.run({ kind: "echo", value: "\uFEFF住民票" })).toBe("住民票");
  });

  it("terminates a worker that passes its deadline and keeps serving", async () => {
    const before = pool.stats().terminated;
    const started = performance.now();
    const error = await failure(pool.run({ kind: "spin" }, { timeoutMs: 300 }));
    expect(isPlatformError(error, "WORK_TIMEOUT")).toBe(true);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(pool.stats().terminated).toBe(before + 1);
    expect(await pool.run({ kind: "echo", value: "次" })).toBe("次");
  });

  it("stops a worker that exceeds its heap limit", async () => {
    const error = await failure(pool.run({ kind: "allocate" }));
    expect(isPlatformError(error, "WORK_OUT_OF_MEMORY")).toBe(true);
    expect(await pool.run({ kind: "echo", value: "回復" })).toBe("回復");
  });

  it("refuses work with SERVER_BUSY (503) when the queue is full", async () => {
    await pool.run({ kind: "echo", value: "warm" });
    const running = pool.run({ kind: "sleep", ms: 400 });
    const queued = [pool.run({ kind: "sleep", ms: 1 }), pool.run({ kind: "sleep", ms: 1 })];
    const error = await failure(pool.run({ kind: "sleep", ms: 1 }));
    expect(isPlatformError(error, "SERVER_BUSY")).toBe(true);
    expect(isPlatformError(error) && error.status).toBe(503);
    expect(await Promise.all([running, ...queued])).toEqual(["slept", "slept", "slept"]);
    expect(pool.stats().refused).toBe(1);
  });

  it("passes a task's own error through and reports a worker that exits as WORK_CRASHED", async () => {
    const thrown = await failure(pool.run({ kind: "throw" }));
    expect(thrown).toBeInstanceOf(Error);
    expect((thrown as Error).message).toContain("failed on purpose");
    const exited = await failure(pool.run({ kind: "exit" }));
    expect(isPlatformError(exited, "WORK_CRASHED")).toBe(true);
  });

  it("cancels with the caller's signal", async () => {
    const controller = new AbortController();
    const running = pool.run({ kind: "spin" }, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error("client went away")), 100);
    expect(((await failure(running)) as Error).message).toBe("client went away");
  });
});
