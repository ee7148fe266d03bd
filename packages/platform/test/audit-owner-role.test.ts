import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import {
  appendAudit,
  createDepartment,
  createUser,
  putFile,
  queryAudit,
  readFile,
  SYSTEM,
  verifyAuditChain,
} from "../src/index.js";
import {
  createTestSchema,
  dropTestSchemas,
  openTestPlatform,
  TEST_DATABASE_URL,
  testDatabases,
} from "../src/testing/index.js";

const { postgresSkipReason } = await testDatabases();
const role = `ward_app_${randomBytes(5).toString("hex")}`;

async function asSuperuser(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

afterAll(async () => {
  await dropTestSchemas();
  if (postgresSkipReason === undefined)
    await asSuperuser(`drop owned by ${role}; drop role if exists ${role}`);
});

describe.skipIf(postgresSkipReason !== undefined)(
  `the app's role on PostgreSQL${postgresSkipReason ? ` — skipped: ${postgresSkipReason}` : ""}`,
  () => {
    it("migrates as the owner; the app's role works but cannot edit, delete, truncate or unguard the audit log", async () => {
      await asSuperuser(`create role ${role} login`);
      const appUrl = new URL(TEST_DATABASE_URL);
      appUrl.username = role;
      const schema = createTestSchema();
      const platform = await openTestPlatform({
        databaseUrl: appUrl.toString(),
        ownerDatabaseUrl: TEST_DATABASE_URL,
        schema,
      });
      try {
        const who = await sql<{ u: string }>`select current_user as u`.execute(platform.db);
        expect(who.rows[0]?.u).toBe(role);
        // The app works: users, files, audit appends, verification.
        const dept = await createDepartment(platform, SYSTEM, { code: "kaikei", name: "会計管理室" });
        await createUser(platform, SYSTEM, {
          loginId: "staff.one",
          displayName: "職員 一",
          role: "staff",
          departmentId: dept.id,
          password: "Sakura-no-hana-ga-saku-2025",
        });
        const stored = await putFile(platform, SYSTEM, {
          name: "a.txt",
          contentType: "text/plain",
          data: new TextEncoder().encode("権限"),
        });
        expect(new TextDecoder().decode((await readFile(platform, SYSTEM, stored.id)).data)).toBe("権限");
        await appendAudit(platform.db, SYSTEM, { action: "test.app-role" });
        expect((await queryAudit(platform.db, { action: "test.app-role" })).length).toBe(1);
        expect((await verifyAuditChain(platform.db)).ok).toBe(true);
        // What an intruder with the app's credentials tries.
        const refused = [
          sql`update audit_log set actor_login = 'x' where seq = 1`,
          sql`delete from audit_log where seq = 1`,
          sql`truncate audit_log`,
          sql`alter table audit_log disable trigger audit_log_no_update`,
          sql`alter table audit_log disable trigger all`,
          sql`drop trigger audit_log_no_update on audit_log`,
          sql`drop table audit_log`,
          sql`delete from audit_head`,
          sql`update ward_keyring set keyed_from_seq = 99`,
          sql`delete from ward_keyring`,
        ];
        for (const statement of refused) {
          await expect(statement.execute(platform.db)).rejects.toThrow(/permission denied|must be owner/);
        }
        expect((await verifyAuditChain(platform.db)).ok).toBe(true);
      } finally {
        await platform.close();
      }
    });
  },
);
