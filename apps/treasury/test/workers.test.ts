import { createUser, type Platform, type PlatformEnv, SYSTEM } from "@ward/platform";
import { testClient } from "@ward/platform/testing";
import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatPaymentNoticesCsv, generatePaymentNotices } from "../src/domain/index.js";
import { createTreasuryApp } from "../src/http/treasury-app.js";
import { treasuryDb } from "../src/storage/db.js";
import { createTreasuryWorkers, type TreasuryWorkers } from "../src/workers/treasury-workers.js";
import { memoryPlatform, PGLITE_START_TIMEOUT } from "./support/platform.js";

const PASSWORD = "Ajisai-no-kisetsu-2025";
// A fiscal year of notices (仕様書 第5-1: about 125,000 a year), as a clerk would upload them.
const YEAR = formatPaymentNoticesCsv(generatePaymentNotices({ fiscalYear: 2025, count: 125_000, seed: 20 }));

describe("treasury worker pool", () => {
  let platform: Platform;
  const pools: TreasuryWorkers[] = [];
  const pool = (settings: Parameters<typeof createTreasuryWorkers>[0]) => {
    const workers = createTreasuryWorkers(settings);
    pools.push(workers);
    return workers;
  };
  const clerk = async (app: Hono<PlatformEnv>) => {
    const c = testClient(app);
    expect((await c.loginJson("sato", PASSWORD)).status).toBe(200);
    return c;
  };
  const upload = (c: ReturnType<typeof testClient>, bytes: Uint8Array) => {
    const form = new FormData();
    form.set("_csrf", c.csrf);
    form.set("file", new File([bytes], "nendo.csv"));
    return c.request("/notices/import", {
      method: "POST",
      body: form,
      headers: { origin: "http://localhost" },
    });
  };
  const storedNotices = async () =>
    Number(
      (
        await treasuryDb(platform)
          .selectFrom("treasury_notices")
          .select((eb) => eb.fn.countAll<string>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    platform = await memoryPlatform();
    await createUser(platform, SYSTEM, {
      loginId: "sato",
      displayName: "佐藤 花子",
      role: "staff",
      departmentId: null,
      password: PASSWORD,
    });
  }, PGLITE_START_TIMEOUT);
  afterAll(async () => {
    await Promise.all(pools.map((p) => p.close()));
    await platform.close();
  });

  it("keeps answering /health while 125,000 notices are parsed", async () => {
    const workers = pool({});
    const app = createTreasuryApp(platform, { workers, today: () => "2026-06-30" });
    await workers.run({ op: "parse-orders", bytes: new Uint8Array() }); // the thread is started
    let parsing = true;
    const parsed = workers.run({ op: "parse-notices", bytes: YEAR, fiscalYear: 2025 }).finally(() => {
      parsing = false;
    });
    const latencies: number[] = [];
    while (parsing) {
      const started = performance.now();
      const health = await app.request("/health");
      expect(health.status).toBe(200);
      if (parsing) latencies.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const result = await parsed;
    expect(result.ok && result.notices.length).toBe(125_000);
    // Parsed on the event loop, not one /health would be answered before the parse ends.
    expect(latencies.length).toBeGreaterThanOrEqual(5);
    expect(Math.max(...latencies)).toBeLessThan(1_000);
  }, 60_000);

  it("answers a task past its deadline with the Japanese message and stores nothing", async () => {
    const app = createTreasuryApp(platform, { workers: pool({ timeoutMs: 50 }), today: () => "2026-06-30" });
    const c = await clerk(app);
    const response = await upload(c, YEAR);
    expect(response.status).toBe(422);
    expect(await response.text()).toContain("処理が制限時間内に終わらなかったため中止しました");
    expect(await storedNotices()).toBe(0);
  }, 60_000);

  it("answers 503 in Japanese when the queue is full, instead of queueing without bound", async () => {
    const workers = pool({ threads: 1, maxQueue: 0 });
    const app = createTreasuryApp(platform, { workers, today: () => "2026-06-30" });
    const c = await clerk(app);
    const busy = workers.run({ op: "parse-notices", bytes: YEAR });
    const response = await upload(c, YEAR);
    expect(response.status).toBe(503);
    expect(await response.text()).toContain("ただいま処理が混み合っています");
    expect(workers.stats()?.refused).toBe(1);
    await busy;
    expect(await storedNotices()).toBe(0);
  }, 60_000);
});
