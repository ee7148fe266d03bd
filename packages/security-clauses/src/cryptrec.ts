import { z } from "zod";
import { SecurityClausesError } from "./errors.js";

/** Technique categories of the 電子政府推奨暗号リスト. */
export type CryptrecCategory =
  | "signature"
  | "confidentiality"
  | "key-exchange"
  | "block-cipher-64"
  | "block-cipher-128"
  | "stream-cipher"
  | "hash"
  | "mode"
  | "authenticated-mode"
  | "mac"
  | "entity-authentication";

/** One entry of a version of the list. */
export interface CryptrecEntry {
  readonly name: string;
  readonly category: CryptrecCategory;
  /** A condition on its use (注), in Japanese, when the list attaches one that restricts it. */
  readonly condition?: string;
  /** False where this package could not check the entry against the published list (see `note`). */
  readonly verified: boolean;
  readonly note?: string;
}

/** A published version of the 電子政府推奨暗号リスト. */
export interface CryptrecList {
  readonly version: CryptrecVersion;
  readonly documentId: string;
  readonly published: string;
  readonly entries: readonly CryptrecEntry[];
  /** What this encoding could not verify, in English. */
  readonly unverified: readonly string[];
}

/** Versions encoded: `"2013"` (LS-0001-2012) and `"2023"` (LS-0001-2022). */
export const cryptrecVersionSchema = z.enum(["2013", "2023"]);
/** A version of the list. */
export type CryptrecVersion = z.infer<typeof cryptrecVersionSchema>;

const e = (name: string, category: CryptrecCategory, extra: Partial<CryptrecEntry> = {}): CryptrecEntry => ({
  name,
  category,
  verified: true,
  ...extra,
});

const RSA_NOTE = "注1: SHA-1及びRSA1024に係る移行指針を踏まえて利用すること";
const TDES = "注3: 3-key Triple DESは条件を考慮し当面の利用を認める（NIST SP 800-67 等の条件）";

const LIST_2013: readonly CryptrecEntry[] = [
  e("DSA", "signature"),
  e("ECDSA", "signature"),
  e("RSA-PSS", "signature", { note: RSA_NOTE }),
  e("RSASSA-PKCS1-v1_5", "signature", { note: RSA_NOTE }),
  e("RSA-OAEP", "confidentiality", { note: RSA_NOTE }),
  e("DH", "key-exchange"),
  e("ECDH", "key-exchange"),
  e("3-key Triple DES", "block-cipher-64", { condition: TDES }),
  e("AES", "block-cipher-128"),
  e("Camellia", "block-cipher-128"),
  e("KCipher-2", "stream-cipher"),
  e("SHA-256", "hash"),
  e("SHA-384", "hash"),
  e("SHA-512", "hash"),
  e("CBC", "mode"),
  e("CFB", "mode"),
  e("CTR", "mode"),
  e("OFB", "mode"),
  e("CCM", "authenticated-mode"),
  e("GCM", "authenticated-mode", { note: "注4あり（内容はこのパッケージでは未確認）" }),
  e("CMAC", "mac"),
  e("HMAC", "mac"),
  e("ISO/IEC 9798-2", "entity-authentication"),
  e("ISO/IEC 9798-3", "entity-authentication"),
];

// Confirmed for LS-0001-2022 by secondary sources only: EdDSA and SHA-3 added; AES, Camellia, DSA, ECDSA,
// RSA-OAEP, DH, ECDH, SHA-2, CBC, CTR, CCM, CMAC and HMAC listed. Everything else is carried over unverified.
const CONFIRMED_2023 = new Set([
  "AES",
  "Camellia",
  "DSA",
  "ECDSA",
  "RSA-OAEP",
  "DH",
  "ECDH",
  "SHA-256",
  "SHA-384",
  "SHA-512",
  "CBC",
  "CTR",
  "CCM",
  "CMAC",
  "HMAC",
]);
const CARRIED = "2013年版から引き継いだ推定。LS-0001-2022での掲載は未確認";

const LIST_2023: readonly CryptrecEntry[] = [
  ...LIST_2013.map((entry) =>
    CONFIRMED_2023.has(entry.name) ? entry : { ...entry, verified: false, note: CARRIED },
  ),
  e("EdDSA", "signature"),
  e("SHA3-256", "hash", { verified: false, note: "SHA-3の追加は確認済み。掲載される出力長は未確認" }),
  e("SHA3-384", "hash", { verified: false, note: "SHA-3の追加は確認済み。掲載される出力長は未確認" }),
  e("SHA3-512", "hash", { verified: false, note: "SHA-3の追加は確認済み。掲載される出力長は未確認" }),
];

