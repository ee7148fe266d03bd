import { appendFileSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type Kysely, sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { fromRow } from "../src/audit/audit-log.js";
import { signCheckpoint } from "../src/audit/checkpoints.js";
import { runVerifyAudit } from "../src/cli/run-verify-audit.js";
import {
  appendAudit,
  auditHash,
  createDemoApp,
  demoMigrations,
  deriveAuditKeys,
  type Platform,
  type PlatformTables,
  queryAudit,
  SYSTEM,
  verifyAuditChain,
} from "../src/index.js";
import { dropTestSchemas, tempDir, testClient, testDatabases } from "../src/testing/index.js";

const { backends } = await testDatabases();
const dir = tempDir("ward-audit-integrity-");
afterAll(async () => {
  await dropTestSchemas();
  dir.remove();
});

// biome-ignore lint/suspicious/noExplicitAny: raw tampering, as an attacker with the table owner's rights
type Db = Kysely<any>;

/** As the table owner: switches the append-only guard off for `edit`. */
async function asOwner(db: Db, edit: () => Promise<void>): Promise<void> {
  await sql`alter table audit_log disable trigger audit_log_no_update`.execute(db);
  try {
    await edit();
  } finally {
    await sql`alter table audit_log enable trigger audit_log_no_update`.execute(db);
  }
}

/** What an attacker without the key can do: recompute plain SHA-256 hashes from `seq` on, and the head. */
async function recomputeWithoutKey(db: Db, seq: number): Promise<void> {
  const typed = db as Kysely<PlatformTables>;
  const before = await typed
    .selectFrom("audit_log")
    .select("hash")
    .where("seq", "=", seq - 1)
    .executeTakeFirst();
  let prev = before?.hash ?? "0".repeat(64);
  let last = seq - 1;
  const rows = await typed
    .selectFrom("audit_log")
    .selectAll()
    .where("seq", ">=", seq)
    .orderBy("seq")
    .execute();
  for (const row of rows) {
    const { hash: _old, ...rest } = fromRow(row);
    const hash = auditHash({ ...rest, prevHash: prev });
    await typed.updateTable("audit_log").set({ prev_hash: prev, hash }).where("seq", "=", row.seq).execute();
    prev = hash;
    last = row.seq;
  }
  await typed.updateTable("audit_head").set({ seq: last, hash: prev }).where("id", "=", 1).execute();
}

async function appendSome(platform: Platform, n: number): Promise<void> {
  for (let i = 0; i < n; i += 1)
    await appendAudit(platform.db, SYSTEM, { action: "test.row", detail: { i } });
}

const kinds = (report: { problems: readonly { kind: string }[] }) => report.problems.map((p) => p.kind);
let files = 0;
const checkpointFile = (name: string) => join(dir.path, `${name}-${++files}.jsonl`);

for (const backend of backends) {
  describe.skipIf(backend.skip)(`audit chain integrity ${backend.label}`, () => {
    const open = (file = checkpointFile(backend.name)) => backend.open({ auditCheckpointFile: file });

    it("writes signed checkpoints outside the database and verifies clean", async () => {
      const file = checkpointFile(backend.name);
      const platform = await open(file);
      try {
        await appendSome(platform, 3);
        // A rolled-back append must not leave a checkpoint ahead of the committed chain.
        await expect(
          platform.db.transaction().execute(async (trx) => {
            await appendAudit(trx, SYSTEM, { action: "test.rolled-back" });
            throw new Error("roll back");
          }),
        ).rejects.toThrow("roll back");
        const report = await verifyAuditChain(platform.db);
        expect(report).toMatchObject({ ok: true, keyedFrom: 1, problems: [] });
        expect(report.checkpoints).toBeGreaterThan(0);
        const lines = readFileSync(file, "utf8").trim().split("\n");
        expect(JSON.parse(lines.at(-1) ?? "{}")).toMatchObject({ v: 1, seq: report.checked });
      } finally {
        await platform.close();
      }
    });

    it("reports a tail cut even when the head row is moved back with it", async () => {
      const platform = await open();
      try {
        await appendSome(platform, 5);
        const before = await verifyAuditChain(platform.db);
        expect(before.ok).toBe(true);
        const last = before.checked;
        await asOwner(platform.db, async () => {
          await sql`delete from audit_log where seq > ${last - 2}`.execute(platform.db);
          await sql`update audit_head set seq = ${last - 2},
            hash = (select hash from audit_log where seq = ${last - 2})`.execute(platform.db);
        });
        const cut = await verifyAuditChain(platform.db);
        expect(cut.ok).toBe(false);
        expect(cut.problems).toContainEqual(expect.objectContaining({ kind: "tail-cut", seq: last }));
        expect(kinds(cut)).not.toContain("head-mismatch");
      } finally {
        await platform.close();
      }
    });

    it("reports a row edited and the chain recomputed without the key", async () => {
      const platform = await open();
      try {
        await appendSome(platform, 4);
        expect((await verifyAuditChain(platform.db)).ok).toBe(true);
        await asOwner(platform.db, async () => {
          await sql`update audit_log set actor_login = 'someone-else' where seq = 3`.execute(platform.db);
          await recomputeWithoutKey(platform.db, 3);
        });
        const report = await verifyAuditChain(platform.db);
        expect(report.ok).toBe(false);
        expect(report.problems).toContainEqual(expect.objectContaining({ seq: 3, kind: "hash-mismatch" }));
        expect(kinds(report)).toContain("checkpoint-mismatch");
      } finally {
        await platform.close();
      }
    });

    it("reports a row deleted with the rest renumbered and relinked", async () => {
      const platform = await open();
      try {
        await appendSome(platform, 4);
        const { checked } = await verifyAuditChain(platform.db);
        await asOwner(platform.db, async () => {
          await sql`delete from audit_log where seq = 2`.execute(platform.db);
          for (let seq = 3; seq <= checked; seq += 1)
            await sql`update audit_log set seq = ${seq - 1} where seq = ${seq}`.execute(platform.db);
          await recomputeWithoutKey(platform.db, 2);
        });
        const report = await verifyAuditChain(platform.db);
        expect(report.ok).toBe(false);
        expect(report.problems).toContainEqual(expect.objectContaining({ seq: 2, kind: "hash-mismatch" }));
        expect(kinds(report)).toContain("tail-cut");
      } finally {
        await platform.close();
      }
    });

    it("reports a missing, a forged and a contradicted checkpoint", async () => {
      const file = checkpointFile(backend.name);
      const platform = await open(file);
      try {
        await appendSome(platform, 2);
        const { checked } = await verifyAuditChain(platform.db);
        const kept = readFileSync(file, "utf8");
        rmSync(file);
        expect(kinds(await verifyAuditChain(platform.db, { checkpointFile: file }))).toEqual([
          "checkpoint-missing",
        ]);
        const chain = JSON.parse(kept.split("\n")[0] ?? "{}").chain as string;
        const otherKey = deriveAuditKeys(new Uint8Array(32).fill(9)).checkpointKey;
        writeFileSync(file, kept);
        appendFileSync(
          file,
          signCheckpoint(otherKey, { chain, seq: checked + 50, mac: "a".repeat(64), at: "x" }),
        );
        const forged = await verifyAuditChain(platform.db, { checkpointFile: file });
        expect(kinds(forged)).toEqual(["checkpoint-mismatch"]);
        // A signed checkpoint naming a MAC the record does not have: the record was replaced.
        const key = deriveAuditKeys(platform.masterKey).checkpointKey;
        writeFileSync(file, kept + signCheckpoint(key, { chain, seq: 1, mac: "b".repeat(64), at: "y" }));
        const contradicted = await verifyAuditChain(platform.db, { checkpointFile: file });
        expect(contradicted.problems).toContainEqual(
          expect.objectContaining({ seq: 1, kind: "checkpoint-mismatch" }),
        );
      } finally {
        await platform.close();
      }
    });

    it("reports a chain rebuilt as unkeyed after its state row was deleted", async () => {
      const platform = await open();
      try {
        await appendSome(platform, 3);
        expect((await verifyAuditChain(platform.db)).ok).toBe(true);
        await asOwner(platform.db, async () => {
          await sql`alter table ward_keyring disable trigger ward_keyring_no_update`.execute(platform.db);
          await sql`delete from ward_keyring`.execute(platform.db);
          await recomputeWithoutKey(platform.db, 1);
        });
        const report = await verifyAuditChain(platform.db);
        expect(report.ok).toBe(false);
        expect(report.problems).toContainEqual(
          expect.objectContaining({
            kind: "checkpoint-mismatch",
            message: expect.stringMatching(/another chain/),
          }),
        );
      } finally {
        await platform.close();
      }
    });

    it("reports a moved start of the keyed part", async () => {
      const platform = await open();
      try {
        await appendSome(platform, 3);
        await sql`alter table ward_keyring disable trigger ward_keyring_no_update`.execute(platform.db);
        await sql`update ward_keyring set keyed_from_seq = 99`.execute(platform.db);
        expect(kinds(await verifyAuditChain(platform.db))).toContain("chain-state");
      } finally {
        await platform.close();
      }
    });

    it("the audit screen's check names the tail cut in Japanese", async () => {
      const platform = await backend.open({
        auditCheckpointFile: checkpointFile(backend.name),
        migrations: demoMigrations,
      });
      try {
        // The first admin must change the password first; that screen is not what this test is about.
        await sql`update users set must_change_password = false where login_id = 'admin'`.execute(
          platform.db,
        );
        const client = testClient(createDemoApp(platform));
        await client.login("admin");
        await appendSome(platform, 3);
        expect(await (await client.request("/admin/audit?verify=1")).text()).toContain("すべて正常です");
        await asOwner(platform.db, async () => {
          await sql`delete from audit_log where seq = (select max(seq) from audit_log)`.execute(platform.db);
          await sql`update audit_head set seq = seq - 1,
            hash = (select hash from audit_log order by seq desc limit 1)`.execute(platform.db);
        });
        await asOwner(platform.db, async () => {
          // The screen appends its own `audit.view` record first; cut one more so the tail stays short.
          await sql`delete from audit_log where seq = (select max(seq) from audit_log)`.execute(platform.db);
          await sql`update audit_head set seq = seq - 1,
            hash = (select hash from audit_log order by seq desc limit 1)`.execute(platform.db);
        });
        const page = await (await client.request("/admin/audit?verify=1")).text();
        expect(page).toMatch(/件の異常を検出しました（[^）]*末尾の削除/);
      } finally {
        await platform.close();
      }
    });

    it("ward-verify-audit prints the tail cut and exits 1", async () => {
      const storage = backend.storage();
      if (!("databaseUrl" in storage)) return; // the CLI reads a data directory or PostgreSQL, not memory
      const file = checkpointFile(backend.name);
      const platform = await backend.open({ ...storage, auditCheckpointFile: file });
      const out: string[] = [];
      const io = {
        env: { WARD_MASTER_KEY: Buffer.from(platform.masterKey).toString("base64") },
        cwd: dir.path,
        out: (t: string) => out.push(t),
        err: (t: string) => out.push(t),
      };
      const args = [
        "--database-url",
        storage.databaseUrl,
        "--schema",
        storage.schema,
        "--checkpoint-file",
        file,
      ];
      try {
        await appendSome(platform, 3);
        // The app writes its checkpoint within a second; this call does it now.
        expect((await verifyAuditChain(platform.db)).ok).toBe(true);
        expect(await runVerifyAudit(args, io)).toBe(0);
        expect(out.join("")).toMatch(/OK {2}audit chain intact/);
        await asOwner(platform.db, async () => {
          await sql`delete from audit_log where seq = (select max(seq) from audit_log)`.execute(platform.db);
          await sql`update audit_head set seq = seq - 1,
            hash = (select hash from audit_log order by seq desc limit 1)`.execute(platform.db);
        });
        out.length = 0;
        expect(await runVerifyAudit(args, io)).toBe(1);
        expect(out.join("")).toMatch(/tail-cut: .*the tail was cut/);
      } finally {
        await platform.close();
      }
    });
  });
}

describe("audit chain records", () => {
  it("carry an HMAC that plain SHA-256 cannot reproduce", async () => {
    const platform = await backends[0]?.open();
    if (!platform) throw new Error("no PGlite");
    try {
      const record = await appendAudit(platform.db, SYSTEM, { action: "test.mac" });
      const { hash, ...rest } = record;
      expect(hash).not.toBe(auditHash(rest));
      expect((await queryAudit(platform.db, { action: "test.mac" }))[0]?.hash).toBe(hash);
    } finally {
      await platform.close();
    }
  });
});
