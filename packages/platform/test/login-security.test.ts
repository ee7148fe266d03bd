import { afterAll, describe, expect, it } from "vitest";
import {
  breakGlass,
  changePassword,
  createUser,
  isPlatformError,
  login,
  type Platform,
  purgeLoginThrottle,
  queryAudit,
  resetUserPassword,
  resolveSession,
  SYSTEM,
  setUserDisabled,
  unlockUser,
} from "../src/index.js";
import {
  dropTestSchemas,
  openTestPlatform,
  TEST_ADMIN_PASSWORD,
  testDatabases,
} from "../src/testing/index.js";

const { backends } = await testDatabases();
afterAll(dropTestSchemas);

const PASSWORD = "Kaikei-Tantou-77!";
const NEXT_PASSWORD = "Ajisai-no-kisetsu-2025";
const from = (sourceIp: string) => ({ sourceIp, requestId: null });
const attacker = from("198.51.100.66");
const office = from("192.0.2.10");

async function outcome(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "ok";
  } catch (error) {
    if (isPlatformError(error)) return `${error.status} ${error.messageJa}`;
    throw error;
  }
}

for (const backend of backends) {
  describe.skipIf(backend.skip)(`login security ${backend.label}`, () => {
    let now = Date.parse("2025-07-01T00:00:00Z");
    const open = (extra = {}) => backend.open({ clock: () => new Date(now), ...extra });
    const withStaff = async (p: Platform) => {
      const { user } = await createUser(p, SYSTEM, {
        loginId: "sato",
        displayName: "佐藤",
        role: "staff",
        departmentId: null,
        password: PASSWORD,
      });
      return user;
    };

    it("names the login id tried and the client address in every login record, unknown ids too", async () => {
      const platform = await open();
      try {
        const user = await withStaff(platform);
        // The HTTP layer passes its Actor (user: null) as the origin: that must not become `system`.
        const httpOrigin = { user: null, ...office };
        await login(platform, { loginId: "Sato", password: PASSWORD }, httpOrigin);
        await outcome(login(platform, { loginId: "sato", password: "nope-nope-nope" }, httpOrigin));
        await outcome(login(platform, { loginId: "ghost", password: "nope-nope-nope" }, httpOrigin));
        const records = await queryAudit(platform.db, { action: "auth.login", order: "asc" });
        expect(records.map((r) => [r.actorId, r.actorLogin, r.sourceIp, r.result])).toEqual([
          [user.id, "sato", "192.0.2.10", "success"],
          [user.id, "sato", "192.0.2.10", "failure"],
          [null, "ghost", "192.0.2.10", "failure"],
        ]);
        for (let i = 0; i < 5; i += 1)
          await outcome(login(platform, { loginId: "ghost", password: "x" }, attacker));
        const [lockout] = await queryAudit(platform.db, { action: "auth.lockout" });
        expect([lockout?.actorLogin, lockout?.sourceIp]).toEqual(["ghost", "198.51.100.66"]);
      } finally {
        await platform.close();
      }
    });

    it("answers an unknown id exactly like a real one, and a disabled account like a wrong password", async () => {
      const platform = await open();
      try {
        const user = await withStaff(platform);
        const tries = async (loginId: string) => {
          const seen: string[] = [];
          for (let i = 0; i < 6; i += 1)
            seen.push(await outcome(login(platform, { loginId, password: `Wrong-${i}-x` }, attacker)));
          return seen;
        };
        const real = await tries("sato");
        expect(real[4]).toMatch(/^423 /);
        expect(await tries("nobody-here")).toEqual(real);
        await setUserDisabled(platform, SYSTEM, user.id, true);
        const wrong = await outcome(login(platform, { loginId: "sato", password: "Wrong-x-x" }, office));
        const right = await outcome(login(platform, { loginId: "sato", password: PASSWORD }, office));
        expect(right).toBe(wrong);
        expect(right).toMatch(/^401 /);
      } finally {
        await platform.close();
      }
    });

    it("keeps an anonymous caller from locking the admin out: the lock holds only at the caller's address and doubles", async () => {
      const platform = await open();
      try {
        const hammer = async () => {
          for (let i = 0; i < 5; i += 1)
            await outcome(login(platform, { loginId: "admin", password: `Guess-${i}-x` }, attacker));
        };
        await hammer();
        expect(
          await outcome(login(platform, { loginId: "admin", password: TEST_ADMIN_PASSWORD }, attacker)),
        ).toMatch(/^423 /);
        expect(
          await outcome(login(platform, { loginId: "admin", password: TEST_ADMIN_PASSWORD }, office)),
        ).toBe("ok");
        // Requests during the lock do not renew it; the next lock lasts twice as long.
        now += 14 * 60_000;
        await hammer();
        now += 60_000;
        await hammer();
        const locks = await queryAudit(platform.db, { action: "auth.lockout", order: "asc" });
        expect(locks.map((r) => JSON.parse(r.detail).minutes)).toEqual([15, 30]);
      } finally {
        await platform.close();
      }
    });

    it("throttles a client address across login ids, in the database shared by two instances", async () => {
      const storage = backend.storage();
      const settings = { lockout: { clientMaxFailures: 6 }, clock: () => new Date(now) };
      const first = await openTestPlatform({ ...storage, ...settings });
      // PGlite is one process per database: the second instance only exists on PostgreSQL.
      const second =
        backend.name === "postgres" ? await openTestPlatform({ ...storage, ...settings }) : first;
      try {
        await withStaff(first);
        for (let i = 0; i < 6; i += 1) {
          const instance = i % 2 === 0 ? first : second;
          await outcome(login(instance, { loginId: `user${i}`, password: "Wrong-x-x" }, attacker));
        }
        const blocked = await outcome(login(second, { loginId: "sato", password: PASSWORD }, attacker));
        expect(blocked).toMatch(/^429 /);
        expect(await outcome(login(first, { loginId: "sato", password: PASSWORD }, office))).toBe("ok");
        now += 15 * 60_000;
        expect(await outcome(login(first, { loginId: "sato", password: PASSWORD }, attacker))).toBe("ok");
      } finally {
        if (second !== first) await second.close();
        await first.close();
      }
    });

    it("ends the user's other sessions on password change, reset and disable, and older ones on a new login", async () => {
      const platform = await open({ sessions: { endOthersOnLogin: false } });
      try {
        const user = await withStaff(platform);
        const a = await login(platform, { loginId: "sato", password: PASSWORD }, office);
        const b = await login(platform, { loginId: "sato", password: PASSWORD }, office);
        const actor = { user: a.session.user, ...office };
        await changePassword(
          platform,
          actor,
          { current: PASSWORD, next: NEXT_PASSWORD },
          { currentToken: a.token },
        );
        expect((await resolveSession(platform, a.token)).status).toBe("valid");
        expect((await resolveSession(platform, b.token)).status).toBe("unknown");

        const c = await login(platform, { loginId: "sato", password: NEXT_PASSWORD }, office);
        const oneTime = await resetUserPassword(platform, SYSTEM, user.id);
        expect((await resolveSession(platform, a.token)).status).toBe("unknown");
        expect((await resolveSession(platform, c.token)).status).toBe("unknown");

        const d = await login(platform, { loginId: "sato", password: oneTime }, office);
        await setUserDisabled(platform, SYSTEM, user.id, true);
        expect((await resolveSession(platform, d.token)).status).toBe("unknown");
      } finally {
        await platform.close();
      }
      const single = await open();
      try {
        await withStaff(single);
        const older = await login(single, { loginId: "sato", password: PASSWORD }, office);
        const newer = await login(single, { loginId: "sato", password: PASSWORD }, office);
        expect((await resolveSession(single, older.token)).status).toBe("unknown");
        expect((await resolveSession(single, newer.token)).status).toBe("valid");
      } finally {
        await single.close();
      }
    });

    it("purges throttle rows of sprayed login ids once they would be forgotten anyway", async () => {
      const platform = await open();
      try {
        for (let i = 0; i < 4; i += 1)
          await outcome(login(platform, { loginId: `spray${i}`, password: "x" }, attacker));
        const count = async () =>
          (await platform.db.selectFrom("login_throttle").select("login_id").execute()).length;
        expect(await count()).toBe(5);
        expect(await purgeLoginThrottle(platform, new Date(now))).toBe(0);
        expect(await purgeLoginThrottle(platform, new Date(now + 3 * 86_400_000))).toBe(5);
        expect(await count()).toBe(0);
      } finally {
        await platform.close();
      }
    });

    it("lets an administrator unlock and re-enable, and the break-glass path reset the admin, all audited", async () => {
      const platform = await open();
      try {
        const user = await withStaff(platform);
        for (let i = 0; i < 5; i += 1)
          await outcome(login(platform, { loginId: "sato", password: `Bad-${i}-x` }, office));
        expect(await outcome(login(platform, { loginId: "sato", password: PASSWORD }, office))).toMatch(
          /^423 /,
        );
        expect(await unlockUser(platform, SYSTEM, user.id)).toBe(1);
        expect(await outcome(login(platform, { loginId: "sato", password: PASSWORD }, office))).toBe("ok");

        for (let i = 0; i < 5; i += 1)
          await outcome(login(platform, { loginId: "admin", password: `Bad-${i}-x` }, office));
        const admin = await platform.db
          .selectFrom("users")
          .select("id")
          .where("login_id", "=", "admin")
          .executeTakeFirstOrThrow();
        await setUserDisabled(platform, SYSTEM, admin.id, true);
        const result = await breakGlass(platform, {
          loginId: "admin",
          osUser: "operator",
          host: "ap01",
          resetPassword: true,
          enable: true,
        });
        expect(result.locksLifted).toBe(1);
        const signedIn = await login(
          platform,
          { loginId: "admin", password: result.oneTimePassword ?? "" },
          office,
        );
        expect(signedIn.session.user.mustChangePassword).toBe(true);
        const [record] = await queryAudit(platform.db, { action: "auth.break_glass" });
        expect(record?.actorLogin).toBe("os:operator");
        expect(record?.detail).not.toContain(result.oneTimePassword);
        const actions = (await queryAudit(platform.db, { actorLogin: "os:operator", order: "asc" })).map(
          (r) => r.action,
        );
        expect(actions).toEqual(["user.unlock", "user.enable", "user.password_reset", "auth.break_glass"]);
        await expect(
          breakGlass(platform, { loginId: "nobody", osUser: "operator", host: "ap01" }),
        ).rejects.toThrow(/NOT_FOUND/);
      } finally {
        await platform.close();
      }
    });
  });
}
