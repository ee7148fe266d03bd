import { type Platform, queryAudit, SYSTEM } from "@ward/platform";
import { testClient } from "@ward/platform/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTreasuryApp } from "../src/http/treasury-app.js";
import { registerCreditorAccount } from "../src/storage/creditor-accounts.js";
import { addFailedTransfers } from "../src/storage/failed-transfers.js";
import { CLERK_PASSWORD, createClerk } from "./support/clerk.js";
import { PGLITE_START_TIMEOUT, TEST_BACKENDS } from "./support/platform.js";

const backends = TEST_BACKENDS;

const PERSONAL_PATHS = [
  "/payment-advice?month=2025-12",
  "/payment-advice.xlsx?month=2025-12",
  "/payment-advice.csv?month=2025-12",
  "/payment-advice.pdf?month=2025-12",
  "/failed-transfers.xlsx",
  "/failed-transfers.csv",
];

for (const backend of backends) {
  describe.skipIf(backend.skip)(`personal data in treasury on ${backend.name}`, () => {
    let platform: Platform;
    let drop: (() => Promise<void>) | undefined;
    let letterPath = "";
    const reads = async () =>
      (await queryAudit(platform.db, { action: "treasury.personal_data.read", limit: 1000 })).filter(
        (r) => r.result === "success",
      );
    const signedIn = async (loginId: string) => {
      const c = testClient(createTreasuryApp(platform, { today: () => "2025-12-26" }));
      expect((await c.loginJson(loginId, CLERK_PASSWORD)).status).toBe(200);
      return c;
    };

    beforeAll(async () => {
      ({ platform, drop } = await backend.open());
      await createClerk(platform, "ippan", { personalData: false });
      await createClerk(platform, "kojin", { personalData: true });
      const registered = await registerCreditorAccount(platform, SYSTEM, {
        creditorName: "練馬商事株式会社",
        postalCode: "1768501",
        address: "練馬区豊玉北6-12-1",
        bankCode: "0001",
        branchCode: "001",
        accountType: "1",
        accountNumber: "1234567",
        holderName: "ネリマショウジ(カ",
      });
      if (!registered.ok) throw new Error("creditor");
      letterPath = `/creditors/${registered.creditor.id}/letter.pdf`;
      await addFailedTransfers(platform, SYSTEM, [
        {
          notifiedOn: "2025-12-20",
          payee: "豊玉工業",
          amount: 5000,
          reasonCode: "01",
          reasonText: "資金不足",
          departmentCode: "110100",
        },
      ]);
    }, PGLITE_START_TIMEOUT);
    afterAll(async () => {
      if (drop) await drop();
      else await platform?.close();
    });

    it("answers 403 to a user without personal_data, hides the links and records no read", async () => {
      const c = await signedIn("ippan");
      for (const path of [...PERSONAL_PATHS, letterPath]) {
        expect((await c.request(path)).status, path).toBe(403);
      }
      expect(await reads()).toEqual([]);
      const home = await (await c.request("/")).text();
      expect(home).not.toContain('href="/payment-advice"');
      const failed = await (await c.request("/failed-transfers")).text();
      expect(failed).toContain("豊玉工業");
      expect(failed).not.toContain("/failed-transfers.xlsx");
      expect(failed).not.toContain("/failed-transfers.csv");
    });

    it("serves a user with personal_data and audits who read what and how many records", async () => {
      const c = await signedIn("kojin");
      expect(await (await c.request("/")).text()).toContain('href="/payment-advice"');
      expect(await (await c.request("/failed-transfers")).text()).toContain("/failed-transfers.xlsx");
      const pdf = await c.request(letterPath);
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get("content-type")).toBe("application/pdf");
      expect((await c.request("/failed-transfers.csv")).status).toBe(200);
      expect((await c.request("/payment-advice.csv?month=2025-12")).status).toBe(200);
      const records = await reads();
      expect(records.map((r) => [r.actorLogin, r.targetType, r.targetId, JSON.parse(r.detail)])).toEqual([
        ["kojin", "payment_advice", "2025-12", { format: "csv", records: 0 }],
        ["kojin", "failed_transfers", "all", { format: "csv", records: 1 }],
        ["kojin", "creditor_letter", letterPath.split("/")[2], { format: "pdf", records: 1 }],
      ]);
    });
  });
}
