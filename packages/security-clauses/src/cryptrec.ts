import { z } from "zod";
import { SecurityClausesError } from "./errors.js";

/** Technique categories of the CRYPTREC lists (技術分類). */
export type CryptrecCategory =
  | "signature"
  | "confidentiality"
  | "key-exchange"
  | "key-encapsulation"
  | "block-cipher-64"
  | "block-cipher-128"
  | "stream-cipher"
  | "hash"
  | "mode"
  | "authenticated-mode"
  | "mac"
  | "entity-authentication";

/**
 * Which of the three lists of the CRYPTREC 暗号リスト an entry is on: `recommended` (電子政府推奨暗号リスト),
 * `candidate` (推奨候補暗号リスト) or `monitored` (運用監視暗号リスト: for compatibility with existing systems only).
 */
export type CryptrecMembership = "recommended" | "candidate" | "monitored";

/** One entry of a version of the CRYPTREC 暗号リスト. */
export interface CryptrecEntry {
  readonly name: string;
  readonly category: CryptrecCategory;
  readonly list: CryptrecMembership;
  /** The list's notes (注) on the entry, in Japanese. */
  readonly notes?: readonly string[];
  /** A condition the list puts on any use (3-key Triple DES in 2013): the check asks for evidence. */
  readonly condition?: string;
  /** `storage`: to be used only to encrypt data on storage media (XTS). */
  readonly useOnly?: "storage";
  /** The revision that added the entry, when later than the first edition. */
  readonly since?: string;
}

/** One revision of a list. */
export interface CryptrecRevision {
  readonly id: string;
  /** ISO date; absent where this package could not confirm it. */
  readonly date?: string;
  readonly changes: string;
}

/** A published version of the CRYPTREC 暗号リスト (all three lists). */
export interface CryptrecList {
  readonly version: CryptrecVersion;
  /** The list's identifier as first published, e.g. `CRYPTREC LS-0001-2022`. */
  readonly listId: string;
  /** The identifier of the revision encoded, e.g. `CRYPTREC LS-0001-2022R2`. */
  readonly documentId: string;
  /** First edition, ISO date. */
  readonly published: string;
  /** The date of the revision encoded. */
  readonly revised: string;
  readonly revisions: readonly CryptrecRevision[];
  readonly entries: readonly CryptrecEntry[];
  /** How the entries were transcribed, and what could not be checked against the official PDF (English). */
  readonly provenance: { readonly basis: string; readonly unconfirmed: readonly string[] };
}

/** Versions encoded: `"2013"` (LS-0001-2012, for contracts that name it) and `"2023"` (LS-0001-2022, current). */
export const cryptrecVersionSchema = z.enum(["2013", "2023"]);
/** A version of the list. */
export type CryptrecVersion = z.infer<typeof cryptrecVersionSchema>;

type Extra = Omit<CryptrecEntry, "name" | "category" | "list">;
const rec = (name: string, category: CryptrecCategory, extra: Extra = {}): CryptrecEntry => ({
  name,
  category,
  list: "recommended",
  ...extra,
});
const cand = (name: string, category: CryptrecCategory, extra: Extra = {}): CryptrecEntry => ({
  name,
  category,
  list: "candidate",
  ...extra,
});
const mon = (name: string, category: CryptrecCategory, extra: Extra = {}): CryptrecEntry => ({
  name,
  category,
  list: "monitored",
  ...extra,
});

const RSA_NOTE =
  "注: 「政府機関の情報システムにおいて使用されている暗号アルゴリズム SHA-1 及び RSA1024 に係る移行指針」を踏まえて利用すること";
const BLOCK64_NOTE =
  "注: より長いブロック長の暗号が利用できるのであれば、128ビットブロック暗号を選択することが望ましい";
const TDES_2013 =
  "注: 3-key Triple DESは、(1) NIST SP 800-67 として規定されているもの、(2) デファクトスタンダードとしての位置を保っているもの、の条件を考慮し、当面の利用を認める";
const GCM_NOTE = "注: 初期化ベクトル長は96ビットを推奨する";
const XTS_NOTE = "注: 記録媒体上のデータの暗号化（ストレージ暗号化）に用途を限る";

