import { randomBytes } from "node:crypto";
import { type Algorithm, hash, verify } from "@node-rs/argon2";
import { checkPasswordPolicy, DEFAULT_PASSWORD_POLICY, type PasswordPolicy } from "./password-policy.js";

// Algorithm.Argon2id; the package exports it as an ambient const enum.
const ARGON2ID = 2 as Algorithm;

/** argon2id cost parameters. */
export interface Argon2Params {
  /** KiB of memory; default 19,456 (OWASP's 19 MiB). */
  readonly memoryCost: number;
  /** Iterations; default 2. */
  readonly timeCost: number;
  /** Lanes; default 1. */
  readonly parallelism: number;
}

/** OWASP's argon2id baseline. Tests pass cheaper parameters through `createPlatform`'s `argon2`. */
export const DEFAULT_ARGON2: Argon2Params = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** Hashes and verifies passwords with argon2id. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(stored: string, password: string): Promise<boolean>;
}

/**
 * An argon2id hasher (`@node-rs/argon2`, prebuilt binaries) with the given cost.
 *
 * @example
 * ```ts
 * const hasher = createPasswordHasher();
 * const stored = await hasher.hash("春の小川は-さらさら行くよ");
 * await hasher.verify(stored, "春の小川は-さらさら行くよ"); // true
 * ```
 */
export function createPasswordHasher(params: Partial<Argon2Params> = {}): PasswordHasher {
  const p = { ...DEFAULT_ARGON2, ...params };
  return {
    hash: (password) => hash(password, { algorithm: ARGON2ID, ...p }),
    async verify(stored, password) {
      try {
        return await verify(stored, password);
      } catch {
        return false;
      }
    },
  };
}

/** Options of {@link generatePassword}. */
export interface GeneratePasswordOptions {
  /** Characters; default 24, raised to the policy's minimum and capped at its maximum. */
  readonly length?: number;
  /** The user the password is for: it must not contain their login id or name. */
  readonly context?: { readonly loginId: string; readonly displayName?: string };
  /** The policy it must pass; default {@link DEFAULT_PASSWORD_POLICY}. */
  readonly policy?: Partial<PasswordPolicy>;
}

const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789-_";
// The largest multiple of the alphabet's size below 256: bytes above it are redrawn, so no bias.
const UNBIASED = 256 - (256 % ALPHABET.length);

function randomFromAlphabet(length: number): string {
  let out = "";
  while (out.length < length) {
    for (const b of randomBytes(length * 2)) {
      if (b < UNBIASED && out.length < length) out += ALPHABET[b % ALPHABET.length];
    }
  }
  return out;
}

/**
 * A random one-time password from an unambiguous alphabet that always passes the password policy
 * for the given user: candidates are redrawn until {@link checkPasswordPolicy} finds nothing
 * (about 1 in 500 of raw draws hold a sequence such as `abcd`, a common word or a run).
 *
 * @param options - length, the user (login id, name) and the policy
 * @returns the password
 * @example
 * ```ts
 * generatePassword().length; // 24
 * checkPasswordPolicy(generatePassword({ context: { loginId: "sato" } }), { loginId: "sato" }); // []
 * ```
 */
export function generatePassword(options: GeneratePasswordOptions = {}): string {
  const policy = { ...DEFAULT_PASSWORD_POLICY, ...options.policy };
  const length = Math.min(Math.max(options.length ?? 24, policy.minLength, 16), policy.maxLength);
  const context = options.context ?? { loginId: "" };
  for (;;) {
    const candidate = randomFromAlphabet(length);
    // Three kinds even when the policy asks for fewer, and a letter or digit first so that a
    // spreadsheet's formula guard never prefixes the password in a credentials CSV.
    if (
      /^[A-Za-z0-9]/.test(candidate) &&
      /[a-z]/.test(candidate) &&
      /[A-Z]/.test(candidate) &&
      /[0-9]/.test(candidate) &&
      checkPasswordPolicy(candidate, context, policy).length === 0
    ) {
      return candidate;
    }
  }
}
