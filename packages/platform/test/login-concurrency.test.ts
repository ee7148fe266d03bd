import { afterAll, describe, expect, it } from "vitest";
import { countAudit, createUser, isPlatformError, login, type PasswordHasher, SYSTEM } from "../src/index.js";
import { dropTestSchemas, testDatabases } from "../src/testing/index.js";

const { backends } = await testDatabases();
afterAll(dropTestSchemas);

const PASSWORD = "Kaikei-Tantou-77!";
const origin = { sourceIp: "203.0.113.7", requestId: null };

/** Wraps a hasher to count how many passwords were actually checked. */
function counting(hasher: PasswordHasher) {
  const counter = { checked: 0 };
  const wrapped: PasswordHasher = {
    hash: (p) => hasher.hash(p),
    verify: (stored, p) => {
      counter.checked += 1;
      return hasher.verify(stored, p);
    },
  };
  return { counter, hasher: wrapped };
}

for (const backend of backends) {
  describe.skipIf(backend.skip)(`login lockout under concurrency ${backend.label}`, () => {
    it("checks at most the policy limit of 200 parallel wrong passwords and records the lockout", async () => {
      const platform = await backend.open({ lockout: { maxFailures: 5, lockMinutes: 15 } });
      try {
        await createUser(platform, SYSTEM, {
          loginId: "sato",
          displayName: "佐藤",
          role: "staff",
          departmentId: null,
          password: PASSWORD,
        });
        const { counter, hasher } = counting(platform.hasher);
        const ctx = { ...platform, hasher };
        const results = await Promise.allSettled(
          Array.from({ length: 200 }, (_, i) =>
            login(ctx, { loginId: "sato", password: `Wrong-Guess-${i}!x` }, origin),
          ),
        );
        expect(results.every((r) => r.status === "rejected")).toBe(true);
        expect(counter.checked).toBeLessThanOrEqual(5);
        expect(await countAudit(platform.db, "auth.lockout")).toBe(1);
        const after = await login(ctx, { loginId: "sato", password: PASSWORD }, origin).catch(
          (e: unknown) => e,
        );
        expect(isPlatformError(after, "ACCOUNT_LOCKED")).toBe(true);
      } finally {
        await platform.close();
      }
    });

    it("does not let the right password sent with 39 wrong ones log in once the limit is hit", async () => {
      const platform = await backend.open({ lockout: { maxFailures: 5, lockMinutes: 15 } });
      try {
        await createUser(platform, SYSTEM, {
          loginId: "sato",
          displayName: "佐藤",
          role: "staff",
          departmentId: null,
          password: PASSWORD,
        });
        const { counter, hasher } = counting(platform.hasher);
        const ctx = { ...platform, hasher };
        const attempts = [...Array.from({ length: 39 }, (_, i) => `Wrong-Guess-${i}!x`), PASSWORD].map(
          (password) => login(ctx, { loginId: "sato", password }, origin),
        );
        const results = await Promise.allSettled(attempts);
        expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(0);
        expect(counter.checked).toBeLessThanOrEqual(5);
        expect(await countAudit(platform.db, "auth.lockout")).toBe(1);
      } finally {
        await platform.close();
      }
    });
  });
}