// Candidate ciphers carried by both editions (推奨候補暗号リスト).
const CANDIDATES: readonly CryptrecEntry[] = [
  cand("CIPHERUNICORN-E", "block-cipher-64", { notes: [BLOCK64_NOTE] }),
  cand("Hierocrypt-L1", "block-cipher-64", { notes: [BLOCK64_NOTE] }),
  cand("MISTY1", "block-cipher-64", { notes: [BLOCK64_NOTE] }),
  cand("CIPHERUNICORN-A", "block-cipher-128"),
  cand("CLEFIA", "block-cipher-128"),
  cand("Hierocrypt-3", "block-cipher-128"),
  cand("SC2000", "block-cipher-128"),
  cand("Enocoro-128v2", "stream-cipher"),
  cand("MUGI", "stream-cipher"),
  cand("MULTI-S01", "stream-cipher"),
  cand("PC-MAC-AES", "mac"),
  cand("ISO/IEC 9798-4", "entity-authentication"),
];

const LIST_2013: readonly CryptrecEntry[] = [
  rec("DSA", "signature"),
  rec("ECDSA", "signature"),
  rec("RSA-PSS", "signature", { notes: [RSA_NOTE] }),
  rec("RSASSA-PKCS1-v1_5", "signature", { notes: [RSA_NOTE] }),
  rec("RSA-OAEP", "confidentiality", { notes: [RSA_NOTE] }),
  rec("DH", "key-exchange"),
  rec("ECDH", "key-exchange"),
  rec("3-key Triple DES", "block-cipher-64", { notes: [BLOCK64_NOTE, TDES_2013], condition: TDES_2013 }),
  rec("AES", "block-cipher-128"),
  rec("Camellia", "block-cipher-128"),
  rec("KCipher-2", "stream-cipher"),
  rec("SHA-256", "hash"),
  rec("SHA-384", "hash"),
  rec("SHA-512", "hash"),
  rec("CBC", "mode"),
  rec("CFB", "mode"),
  rec("CTR", "mode"),
  rec("OFB", "mode"),
  rec("CCM", "authenticated-mode"),
  rec("GCM", "authenticated-mode", { notes: [GCM_NOTE] }),
  rec("CMAC", "mac"),
  rec("HMAC", "mac"),
  rec("ISO/IEC 9798-2", "entity-authentication"),
  rec("ISO/IEC 9798-3", "entity-authentication"),
  ...CANDIDATES,
  mon("RSAES-PKCS1-v1_5", "confidentiality", { notes: [RSA_NOTE] }),
  mon("128-bit RC4", "stream-cipher"),
  mon("RIPEMD-160", "hash"),
  mon("SHA-1", "hash"),
  mon("CBC-MAC", "mac"),
];

const LIST_2023: readonly CryptrecEntry[] = [
  rec("DSA", "signature"),
  rec("ECDSA", "signature"),
  rec("EdDSA", "signature"),
  rec("RSA-PSS", "signature", { notes: [RSA_NOTE] }),
  rec("RSASSA-PKCS1-v1_5", "signature", { notes: [RSA_NOTE] }),
  rec("RSA-OAEP", "confidentiality", { notes: [RSA_NOTE] }),
  rec("DH", "key-exchange"),
  rec("ECDH", "key-exchange"),
  rec("ML-KEM-768", "key-encapsulation", { since: "CRYPTREC LS-0001-2022R2" }),
  rec("ML-KEM-1024", "key-encapsulation", { since: "CRYPTREC LS-0001-2022R2" }),
  rec("AES", "block-cipher-128"),
  rec("Camellia", "block-cipher-128"),
  rec("KCipher-2", "stream-cipher"),
  rec("SHA-256", "hash"),
  rec("SHA-384", "hash"),
  rec("SHA-512", "hash"),
  rec("SHA3-256", "hash"),
  rec("SHA3-384", "hash"),
  rec("SHA3-512", "hash"),
  rec("SHAKE128", "hash"),
  rec("SHAKE256", "hash"),
  rec("CBC", "mode"),
  rec("CFB", "mode"),
  rec("CTR", "mode"),
  rec("OFB", "mode"),
  rec("XTS", "mode", { notes: [XTS_NOTE], useOnly: "storage" }),
  rec("CCM", "authenticated-mode"),
  rec("GCM", "authenticated-mode", { notes: [GCM_NOTE] }),
  rec("CMAC", "mac"),
  rec("HMAC", "mac"),
  rec("ISO/IEC 9798-2", "entity-authentication"),
  rec("ISO/IEC 9798-3", "entity-authentication"),
  ...CANDIDATES,
  mon("RSAES-PKCS1-v1_5", "confidentiality", { notes: [RSA_NOTE] }),
  // Moved off the recommended list in 2023: kept only for compatibility with existing systems.
  mon("3-key Triple DES", "block-cipher-64", { notes: [BLOCK64_NOTE] }),
  mon("128-bit RC4", "stream-cipher"),
  mon("RIPEMD-160", "hash"),
  mon("SHA-1", "hash"),
  mon("CBC-MAC", "mac"),
];

