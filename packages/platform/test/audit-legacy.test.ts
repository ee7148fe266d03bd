import { join } from "node:path";
import { type Kysely, sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import {
  auditHash,
  openDatabase,
  type PlatformTables,
  platformMigrations,
  queryAudit,
  runMigrations,
  verifyAuditChain,
} from "../src/index.js";
import { GENESIS_HASH } from "../src/storage/platform-migrations.js";
import { dropTestSchemas, openTestPlatform, tempDir, testDatabases } from "../src/testing/index.js";

const { backends } = await testDatabases();
const dir = tempDir("ward-audit-legacy-");
afterAll(async () => {
  await dropTestSchemas();
  dir.remove();
});
let n = 0;

/** A database as the previous version left it: the first three platform migrations and an unkeyed chain. */
async function legacyInstallation(
  storage: { dataDir: string } | { databaseUrl: string; schema: string },
  records: number,
): Promise<void> {
  const database = await openDatabase(storage);
  try {
    const old = { namespace: "platform", migrations: platformMigrations.migrations.slice(0, 3) };
    await runMigrations(database.db, [old]);
    const db = database.db as Kysely<PlatformTables>;
    let prevHash = GENESIS_HASH;
    for (let seq = 1; seq <= records; seq += 1) {
      const base = {
        seq,
        occurredAt: `2025-04-0${seq}T09:00:00.000+09:00`,
        actorId: null,
        actorLogin: "system",
        action: "legacy.row",
        targetType: null,
        targetId: null,
        result: "success" as const,
        sourceIp: null,
        requestId: null,
        detail: "{}",
        prevHash,
      };
      const hash = auditHash(base);
      await db
        .insertInto("audit_log")
        .values({
          seq,
          occurred_at: base.occurredAt,
          actor_id: null,
          actor_login: base.actorLogin,
          action: base.action,
          target_type: null,
          target_id: null,
          result: base.result,
          source_ip: null,
          request_id: null,
          detail: base.detail,
          prev_hash: prevHash,
          hash,
        })
        .execute();
      prevHash = hash;
    }
    await db.updateTable("audit_head").set({ seq: records, hash: prevHash }).where("id", "=", 1).execute();
  } finally {
    await database.close();
  }
}

for (const backend of backends) {
  describe.skipIf(backend.skip)(`unkeyed chain of an older version ${backend.label}`, () => {
    const reopenable = () => {
      const storage = backend.storage();
      return "databaseUrl" in storage ? storage : { dataDir: join(dir.path, `data-${++n}`) };
    };
    const checkpointFile = () => join(dir.path, `checkpoints-${++n}.jsonl`);

    it("is verified once, then continued by a keyed chain from a recorded transition", async () => {
      const storage = reopenable();
      await legacyInstallation(storage, 3);
      const platform = await openTestPlatform({ ...storage, auditCheckpointFile: checkpointFile() });
      try {
        const applied = platform.applied.map((m) => m.id);
        expect(applied).toContain("010_audit-keys_keyring");
        expect(applied).not.toContain("002_audit");
        const [transition] = await queryAudit(platform.db, { action: "audit.chain.keyed" });
        expect(transition).toMatchObject({ seq: 4, result: "success" });
        expect(JSON.parse(transition?.detail ?? "{}")).toMatchObject({ legacyRecords: 3, legacyProblems: 0 });
        const report = await verifyAuditChain(platform.db);
        expect(report).toMatchObject({ ok: true, keyedFrom: 4 });
        // The legacy part is now sealed by the first keyed record: recomputing it is detected.
        await sql`alter table audit_log disable trigger audit_log_no_update`.execute(platform.db);
        const db = platform.db as Kysely<PlatformTables>;
        const rows = await db
          .selectFrom("audit_log")
          .selectAll()
          .where("seq", "<=", 3)
          .orderBy("seq")
          .execute();
        let prevHash = GENESIS_HASH;
        for (const row of rows) {
          const base = {
            seq: row.seq,
            occurredAt: row.occurred_at,
            actorId: row.actor_id,
            actorLogin: row.seq === 2 ? "someone-else" : row.actor_login,
            action: row.action,
            targetType: row.target_type,
            targetId: row.target_id,
            result: row.result as "success",
            sourceIp: row.source_ip,
            requestId: row.request_id,
            detail: row.detail,
            prevHash,
          };
          const hash = auditHash(base);
          await db
            .updateTable("audit_log")
            .set({ actor_login: base.actorLogin, prev_hash: prevHash, hash })
            .where("seq", "=", row.seq)
            .execute();
          prevHash = hash;
        }
        const tampered = await verifyAuditChain(platform.db);
        expect(tampered.ok).toBe(false);
        expect(tampered.problems).toContainEqual(
          expect.objectContaining({ seq: 4, kind: "prev-hash-mismatch" }),
        );
      } finally {
        await platform.close();
      }
    });

    it("keeps reporting a break in the legacy part and records the transition as a failure", async () => {
      const storage = reopenable();
      await legacyInstallation(storage, 3);
      const database = await openDatabase(storage);
      await sql`alter table audit_log disable trigger audit_log_no_update`.execute(database.db);
      await sql`update audit_log set action = 'edited' where seq = 2`.execute(database.db);
      await database.close();
      const platform = await openTestPlatform({ ...storage, auditCheckpointFile: checkpointFile() });
      try {
        const [transition] = await queryAudit(platform.db, { action: "audit.chain.keyed" });
        expect(transition?.result).toBe("failure");
        const report = await verifyAuditChain(platform.db);
        expect(report.problems).toEqual([expect.objectContaining({ seq: 2, kind: "hash-mismatch" })]);
      } finally {
        await platform.close();
      }
    });
  });
}