/** The encoded versions of the 電子政府推奨暗号リスト (the recommended list only, not 推奨候補 or 運用監視). */
export const cryptrecLists: Readonly<Record<CryptrecVersion, CryptrecList>> = Object.freeze({
  "2013": {
    version: "2013",
    documentId: "CRYPTREC LS-0001-2012",
    published: "2013-03-01",
    entries: LIST_2013,
    unverified: ["the text of note 4 (GCM)", "revisions R1–R8 up to 2023-03-08 are not encoded separately"],
  },
  "2023": {
    version: "2023",
    documentId: "CRYPTREC LS-0001-2022",
    published: "2023-03-30",
    entries: LIST_2023,
    unverified: [
      "entries carried over from 2013 other than AES, Camellia, DSA, ECDSA, RSA-OAEP, DH, ECDH, SHA-2, CBC, CTR, CCM, CMAC, HMAC",
      "whether 3-key Triple DES stayed on the recommended list",
      "which SHA-3 output lengths (and whether SHAKE) are listed",
      "any further additions (e.g. ChaCha20-Poly1305) or removals",
    ],
  },
});

/** How one component of a configured algorithm fares. */
export interface CryptrecComponent {
  /** The canonical name recognised (`"AES"`, `"SHA-256"`), or the raw token. */
  readonly name: string;
  readonly status: "recommended" | "conditional" | "unverified" | "not-listed" | "unrecognised";
  readonly entry?: CryptrecEntry;
  readonly note?: string;
}

/** Result of {@link checkCryptrec}. */
export interface CryptrecCheck {
  readonly input: string;
  readonly version: CryptrecVersion;
  readonly status: "pass" | "fail" | "needs-evidence";
  readonly reason: string;
  readonly components: readonly CryptrecComponent[];
}

// Canonical names of tokens (joined without separators, upper case) that are not on any list.
const OTHER: Record<string, string> = {
  CHACHA20: "ChaCha20",
  POLY1305: "Poly1305",
  RC4: "RC4",
  DES: "DES",
  MD5: "MD5",
  SHA: "SHA-1",
  SHA1: "SHA-1",
  SHA224: "SHA-224",
  NULL: "NULL",
  EXPORT: "EXPORT",
  ANON: "anonymous",
  RSAESPKCS1V15: "RSAES-PKCS1-v1_5",
  SEED: "SEED",
  ARIA: "ARIA",
  IDEA: "IDEA",
  BLOWFISH: "Blowfish",
  XTS: "XTS",
  ECB: "ECB",
  SHAKE128: "SHAKE128",
  SHAKE256: "SHAKE256",
};

const LISTED: Record<string, string> = {
  DSA: "DSA",
  ECDSA: "ECDSA",
  RSAPSS: "RSA-PSS",
  PSS: "RSA-PSS",
  RSASSAPKCS1V15: "RSASSA-PKCS1-v1_5",
  PKCS1V15: "RSASSA-PKCS1-v1_5",
  RSAOAEP: "RSA-OAEP",
  OAEP: "RSA-OAEP",
  DH: "DH",
  DHE: "DH",
  ECDH: "ECDH",
  ECDHE: "ECDH",
  X25519: "ECDH",
  X448: "ECDH",
  "3DES": "3-key Triple DES",
  "3DESEDE": "3-key Triple DES",
  DESEDE3: "3-key Triple DES",
  DESEDE: "3-key Triple DES",
  TRIPLEDES: "3-key Triple DES",
  TDEA: "3-key Triple DES",
  AES: "AES",
  CAMELLIA: "Camellia",
  KCIPHER2: "KCipher-2",
  SHA256: "SHA-256",
  SHA384: "SHA-384",
  SHA512: "SHA-512",
  SHA2256: "SHA-256",
  SHA2384: "SHA-384",
  SHA2512: "SHA-512",
  SHA3256: "SHA3-256",
  SHA3384: "SHA3-384",
  SHA3512: "SHA3-512",
  CBC: "CBC",
  CFB: "CFB",
  CTR: "CTR",
  OFB: "OFB",
  CCM: "CCM",
  GCM: "GCM",
  CMAC: "CMAC",
  HMAC: "HMAC",
  EDDSA: "EdDSA",
  ED25519: "EdDSA",
  ED448: "EdDSA",
};

// Every name the parser can produce from a known token, listed or not.
const KNOWN = new Set([...Object.values(LISTED), ...Object.values(OTHER)]);

const NOTES: Record<string, string> = {
  X25519: "曲線（X25519）が推奨リストのECDHの対象かは未確認",
  X448: "曲線（X448）が推奨リストのECDHの対象かは未確認",
};

