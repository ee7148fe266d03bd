import { countAudit, type Platform, SYSTEM, verifyAuditChain } from "@ward/platform";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { formatPaymentNoticesCsv, generatePaymentNotices } from "../src/domain/index.js";
import { treasuryDb } from "../src/storage/db.js";
import { importNoticeFile } from "../src/storage/import-notices.js";
import { loadNotices } from "../src/storage/load-notices.js";
import {
  memoryPlatform,
  PGLITE_START_TIMEOUT,
  postgresPlatform,
  postgresSkipReason,
} from "./support/platform.js";

const utf8 = (text: string) => new TextEncoder().encode(text);
const HEADER = "通知書番号,収納日,所属年度,現過年区分,収納経路,会計コード,科目コード,所属コード,金額\n";
const row = (no: string, amount: string, date = "2025-07-01") =>
  `${no},${date},2025,現年,指定金融機関,01,01-01-01-01,110100,${amount}\n`;

async function noticeCount(platform: Platform): Promise<number> {
  const r = await treasuryDb(platform)
    .selectFrom("treasury_notices")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

describe("importNoticeFile on PGlite", () => {
  // One database for the file: each test uses its own notice numbers and measures what it added.
  let platform: Platform;
  let before = 0;
  beforeAll(async () => {
    platform = await memoryPlatform();
  }, PGLITE_START_TIMEOUT);
  beforeEach(async () => {
    before = await noticeCount(platform);
  });
  afterAll(() => platform?.close());

  it("stores a valid file with its batch and an audit record in one go", async () => {
    const result = await importNoticeFile(
      platform,
      SYSTEM,
      utf8(HEADER + row("A1", "1200") + row("A2", '"3,400"')),
      { fileName: "0701.csv" },
    );
    expect(result).toMatchObject({ ok: true, rowCount: 2, freshCount: 2, reimportCount: 0, totalYen: 4600 });
    expect(await noticeCount(platform)).toBe(before + 2);
    expect(await countAudit(platform.db, "treasury.notice.import")).toBe(1);
    expect((await verifyAuditChain(platform.db)).ok).toBe(true);
    const stored = await loadNotices(platform, { from: "2025-07-01", to: "2025-07-01" });
    expect(
      stored.filter((n) => n.noticeNumber.startsWith("A")).map((n) => [n.noticeNumber, n.amount, n.cashDate]),
    ).toEqual([
      ["A1", 1200, "2025-07-01"],
      ["A2", 3400, "2025-07-01"],
    ]);
  });

  it("never counts a re-imported notice twice", async () => {
    await importNoticeFile(platform, SYSTEM, utf8(HEADER + row("B1", "1200")), { fileName: "a.csv" });
    const again = await importNoticeFile(
      platform,
      SYSTEM,
      utf8(HEADER + row("B1", "1200") + row("B2", "5")),
      {
        fileName: "b.csv",
      },
    );
    expect(again).toMatchObject({ ok: true, freshCount: 1, reimportCount: 1, totalYen: 5 });
    expect(await noticeCount(platform)).toBe(before + 2);
  });

  it("rejects a file with a bad row and saves nothing, naming line and column", async () => {
    const result = await importNoticeFile(
      platform,
      SYSTEM,
      utf8(HEADER + row("C1", "1200") + row("C2", "12.5")),
      { fileName: "bad.csv" },
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]).toMatchObject({ line: 3, column: "金額" });
    expect(await noticeCount(platform)).toBe(before);
    const batches = await treasuryDb(platform)
      .selectFrom("treasury_import_batches")
      .selectAll()
      .where("file_name", "=", "bad.csv")
      .execute();
    expect(batches).toHaveLength(0);
    const audit = await platform.db
      .selectFrom("audit_log")
      .select(["action", "result"])
      .where("action", "=", "treasury.notice.import")
      .where("target_id", "=", "bad.csv")
      .execute();
    expect(audit).toEqual([{ action: "treasury.notice.import", result: "failure" }]);
  });

  it("rejects a re-import whose content differs from the stored notice", async () => {
    await importNoticeFile(platform, SYSTEM, utf8(HEADER + row("D1", "1200")), { fileName: "d.csv" });
    const result = await importNoticeFile(
      platform,
      SYSTEM,
      utf8(HEADER + row("D2", "1") + row("D1", "1300")),
      {
        fileName: "b.csv",
      },
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      expect.objectContaining({
        line: 3,
        column: "金額",
        value: "1300",
        message: expect.stringContaining("D1"),
      }),
    ]);
    expect(await noticeCount(platform)).toBe(before + 1);
  });

  it("stores a generated Shift_JIS file of 3,000 notices in chunks, reporting progress", async () => {
    const notices = generatePaymentNotices({ fiscalYear: 2025, count: 3000, seed: 7 });
    const bytes = formatPaymentNoticesCsv(notices, { encoding: "shift_jis" });
    const progress: number[] = [];
    const result = await importNoticeFile(platform, SYSTEM, bytes, {
      fileName: "year.csv",
      chunkSize: 1000,
      onProgress: (done) => progress.push(done),
    });
    expect(result).toMatchObject({ ok: true, freshCount: 3000, encoding: "shift_jis" });
    expect(progress).toEqual([0, 1000, 2000, 3000]);
    expect(await noticeCount(platform)).toBe(before + 3000);
    const total = notices.reduce((s, n) => s + n.amount, 0);
    expect(result.ok && result.totalYen).toBe(total);
  });
});

describe.skipIf(postgresSkipReason !== undefined)(
  `importNoticeFile on PostgreSQL${postgresSkipReason ? ` — skipped: ${postgresSkipReason}` : ""}`,
  () => {
    it("stores, skips re-imports and rejects bad files the same way", async () => {
      const { platform, drop } = await postgresPlatform();
      try {
        const ok = await importNoticeFile(
          platform,
          SYSTEM,
          utf8(HEADER + row("P1", "100") + row("P2", "200")),
          {
            fileName: "p.csv",
          },
        );
        expect(ok).toMatchObject({ ok: true, freshCount: 2, totalYen: 300 });
        const again = await importNoticeFile(platform, SYSTEM, utf8(HEADER + row("P2", "200")), {
          fileName: "p2.csv",
        });
        expect(again).toMatchObject({ ok: true, freshCount: 0, reimportCount: 1 });
        const bad = await importNoticeFile(platform, SYSTEM, utf8(HEADER + row("P3", "0")), {
          fileName: "x.csv",
        });
        expect(bad.ok).toBe(false);
        expect(await noticeCount(platform)).toBe(2);
        const stored = await loadNotices(platform, { from: "2025-07-01", to: "2025-07-01" });
        expect(stored.map((n) => n.amount)).toEqual([100, 200]);
      } finally {
        await drop();
      }
    });
  },
);
