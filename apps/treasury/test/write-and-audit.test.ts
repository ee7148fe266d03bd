import { countAudit, type Platform, queryAudit, SYSTEM, verifyAuditChain } from "@ward/platform";
import { openTestPlatform, TEST_DATABASE_URL, testClient } from "@ward/platform/testing";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatPaymentNoticesCsv, generatePaymentNotices, stampEntrySchema } from "../src/domain/index.js";
import { createTreasuryApp } from "../src/http/treasury-app.js";
import { registerCreditorAccount } from "../src/storage/creditor-accounts.js";
import { treasuryDb } from "../src/storage/db.js";
import { CONCURRENT_IMPORT_JA, importNoticeFile } from "../src/storage/import-notices.js";
import { CONCURRENT_PAYMENTS_JA, importPaymentOrdersCsv } from "../src/storage/import-payments.js";
import { treasuryMigrations } from "../src/storage/migrations.js";
import { recordStampEntry } from "../src/storage/stamp-entries.js";
import { CLERK_PASSWORD, createClerk } from "./support/clerk.js";
import { PGLITE_START_TIMEOUT, TEST_BACKENDS } from "./support/platform.js";

const backends = TEST_BACKENDS;

const count = async (platform: Platform, table: "treasury_notices" | "treasury_import_batches") =>
  Number(
    (
      await treasuryDb(platform)
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<string>().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );

// Each file its own fiscal year, so notice numbers never overlap between files.
const noticeFile = (fiscalYear: number, count: number) =>
  formatPaymentNoticesCsv(generatePaymentNotices({ fiscalYear, count, seed: 1 }), { encoding: "utf-8" });

for (const backend of backends) {
  describe.skipIf(backend.skip)(`treasury writes and their audit records on ${backend.name}`, () => {
    let platform: Platform;
    let drop: () => Promise<void>;
    beforeAll(async () => {
      ({ platform, drop } = await backend.open());
      await createClerk(platform, "toriko", { personalData: false });
    }, PGLITE_START_TIMEOUT);
    afterAll(() => drop?.());

    it("answers the second of two simultaneous uploads of one file with 409, audited, stored once", async () => {
      const bytes = noticeFile(2021, 500);
      const c = testClient(createTreasuryApp(platform, { today: () => "2026-06-01" }));
      expect((await c.loginJson("toriko", CLERK_PASSWORD)).status).toBe(200);
      const upload = () => {
        const form = new FormData();
        form.set("_csrf", c.csrf);
        form.set("file", new File([bytes], "same.csv"));
        return c.request("/notices/import", {
          method: "POST",
          body: form,
          headers: { origin: "http://localhost" },
        });
      };
      const beforeAudit = await countAudit(platform.db, "treasury.notice.import");
      const responses = await Promise.all([upload(), upload()]);
      const statuses = responses.map((r) => r.status).sort();
      expect(statuses).toEqual([200, 409]);
      const refused = responses.find((r) => r.status === 409);
      expect(await refused?.text()).toContain(CONCURRENT_IMPORT_JA);
      expect(await count(platform, "treasury_notices")).toBe(500);
      expect(await countAudit(platform.db, "treasury.notice.import")).toBe(beforeAudit + 2);
      const [failure] = await queryAudit(platform.db, {
        action: "treasury.notice.import",
        result: "failure",
      });
      expect(failure?.actorLogin).toBe("toriko");
      expect(JSON.parse(failure?.detail ?? "{}").reason).toBe("same_file_in_progress");
    });

    it("never stores a file twice when two processes import it at once (separate connections)", async () => {
      // A second platform on the same storage stands for another process (CLI or instance).
      const second =
        backend.name === "PGlite"
          ? platform
          : await openTestPlatform({
              appName: "treasury",
              migrations: treasuryMigrations,
              databaseUrl: TEST_DATABASE_URL,
              schema: platform.location.replace(/^postgres:/, ""),
            });
      try {
        const bytes = noticeFile(2022, 3000);
        const before = await count(platform, "treasury_notices");
        const results = await Promise.all([
          importNoticeFile(platform, SYSTEM, bytes, { fileName: "a.csv" }),
          importNoticeFile(second, SYSTEM, bytes, { fileName: "a.csv" }),
        ]);
        // One stores the rows; the other is refused (409-style) or, had it started only after the
        // first committed, is a plain re-import that adds nothing. Never a duplicate-key failure.
        const fresh = results.filter((r) => r.ok && r.freshCount > 0);
        expect(fresh).toHaveLength(1);
        expect(fresh[0]?.ok && fresh[0].freshCount).toBe(3000);
        for (const r of results.filter((x) => !(x.ok && x.freshCount > 0)))
          expect(r.ok ? r.freshCount : "busy" in r).toBe(r.ok ? 0 : true);
        expect(await count(platform, "treasury_notices")).toBe(before + 3000);
      } finally {
        if (second !== platform) await second.close();
      }
    });

    it("answers two simultaneous imports of one payment-order file without a 500, stored once", async () => {
      const bytes = new TextEncoder().encode(
        "支出命令番号,支払先,支払日,金額,債権者登録番号\nS-900,練馬商事,2025-08-25,12000,\nS-901,豊玉工業,2025-08-25,5000,\n",
      );
      const results = await Promise.all([
        importPaymentOrdersCsv(platform, SYSTEM, bytes, "o.csv"),
        importPaymentOrdersCsv(platform, SYSTEM, bytes, "o.csv"),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      const refused = results.find((r) => !r.ok);
      expect(refused?.ok === false && refused.errors[0]?.message).toMatch(
        new RegExp(`${CONCURRENT_PAYMENTS_JA}|取込済みです`),
      );
      const orders = await treasuryDb(platform)
        .selectFrom("treasury_payment_orders")
        .select("order_number")
        .where("order_number", "in", ["S-900", "S-901"])
        .execute();
      expect(orders).toHaveLength(2);
      const failures = await queryAudit(platform.db, { action: "treasury.order.import", result: "failure" });
      expect(failures).toHaveLength(1);
    });

    describe("when the audit record cannot be written", () => {
      beforeAll(async () => {
        await sql`create or replace function ward_test_audit_down() returns trigger language plpgsql as $$
          begin
            if new.action like 'treasury.%' and new.result = 'success' then
              raise exception 'audit store unavailable';
            end if;
            return new;
          end $$`.execute(platform.db);
        await sql`create trigger ward_test_audit_down before insert on audit_log
          for each row execute function ward_test_audit_down()`.execute(platform.db);
      });
      afterAll(async () => {
        await sql`drop trigger if exists ward_test_audit_down on audit_log`.execute(platform.db);
      });

      it("rolls the write back: no notices, batch, stamp entry or creditor without its record", async () => {
        const notices = await count(platform, "treasury_notices");
        const batches = await count(platform, "treasury_import_batches");
        const audit = await countAudit(platform.db);
        await expect(
          importNoticeFile(platform, SYSTEM, noticeFile(2023, 50), { fileName: "down.csv" }),
        ).rejects.toThrow(/audit store unavailable/);
        expect(await count(platform, "treasury_notices")).toBe(notices);
        expect(await count(platform, "treasury_import_batches")).toBe(batches);
        await expect(
          recordStampEntry(
            platform,
            SYSTEM,
            stampEntrySchema.parse({
              date: "2025-07-01",
              denomination: 110,
              received: 10,
              description: "購入",
            }),
          ),
        ).rejects.toThrow(/audit store unavailable/);
        expect(
          await treasuryDb(platform).selectFrom("treasury_stamp_entries").select("id").execute(),
        ).toEqual([]);
        await expect(
          registerCreditorAccount(platform, SYSTEM, {
            creditorName: "練馬商事株式会社",
            postalCode: "1768501",
            address: "練馬区豊玉北6-12-1",
            bankCode: "0001",
            branchCode: "001",
            accountType: "1",
            accountNumber: "1234567",
            holderName: "ネリマショウジ(カ",
          }),
        ).rejects.toThrow(/audit store unavailable/);
        expect(
          await treasuryDb(platform).selectFrom("treasury_creditor_accounts").select("id").execute(),
        ).toEqual([]);
        expect(await countAudit(platform.db)).toBe(audit);
        expect((await verifyAuditChain(platform.db)).ok).toBe(true);
      });
    });
  });
}