const SECONDARY =
  "Transcribed from secondary sources (published mirrors and summaries of the list, cryptrec.go.jp/list.html); " +
  "the official PDF itself could not be fetched from the build environment. See README § CRYPTREC.";

/** The encoded versions of the CRYPTREC 暗号リスト, with all three lists (推奨 / 推奨候補 / 運用監視). */
export const cryptrecLists: Readonly<Record<CryptrecVersion, CryptrecList>> = Object.freeze({
  "2013": {
    version: "2013",
    listId: "CRYPTREC LS-0001-2012",
    documentId: "CRYPTREC LS-0001-2012",
    published: "2013-03-01",
    revised: "2013-03-01",
    revisions: [
      { id: "CRYPTREC LS-0001-2012", date: "2013-03-01", changes: "first edition" },
      {
        id: "CRYPTREC LS-0001-2012R8",
        date: "2023-03-08",
        changes: "last of eight revisions (R1–R8 not encoded one by one; the 2013-03-01 lists are)",
      },
    ],
    entries: LIST_2013,
    provenance: {
      basis: SECONDARY,
      unconfirmed: [
        "the full wording of the notes (the 3-key Triple DES conditions are abridged)",
        "the candidate and monitored lists (names only, from secondary sources)",
      ],
    },
  },
  "2023": {
    version: "2023",
    listId: "CRYPTREC LS-0001-2022",
    documentId: "CRYPTREC LS-0001-2022R2",
    published: "2023-03-30",
    revised: "2026-03-30",
    revisions: [
      { id: "CRYPTREC LS-0001-2022", date: "2023-03-30", changes: "first edition" },
      { id: "CRYPTREC LS-0001-2022R1", changes: "revision (date and content not confirmed here)" },
      {
        id: "CRYPTREC LS-0001-2022R2",
        date: "2026-03-30",
        changes: "adds post-quantum key encapsulation: ML-KEM-768 and ML-KEM-1024 (not ML-KEM-512)",
      },
    ],
    entries: LIST_2023,
    provenance: {
      basis: SECONDARY,
      unconfirmed: [
        "the wording of the GCM and XTS notes (encoded as summarised: 96-bit IV recommended; XTS for storage media only)",
        "whether the R2 post-quantum table counts as the recommended list (encoded as recommended)",
        "the content and date of revision R1",
        "the candidate and monitored lists beyond the names encoded (e.g. whether ChaCha20-Poly1305 or SHA-512/256 appear)",
      ],
    },
  },
});