const SKIP = new Set(["TLS", "SSL", "WITH", "EDE", "8", "CIPHER", "MODE"]);

/** Splits a configured name into canonical algorithm names. */
function components(input: string): { name: string; raw: string }[] {
  const normalised = input.toUpperCase().replace(/[^A-Z0-9]+/g, "_");
  const tokens = normalised.split("_").filter((t) => t !== "");
  const isTls12 = tokens[0] === "TLS" && tokens.includes("WITH");
  const withAt = tokens.indexOf("WITH");
  const out: { name: string; raw: string }[] = [];
  let i = 0;
  while (i < tokens.length) {
    let matched = false;
    for (const width of [4, 3, 2, 1]) {
      if (i + width > tokens.length) continue;
      const joined = tokens.slice(i, i + width).join("");
      const name = LISTED[joined] ?? OTHER[joined] ?? (/^FFDHE\d+$/.test(joined) ? "DH" : undefined);
      if (name) {
        out.push({ name, raw: joined });
        i += width;
        matched = true;
        break;
      }
    }
    if (matched) continue;
    const token = tokens[i] as string;
    i += 1;
    if (SKIP.has(token) || /^\d+$/.test(token)) continue;
    if (token === "RSA") {
      // In a TLS 1.2 suite, RSA alone before WITH is key transport (RSAES-PKCS1-v1_5); after (EC)DHE it signs.
      const before = i - 1 < withAt;
      const kxGiven = out.some((c) => c.name === "DH" || c.name === "ECDH");
      if (isTls12 && before)
        out.push({ name: kxGiven ? "RSASSA-PKCS1-v1_5" : "RSAES-PKCS1-v1_5", raw: token });
      else out.push({ name: "RSA", raw: token });
      continue;
    }
    out.push({ name: token, raw: token });
  }
  return out;
}

function assess(name: string, raw: string, list: CryptrecList): CryptrecComponent {
  const entry = list.entries.find((x) => x.name === name);
  const note = NOTES[raw];
  const extra = note ? { note } : {};
  if (entry) {
    if (!entry.verified) return { name, status: "unverified", entry, note: entry.note ?? CARRIED };
    if (entry.condition) return { name, status: "conditional", entry, note: entry.condition };
    return { name, status: note ? "unverified" : "recommended", entry, ...extra };
  }
  if (name === "RSA")
    return { name, status: "unrecognised", note: "RSAの方式（PSS / PKCS1-v1_5 / OAEP）が不明" };
  return KNOWN.has(name) ? { name, status: "not-listed" } : { name, status: "unrecognised" };
}

/**
 * Checks a configured algorithm or TLS cipher suite against a version of the 電子政府推奨暗号リスト: every
 * component (key exchange, signature, cipher, mode, hash, MAC) must be on the recommended list.
 *
 * @param input - e.g. `"aes-256-gcm"`, `"TLS_AES_128_GCM_SHA256"`, `"TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"`
 * @param version - `"2013"` or `"2023"` (default)
 * @returns `pass` when all are recommended; `fail` when any is off the list; otherwise `needs-evidence`
 * @throws {SecurityClausesError} `UNKNOWN_CRYPTREC_VERSION`
 * @example
 * checkCryptrec("aes-256-gcm", "2013").status; // => "pass"
 * checkCryptrec("TLS_CHACHA20_POLY1305_SHA256", "2013").status; // => "fail"
 */
export function checkCryptrec(input: string, version: CryptrecVersion = "2023"): CryptrecCheck {
  const list = (cryptrecLists as Record<string, CryptrecList | undefined>)[version];
  if (!list)
    throw new SecurityClausesError("UNKNOWN_CRYPTREC_VERSION", `unknown CRYPTREC version "${version}"`);
  const parts = components(input).map((c) => assess(c.name, c.raw, list));
  const named = (s: CryptrecComponent["status"]) => parts.filter((p) => p.status === s).map((p) => p.name);
  const base = { input, version, components: parts };
  if (parts.length === 0) {
    return { ...base, status: "needs-evidence", reason: "暗号方式を識別できない" };
  }
  const off = named("not-listed");
  if (off.length > 0) {
    return {
      ...base,
      status: "fail",
      reason: `電子政府推奨暗号リスト(${list.documentId})に記載のない方式: ${off.join(", ")}`,
    };
  }
  const open = [...named("conditional"), ...named("unverified"), ...named("unrecognised")];
  if (open.length > 0) {
    return {
      ...base,
      status: "needs-evidence",
      reason: `条件付き・未確認・不明の方式あり: ${open.join(", ")}`,
    };
  }
  return { ...base, status: "pass", reason: `全ての方式が電子政府推奨暗号リスト(${list.documentId})に記載` };
}
