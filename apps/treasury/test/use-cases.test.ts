import { type Actor, isPlatformError, type Platform, type SessionUser } from "@ward/platform";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { treasuryDb } from "../src/storage/db.js";
import { importPayments } from "../src/use-cases/import-payments.js";
import { PGLITE_START_TIMEOUT, TEST_BACKENDS } from "./support/platform.js";

const backends = TEST_BACKENDS;

const actor = (role: SessionUser["role"]): Actor => ({
  user: { id: 1, loginId: "u", displayName: "u", role, departmentId: null, mustChangePassword: false },
  sourceIp: null,
  requestId: null,
});
const orders = new TextEncoder().encode(
  "支出命令番号,支払先,支払日,金額,債権者登録番号\r\nO-1,練馬商事,2025-07-10,12000,\r\n",
);
const orderCount = async (platform: Platform) =>
  (await treasuryDb(platform).selectFrom("treasury_payment_orders").select("id").execute()).length;

for (const backend of backends) {
  describe.skipIf(backend.skip)(`use cases hold the policy for every caller (${backend.name})`, () => {
    let platform: Platform;
    let drop: () => Promise<void>;
    beforeAll(async () => {
      ({ platform, drop } = await backend.open());
    }, PGLITE_START_TIMEOUT);
    afterAll(async () => {
      await drop?.();
    });

    it("refuses a read-only user's import with FORBIDDEN and saves nothing; staff imports", async () => {
      let caught: unknown;
      try {
        await importPayments(platform, actor("read_only"), {
          kind: "orders",
          bytes: orders,
          fileName: "o.csv",
        });
      } catch (error) {
        caught = error;
      }
      expect(isPlatformError(caught, "FORBIDDEN")).toBe(true);
      expect(await orderCount(platform)).toBe(0);
      const result = await importPayments(platform, actor("staff"), {
        kind: "orders",
        bytes: orders,
        fileName: "o.csv",
      });
      expect(result).toEqual({ ok: true, count: 1, totalYen: 12000 });
      expect(await orderCount(platform)).toBe(1);
    });
  });
}