/** How one component of a configured algorithm fares. */
export interface CryptrecComponent {
  /** The canonical name recognised (`"AES"`, `"SHA-256"`), or the raw token. */
  readonly name: string;
  readonly status:
    | "recommended"
    | "conditional"
    | "candidate"
    | "monitored"
    | "unverified"
    | "not-listed"
    | "unrecognised";
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
  DES: "DES",
  MD5: "MD5",
  SHA224: "SHA-224",
  MLKEM512: "ML-KEM-512",
  NULL: "NULL",
  EXPORT: "EXPORT",
  ANON: "anonymous",
  SEED: "SEED",
  ARIA: "ARIA",
  IDEA: "IDEA",
  BLOWFISH: "Blowfish",
  ECB: "ECB",
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
  SHAKE128: "SHAKE128",
  SHAKE256: "SHAKE256",
  XTS: "XTS",
  MLKEM768: "ML-KEM-768",
  MLKEM1024: "ML-KEM-1024",
  // Candidate and monitored entries.
  CIPHERUNICORNE: "CIPHERUNICORN-E",
  CIPHERUNICORNA: "CIPHERUNICORN-A",
  HIEROCRYPTL1: "Hierocrypt-L1",
  HIEROCRYPT3: "Hierocrypt-3",
  MISTY1: "MISTY1",
  CLEFIA: "CLEFIA",
  SC2000: "SC2000",
  ENOCORO128V2: "Enocoro-128v2",
  MUGI: "MUGI",
  MULTIS01: "MULTI-S01",
  PCMACAES: "PC-MAC-AES",
  RSAESPKCS1V15: "RSAES-PKCS1-v1_5",
  RC4: "128-bit RC4",
  RC4128: "128-bit RC4",
  RIPEMD160: "RIPEMD-160",
  SHA: "SHA-1",
  SHA1: "SHA-1",
  CBCMAC: "CBC-MAC",
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

/** Options of {@link checkCryptrec}. */
export interface CryptrecCheckOptions {
  /** What the algorithm protects: `storage` lets storage-only modes (XTS) pass. */
  readonly use?: "storage" | "communication";
}

function assess(
  name: string,
  raw: string,
  list: CryptrecList,
  options: CryptrecCheckOptions,
): CryptrecComponent {
  const entry = list.entries.find((x) => x.name === name);
  const note = NOTES[raw];
  if (entry) {
    const notes = entry.notes?.join(" ");
    const withNotes = notes === undefined ? {} : { note: notes };
    if (entry.list === "monitored") return { name, status: "monitored", entry, ...withNotes };
    if (entry.list === "candidate") return { name, status: "candidate", entry, ...withNotes };
    if (entry.condition) return { name, status: "conditional", entry, note: entry.condition };
    if (entry.useOnly === "storage" && options.use !== "storage")
      return { name, status: "conditional", entry, note: notes ?? "記録媒体の暗号化に限る" };
    if (note) return { name, status: "unverified", entry, note };
    return { name, status: "recommended", entry, ...withNotes };
  }
  if (name === "RSA")
    return { name, status: "unrecognised", note: "RSAの方式（PSS / PKCS1-v1_5 / OAEP）が不明" };
  return KNOWN.has(name) ? { name, status: "not-listed" } : { name, status: "unrecognised" };
}

/**
 * Checks a configured algorithm or TLS cipher suite against a version of the CRYPTREC 暗号リスト: every
 * component (key exchange, signature, cipher, mode, hash, MAC) must be on the 電子政府推奨暗号リスト.
 *
 * @param input - e.g. `"aes-256-gcm"`, `"TLS_AES_128_GCM_SHA256"`, `"TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"`
 * @param version - `"2013"` or `"2023"` (default; LS-0001-2022 as revised by R2)
 * @param options - `use: "storage"` for storage encryption (lets XTS pass)
 * @returns `pass` when all are recommended; `fail` when any is off the lists or on the 運用監視暗号リスト;
 *   otherwise (推奨候補, a condition or a use restriction, an unrecognised name) `needs-evidence`
 * @throws {SecurityClausesError} `UNKNOWN_CRYPTREC_VERSION`
 * @example
 * checkCryptrec("aes-256-gcm").status; // => "pass"
 * checkCryptrec("TLS_CHACHA20_POLY1305_SHA256", "2013").status; // => "fail"
 * checkCryptrec("aes-256-xts", "2023", { use: "storage" }).status; // => "pass"
 */
export function checkCryptrec(
  input: string,
  version: CryptrecVersion = "2023",
  options: CryptrecCheckOptions = {},
): CryptrecCheck {
  const list = (cryptrecLists as Record<string, CryptrecList | undefined>)[version];
  if (!list)
    throw new SecurityClausesError("UNKNOWN_CRYPTREC_VERSION", `unknown CRYPTREC version "${version}"`, {
      details: { version },
    });
  const parts = components(input).map((c) => assess(c.name, c.raw, list, options));
  const named = (s: CryptrecComponent["status"]) => parts.filter((p) => p.status === s).map((p) => p.name);
  const base = { input, version, components: parts };
  if (parts.length === 0) {
    return { ...base, status: "needs-evidence", reason: "暗号方式を識別できない" };
  }
  const off = named("not-listed");
  const monitored = named("monitored");
  if (off.length > 0 || monitored.length > 0) {
    const reasons = [
      ...(off.length > 0
        ? [`CRYPTREC暗号リスト(${list.documentId})に記載のない方式: ${off.join(", ")}`]
        : []),
      ...(monitored.length > 0
        ? [`運用監視暗号リスト（互換性維持のための利用に限る）の方式: ${monitored.join(", ")}`]
        : []),
    ];
    return { ...base, status: "fail", reason: reasons.join("／") };
  }
  const open = [
    ...named("candidate"),
    ...named("conditional"),
    ...named("unverified"),
    ...named("unrecognised"),
  ];
  if (open.length > 0) {
    return {
      ...base,
      status: "needs-evidence",
      reason: `推奨候補・条件付き・未確認・不明の方式あり: ${open.join(", ")}`,
    };
  }
  return { ...base, status: "pass", reason: `全ての方式が電子政府推奨暗号リスト(${list.documentId})に記載` };
}
