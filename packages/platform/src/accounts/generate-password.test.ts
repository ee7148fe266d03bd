import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generatePassword } from "./password-hasher.js";
import { checkPasswordPolicy } from "./password-policy.js";

// 50,000 generations here (a few seconds); bench/one-time-passwords.ts runs the million.
const RUNS = 50;
const PER_RUN = 1000;

const loginId = fc.stringMatching(/^[a-z0-9._-]{3,12}$/);
const policy = fc.record({
  minLength: fc.integer({ min: 8, max: 40 }),
  maxLength: fc.constant(128),
  minKinds: fc.integer({ min: 1, max: 3 }),
});

describe("generatePassword", () => {
  it("always passes the password policy for the user it is made for", () => {
    fc.assert(
      fc.property(
        loginId,
        fc.option(fc.string({ maxLength: 8 }), { nil: undefined }),
        policy,
        (id, name, p) => {
          const context = name === undefined ? { loginId: id } : { loginId: id, displayName: name };
          for (let i = 0; i < PER_RUN; i += 1) {
            const password = generatePassword({ context, policy: p });
            const violations = checkPasswordPolicy(password, context, p);
            if (violations.length > 0) throw new Error(`${password}: ${violations.map((v) => v.code)}`);
            if (!/^[A-Za-z0-9]/.test(password)) throw new Error(`${password} starts with a symbol`);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("redraws candidates holding a sequence, which the raw alphabet draws about 1 in 500 times", () => {
    // A login id that is itself a likely substring: the generator must avoid it.
    const context = { loginId: "abc" };
    for (let i = 0; i < 2000; i += 1) expect(generatePassword({ context })).not.toContain("abc");
    expect(generatePassword().length).toBe(24);
    expect(generatePassword({ policy: { minLength: 30 } }).length).toBe(30);
  });
});
