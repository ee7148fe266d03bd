import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  appendAudit,
  auditToCsv,
  countAudit,
  createDepartment,
  createGroup,
  createUser,
  type Platform,
  queryAudit,
  SYSTEM,
  verifyAuditChain,
} from "../src/index.js";
import { dropTestSchemas, testDatabases } from "../src/testing/index.js";

const { backends } = await testDatabases();
afterAll(dropTestSchemas);

for (const backend of backends) {
  describe.skipIf(backend.skip)(`audit log ${backend.label}`, () => {
    let platform: Platform;
    beforeAll(async () => {
      platform = await backend.open();
    });
    afterAll(async () => {
      await platform?.close();
    });

    it("chains records with an explicit +09:00 time stamp and verifies", async () => {
      const a = await appendAudit(platform.db, SYSTEM, { action: "test.one", detail: { b: 2, a: 1 } });
      const b = await appendAudit(
        platform.db,
        { ...SYSTEM, sourceIp: "10.0.0.1" },
        { action: "test.two", targetType: "note", targetId: 5 },
      );
      expect(b.seq).toBe(a.seq + 1);
      expect(b.prevHash).toBe(a.hash);
      expect(a.detail).toBe('{"a":1,"b":2}');
      expect(a.occurredAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+09:00$/);
      expect(await verifyAuditChain(platform.db)).toMatchObject({ ok: true, problems: [] });
    });

    it("does not fork the chain under concurrent appends", async () => {
      const before = await countAudit(platform.db);
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          appendAudit(platform.db, SYSTEM, { action: "test.concurrent", detail: { i } }),
        ),
      );
      expect(await countAudit(platform.db)).toBe(before + 20);
      const report = await verifyAuditChain(platform.db);
      expect(report.ok).toBe(true);
      expect(report.checked).toBe(before + 20);
    });

    it("refuses updates and deletes at the database level", async () => {
      await expect(sql`update audit_log set action = 'x' where seq = 1`.execute(platform.db)).rejects.toThrow(
        /append-only/,
      );
      await expect(sql`delete from audit_log where seq = 1`.execute(platform.db)).rejects.toThrow(
        /append-only/,
      );
    });

    it("detects a row edited directly with SQL, and a removed tail", async () => {
      const other = await backend.open();
      try {
        for (let i = 0; i < 4; i += 1)
          await appendAudit(other.db, SYSTEM, { action: "test.row", detail: { i } });
        expect((await verifyAuditChain(other.db)).ok).toBe(true);
        // An attacker with table-owner rights switches the guard off and edits a record.
        await sql`alter table audit_log disable trigger audit_log_no_update`.execute(other.db);
        await sql`update audit_log set actor_login = 'someone-else' where seq = 3`.execute(other.db);
        const edited = await verifyAuditChain(other.db);
        expect(edited.ok).toBe(false);
        expect(edited.problems).toContainEqual(expect.objectContaining({ seq: 3, kind: "hash-mismatch" }));
        await sql`delete from audit_log where seq = (select max(seq) from audit_log)`.execute(other.db);
        const cut = await verifyAuditChain(other.db);
        expect(cut.problems.map((p) => p.kind)).toContain("head-mismatch");
      } finally {
        await other.close();
      }
    });

    it("rolls back a multi-table write completely when a statement fails half way", async () => {
      const dept = await createDepartment(platform, SYSTEM, {
        code: `d${backend.name}`,
        name: "会計管理室",
      });
      const group = await createGroup(platform, SYSTEM, {
        name: `収納係-${backend.name}`,
        departmentId: dept.id,
      });
      const auditBefore = await countAudit(platform.db);
      const head = await platform.db.selectFrom("audit_head").selectAll().executeTakeFirstOrThrow();
      // The user row and its audit record are written, then the second membership hits a missing group.
      await expect(
        createUser(platform, SYSTEM, {
          loginId: "half.written",
          displayName: "途中 失敗",
          role: "staff",
          departmentId: dept.id,
          password: "Sakura-no-hana-ga-saku-2025",
          groupIds: [group.id, 999_999],
        }),
      ).rejects.toThrow();
      expect(
        await platform.db.selectFrom("users").select("id").where("login_id", "=", "half.written").execute(),
      ).toEqual([]);
      expect(
        await platform.db.selectFrom("group_members").selectAll().where("group_id", "=", group.id).execute(),
      ).toEqual([]);
      expect(await countAudit(platform.db)).toBe(auditBefore);
      expect(await platform.db.selectFrom("audit_head").selectAll().executeTakeFirstOrThrow()).toEqual(head);
      const { user } = await createUser(platform, SYSTEM, {
        loginId: "whole.written",
        displayName: "全部 成功",
        role: "staff",
        departmentId: dept.id,
        password: "Sakura-no-hana-ga-saku-2025",
        groupIds: [group.id],
      });
      const [record] = await queryAudit(platform.db, { action: "user.create", targetId: String(user.id) });
      expect(record?.detail).toContain('"groupIds":[');
      expect((await verifyAuditChain(platform.db)).ok).toBe(true);
    });

    it("writes the audit record in the same transaction as the change", async () => {
      const before = await countAudit(platform.db);
      await expect(
        platform.db.transaction().execute(async (trx) => {
          await trx
            .insertInto("departments")
            .values({ code: `tx-${backend.name}`, name: "取消される所属" })
            .execute();
          const rec = await appendAudit(trx, SYSTEM, { action: "department.create" });
          // Inside the transaction the record is visible …
          expect(await countAudit(trx)).toBe(before + 1);
          expect(rec.seq).toBe(before + 1);
          throw new Error("crash after the audit write");
        }),
      ).rejects.toThrow("crash after the audit write");
      // … and after the crash neither the change nor its record exists.
      expect(await countAudit(platform.db)).toBe(before);
      expect(
        await platform.db
          .selectFrom("departments")
          .select("id")
          .where("code", "=", `tx-${backend.name}`)
          .execute(),
      ).toEqual([]);
      expect((await verifyAuditChain(platform.db)).ok).toBe(true);
    });

    it("filters records and exports CSV with a BOM and escaped cells", async () => {
      await appendAudit(platform.db, SYSTEM, {
        action: "test.csv",
        targetType: "note",
        targetId: "=1+1",
        detail: { memo: 'a,"b"' },
      });
      const records = await queryAudit(platform.db, {
        action: "test.csv",
        from: "2000-01-01T00:00:00+09:00",
      });
      expect(records).toHaveLength(1);
      const csv = auditToCsv(records);
      expect(csv.startsWith("\uFEFF連番,日時,")).toBe(true);
      expect(csv).toContain("'=1+1");
      expect(csv).toContain('"{""memo"":""a,\\""b\\""""}"');
      expect(await queryAudit(platform.db, { action: "test.csv", to: "2000-01-01T00:00:00+09:00" })).toEqual(
        [],
      );
    });
  });
}
