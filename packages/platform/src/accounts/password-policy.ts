/** Settings of {@link checkPasswordPolicy}. */
export interface PasswordPolicy {
  /** Minimum length in characters; default 12. */
  readonly minLength: number;
  /** Maximum length; default 128. */
  readonly maxLength: number;
  /** Minimum number of character kinds (lower, upper, digit, ASCII symbol, non-ASCII such as kana); default 2. */
  readonly minKinds: number;
}

/** The default policy (Meguro §18: long enough, hard to guess). */
export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = { minLength: 12, maxLength: 128, minKinds: 2 };

/** One failed rule: a stable code and a Japanese message. */
export interface PasswordViolation {
  readonly code: "TOO_SHORT" | "TOO_LONG" | "TOO_FEW_KINDS" | "COMMON" | "CONTAINS_NAME" | "REPETITIVE";
  readonly message: string;
}

const COMMON = [
  "password",
  "passw0rd",
  "qwerty",
  "123456",
  "12345678",
  "abc123",
  "letmein",
  "welcome",
  "admin",
  "iloveyou",
  "monkey",
  "dragon",
  "nerima",
  "meguro",
  "tokyo",
  "kuyakusho",
];

/**
 * Checks a password against the policy: length, character kinds, common words and sequences,
 * repetition, and the user's own login id or name. (That a password is not shared with another
 * system, Meguro §18(6), cannot be checked; the UI says so next to the field.)
 *
 * @param password - the candidate
 * @param context - the user's `loginId` and `displayName`
 * @param policy - overrides of {@link DEFAULT_PASSWORD_POLICY}
 * @returns every violation (empty when the password passes)
 * @example
 * ```ts
 * checkPasswordPolicy("password123", { loginId: "sato" }).map((v) => v.code); // ["TOO_SHORT", "COMMON"]
 * checkPasswordPolicy("春の小川は-さらさら行くよ", { loginId: "sato" }); // []
 * ```
 */
export function checkPasswordPolicy(
  password: string,
  context: { readonly loginId: string; readonly displayName?: string },
  policy: Partial<PasswordPolicy> = {},
): PasswordViolation[] {
  const p = { ...DEFAULT_PASSWORD_POLICY, ...policy };
  const violations: PasswordViolation[] = [];
  const length = [...password].length;
  if (length < p.minLength) {
    violations.push({ code: "TOO_SHORT", message: `パスワードは${p.minLength}文字以上にしてください。` });
  }
  if (length > p.maxLength) {
    violations.push({ code: "TOO_LONG", message: `パスワードは${p.maxLength}文字以内にしてください。` });
  }
  const kinds = [/[a-z]/, /[A-Z]/, /[0-9]/, /[!-/:-@[-`{-~ ]/, /[^\u0020-\u007E]/].filter((re) =>
    re.test(password),
  ).length;
  if (kinds < p.minKinds) {
    violations.push({
      code: "TOO_FEW_KINDS",
      message: `英小文字・英大文字・数字・記号・かな漢字のうち${p.minKinds}種類以上を組み合わせてください。`,
    });
  }
  const lower = password.toLowerCase();
  const skeleton = lower.replace(/[^a-z]/g, "");
  if (COMMON.some((word) => lower.includes(word) || skeleton === word) || hasSequence(lower)) {
    violations.push({
      code: "COMMON",
      message: "よく使われる単語や連続した文字（password、1234、abcd など）は使えません。",
    });
  }
  if (/(.)\1{3,}/u.test(password)) {
    violations.push({ code: "REPETITIVE", message: "同じ文字を4回以上続けないでください。" });
  }
  const names = [context.loginId, context.displayName ?? ""]
    .map((n) => n.toLowerCase())
    .filter((n) => n.length >= 3);
  if (names.some((name) => lower.includes(name))) {
    violations.push({ code: "CONTAINS_NAME", message: "ログインIDや氏名を含めないでください。" });
  }
  return violations;
}

function hasSequence(text: string): boolean {
  const rows = ["0123456789", "abcdefghijklmnopqrstuvwxyz", "qwertyuiop", "asdfghjkl", "zxcvbnm"];
  for (const row of rows) {
    for (let i = 0; i + 4 <= row.length; i += 1) {
      const run = row.slice(i, i + 4);
      if (text.includes(run) || text.includes([...run].reverse().join(""))) return true;
    }
  }
  return false;
}
