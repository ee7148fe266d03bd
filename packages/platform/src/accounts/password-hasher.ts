import { randomBytes } from "node:crypto";
import { type Algorithm, hash, verify } from "@node-rs/argon2";

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

/**
 * A random password that passes the default policy (24 characters from an unambiguous alphabet).
 *
 * @example
 * ```ts
 * generatePassword().length; // 24
 * ```
 */
export function generatePassword(length = 24): string {
  const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789-_";
  for (;;) {
    const bytes = randomBytes(length);
    const candidate = [...bytes].map((b) => alphabet[b % alphabet.length]).join("");
    // Redraw the rare candidate that has only one kind of character or a run.
    if (
      /[a-z]/.test(candidate) &&
      /[A-Z]/.test(candidate) &&
      /[0-9]/.test(candidate) &&
      !/(.)\1{3}/.test(candidate)
    ) {
      return candidate;
    }
  }
}
