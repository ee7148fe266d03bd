import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import {
  createPlatform,
  type MigrationSet,
  PlatformError,
  runMigrations,
  verifyAuditChain,
} from "../src/index.js";
import { dropTestSchemas, FAST_ARGON2, silentLogger, tempDir, testDatabases } from "../src/testing/index.js";

const { backends } = await testDatabases();
afterAll(dropTestSchemas);

const notes: MigrationSet = {
  namespace: "notes",
  migrations: [
    {
      id: "001_notes",
      up: async (trx) =>
        void (await sql`create table notes (id serial primary key, title text not null)`.execute(trx)),
    },
    {
      id: "002_body",
      up: async (trx) => void (await sql`alter table notes add column body text`.execute(trx)),
    },
  ],
};

for (const backend of backends) {
  describe.skipIf(backend.skip)(`storage ${backend.label}`, () => {
    it("applies the platform's and the app's migrations once, in order", async () => {
      const platform = await backend.open({ migrations: notes });
      try {
        expect(platform.applied.map((m) => `${m.namespace}/${m.id}`)).toEqual([
          "platform/001_accounts",
          "platform/002_audit",
          "platform/003_files",
          "platform/004_auth_login_throttle",
          "platform/004_db-owner_user_permissions",
          "platform/010_audit-keys_keyring",
          "platform/org_admin_001_moves_imports",
          "ward_jobs/001_desk-runtime_jobs",
          "notes/001_notes",
          "notes/002_body",
        ]);
        expect(await runMigrations(platform.db, [notes])).toEqual([]);
        const more: MigrationSet = {
          ...notes,
          migrations: [
            ...notes.migrations,
            {
              id: "003_index",
              up: async (trx) => void (await sql`create index notes_title on notes (title)`.execute(trx)),
            },
          ],
        };
        expect(await runMigrations(platform.db, [more])).toEqual([{ namespace: "notes", id: "003_index" }]);
      } finally {
        await platform.close();
      }
    });

    it("rolls a failing migration back completely and records nothing", async () => {
      const platform = await backend.open();
      try {
        const broken: MigrationSet = {
          namespace: "broken",
          migrations: [
            {
              id: "001_half",
              up: async (trx) => {
                await sql`create table half_done (id int)`.execute(trx);
                await sql`insert into no_such_table values (1)`.execute(trx);
              },
            },
          ],
        };
        await expect(runMigrations(platform.db, [broken])).rejects.toMatchObject({
          code: "MIGRATION_FAILED",
        });
        const tables = await sql<{
          n: number;
        }>`select count(*)::int as n from information_schema.tables where table_name = 'half_done' and table_schema = current_schema()`.execute(
          platform.db,
        );
        expect(tables.rows[0]?.n).toBe(0);
        const recorded = await platform.db
          .selectFrom("ward_migrations")
          .selectAll()
          .where("namespace", "=", "broken")
          .execute();
        expect(recorded).toEqual([]);
      } finally {
        await platform.close();
      }
    });

    it("refuses a database that has a migration this version does not know", async () => {
      const platform = await backend.open({ migrations: notes });
      try {
        const older: MigrationSet = { namespace: "notes", migrations: notes.migrations.slice(0, 1) };
        await expect(runMigrations(platform.db, [older])).rejects.toThrow(
          /002_body is applied but not in this version/,
        );
        await expect(
          runMigrations(platform.db, [{ namespace: "Bad Name", migrations: [] }]),
        ).rejects.toBeInstanceOf(PlatformError);
      } finally {
        await platform.close();
      }
    });
  });
}

describe("embedded PGlite on disk", () => {
  it("keeps data across a reopen and generates a 0600 master key once, outside the data directory", async () => {
    const dir = tempDir();
    try {
      const dataDir = join(dir.path, "data");
      const shown: string[] = [];
      const options = {
        appName: "disk",
        dataDir,
        secretsDir: join(dir.path, "secrets"),
        env: {},
        logger: silentLogger,
        argon2: FAST_ARGON2,
        onInitialAdmin: (c: { password: string }) => shown.push(c.password),
        migrations: notes,
      };
      const first = await createPlatform(options);
      await sql`insert into notes (title) values ('初回')`.execute(first.db);
      await first.close();
      const keyPath = join(dir.path, "secrets", "master.key");
      expect(existsSync(join(dataDir, "master.key"))).toBe(false);
      if (process.platform !== "win32") expect(statSync(keyPath).mode & 0o777).toBe(0o600);
      const second = await createPlatform(options);
      try {
        expect(second.applied).toEqual([]);
        const rows = await sql<{ title: string }>`select title from notes`.execute(second.db);
        expect(rows.rows).toEqual([{ title: "初回" }]);
        expect(shown).toHaveLength(1);
        expect(Buffer.from(second.masterKey).equals(Buffer.from(first.masterKey))).toBe(true);
        expect((await verifyAuditChain(second.db)).ok).toBe(true);
      } finally {
        await second.close();
      }
    } finally {
      dir.remove();
    }
  });

  it("needs a master key when running on PostgreSQL", async () => {
    await expect(
      createPlatform({
        appName: "nokey",
        databaseUrl: "postgres://127.0.0.1:1/none",
        env: {},
        logger: silentLogger,
      }),
    ).rejects.toMatchObject({ code: "MASTER_KEY_INVALID" });
  });
});
