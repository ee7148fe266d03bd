import { z } from "zod";
import { nerimaRisks } from "../catalogues/nerima.js";
import { type CryptrecVersion, checkCryptrec, cryptrecVersionSchema } from "../cryptrec.js";
import {
  type Assertion,
  assertionSchema,
  type EvaluationReport,
  judge,
  type ProvisionResult,
  reportOf,
} from "../evaluation.js";
import { parseWith, type SafeParseResult, safeParseWith } from "../internal/parse.js";

const PROVIDER = {
  jurisdiction: ["nerima:19:2:1", "日本法の範囲で運用・国内裁判所の合意管轄"],
  domesticRegion: ["nerima:19:2:2", "国内リージョン指定・海外に保存されない"],
  terminationNotice: ["nerima:19:2:3", "終了・変更時の事前通知と移行方法の契約規定"],
  remedies: ["nerima:19:2:4", "対策不履行時の対処方法の契約・SLA規定"],
  noUnauthorisedUse: ["nerima:19:2:5", "目的外アクセス・利用の禁止の契約規定"],
  reliabilityAssessable: ["nerima:19:2:6", "公開資料・監査報告書・認証による信頼性評価"],
  changeControl: ["nerima:19:2:7", "意図しない変更を防ぐ管理体制の確認"],
  incidentResponsibilities: ["nerima:19:2:8", "インシデント対処の責任分担・連絡方法の契約・SLA規定"],
} as const;

const SERVICE = {
  accessControl: ["nerima:19:3:1", "アクセス制御"],
  encryption: ["nerima:19:3:2", "サービス内・通信経路全般の暗号化"],
  logging: ["nerima:19:3:3", "ログ取得機能と取得範囲の確認"],
  timeSync: ["nerima:19:3:4", "ログの時刻・タイムゾーンの統一と時刻同期"],
  keyManagement: ["nerima:19:3:5", "鍵管理のライフサイクルの確認"],
  networkSeparation: ["nerima:19:3:6", "ネットワークの分離・論理的独立"],
  vmNetworkSeparation: ["nerima:19:3:7", "仮想マシンのネットワーク分離の確認"],
  deletionAtEnd: ["nerima:19:3:8", "利用終了時のバックアップを含む確実な削除と廃棄の実施報告書"],
  specialAccountDisposal: ["nerima:19:3:9", "特殊なアカウントの廃棄"],
} as const;

type ProviderKey = keyof typeof PROVIDER;
type ServiceKey = keyof typeof SERVICE;

const record = <K extends string>(keys: readonly K[]) =>
  z.object(
    Object.fromEntries(keys.map((k) => [k, assertionSchema.optional()])) as Record<
      K,
      z.ZodOptional<typeof assertionSchema>
    >,
  );

/** An external (cloud) service as a contractor declares it, for Nerima §19 and §20. */
export const nerimaExternalServiceProfileSchema = z.object({
  name: z.string().min(1),
  /** Does it handle 重要情報 (§19) or only other information (§20)? */
  handlesImportantInformation: z.boolean(),
  /** §19-1 ただし書: services outside §19. */
  exemption: z.enum(["telecom", "postal", "transport", "financial", "required-by-public-body"]).optional(),
  provider: record(Object.keys(PROVIDER) as ProviderKey[]).default({}),
  service: record(Object.keys(SERVICE) as ServiceKey[]).default({}),
  /** Algorithms and TLS suites in use at rest and in transit (§19-3 (2)). */
  encryptionAlgorithms: z.array(z.string().min(1)).readonly().optional(),
  /** §20 / 別表: risks (1–12) confirmed acceptable, and any found unacceptable. */
  riskReview: z
    .object({
      accepted: z.array(z.number().int().min(1).max(12)).readonly(),
      rejected: z.array(z.number().int().min(1).max(12)).readonly().default([]),
    })
    .optional(),
});
/** Input of {@link evaluateNerimaExternalService}. */
export type NerimaExternalServiceProfileInput = z.input<typeof nerimaExternalServiceProfileSchema>;
/** A validated profile. */
export type NerimaExternalServiceProfile = z.output<typeof nerimaExternalServiceProfileSchema>;

/**
 * Validates an external-service profile.
 *
 * @param input - unknown input
 * @returns the profile
 * @throws {SecurityClausesError} `INVALID_INPUT`
 * @example
 * parseNerimaExternalServiceProfile({ name: "X", handlesImportantInformation: true }).provider; // => {}
 */
export function parseNerimaExternalServiceProfile(input: unknown): NerimaExternalServiceProfile {
  return parseWith(nerimaExternalServiceProfileSchema, input, "external-service profile");
}

/**
 * Validates an external-service profile without throwing.
 *
 * @param input - unknown input
 * @returns `{ success: true, data }` or `{ success: false, error }`
 * @example
 * safeParseNerimaExternalServiceProfile({}).success; // => false
 */
export function safeParseNerimaExternalServiceProfile(
  input: unknown,
): SafeParseResult<NerimaExternalServiceProfile> {
  return safeParseWith(nerimaExternalServiceProfileSchema, input, "external-service profile");
}

function encryptionResult(
  assertion: Assertion | undefined,
  algorithms: readonly string[] | undefined,
  version: CryptrecVersion,
): ProvisionResult {
  const [id, label] = SERVICE.encryption;
  const base = judge(id, label, assertion);
  if (base.status === "fail") return base;
  if (!algorithms || algorithms.length === 0) {
    return { ...base, status: "needs-evidence", reason: `${label}: 暗号化方式が申告されていない` };
  }
  const checks = algorithms.map((a) => checkCryptrec(a, version));
  const failed = checks.filter((c) => c.status === "fail");
  if (failed.length > 0) {
    return { ...base, status: "fail", reason: failed.map((c) => `${c.input}: ${c.reason}`).join(" / ") };
  }
  const open = checks.filter((c) => c.status === "needs-evidence");
  if (open.length > 0) {
    return {
      ...base,
      status: "needs-evidence",
      reason: open.map((c) => `${c.input}: ${c.reason}`).join(" / "),
    };
  }
  return base.status === "pass"
    ? { ...base, reason: `${label}: 根拠資料により確認、方式は全て電子政府推奨暗号リスト記載` }
    : base;
}

function riskResults(profile: NerimaExternalServiceProfile): ProvisionResult {
  const id = "nerima:20:1";
  const review = profile.riskReview;
  if (!review)
    return {
      provisionId: id,
      status: "needs-evidence",
      reason: "別表のリスクの確認記録がない",
      evidence: [],
    };
  if (review.rejected.length > 0) {
    return {
      provisionId: id,
      status: "fail",
      reason: `許容できないリスクがある: 別表${review.rejected.map((n) => nerimaRisks[n - 1]?.marker ?? n).join("")}`,
      evidence: [],
    };
  }
  const missing = nerimaRisks.filter((r) => !review.accepted.includes(r.number));
  if (missing.length > 0) {
    return {
      provisionId: id,
      status: "needs-evidence",
      reason: `未確認のリスク: 別表${missing.map((r) => r.marker).join("")}`,
      evidence: [],
    };
  }
  return { provisionId: id, status: "pass", reason: "別表の12のリスクを全て許容できると確認", evidence: [] };
}

/**
 * Evaluates an external (cloud) service against Nerima §19-2 (1)–(8) (the provider) and §19-3 (1)–(9) (the
 * service), or against §20 and its 別表 when it handles no important information. Encryption is also checked
 * against the CRYPTREC list.
 *
 * @param input - the profile (validated here)
 * @param options - `cryptrecVersion` (default `"2023"`)
 * @returns a report, one result per provision
 * @throws {SecurityClausesError} `INVALID_INPUT` for a malformed profile
 * @example
 * evaluateNerimaExternalService({ name: "Mail", handlesImportantInformation: true, exemption: "telecom" }).status;
 * // => "not-applicable"
 */
export function evaluateNerimaExternalService(
  input: NerimaExternalServiceProfileInput,
  options: { readonly cryptrecVersion?: CryptrecVersion } = {},
): EvaluationReport {
  const profile = parseNerimaExternalServiceProfile(input);
  const version = cryptrecVersionSchema.parse(options.cryptrecVersion ?? "2023");
  const all = [...Object.values(PROVIDER), ...Object.values(SERVICE)].map(([id]) => id as string);
  if (profile.exemption) {
    return reportOf(
      [...all, "nerima:20:1"].map((provisionId) => ({
        provisionId,
        status: "not-applicable" as const,
        reason: "第19条第1項ただし書の除外サービス",
        evidence: [],
      })),
    );
  }
  if (!profile.handlesImportantInformation) {
    return reportOf([
      ...all.map((provisionId) => ({
        provisionId,
        status: "not-applicable" as const,
        reason: "重要情報を取り扱わない（第20条を適用）",
        evidence: [],
      })),
      riskResults(profile),
    ]);
  }
  const provider = (Object.keys(PROVIDER) as ProviderKey[]).map((key) =>
    judge(PROVIDER[key][0], PROVIDER[key][1], profile.provider[key]),
  );
  const service = (Object.keys(SERVICE) as ServiceKey[]).map((key) =>
    key === "encryption"
      ? encryptionResult(profile.service.encryption, profile.encryptionAlgorithms, version)
      : judge(SERVICE[key][0], SERVICE[key][1], profile.service[key]),
  );
  return reportOf([
    ...provider,
    ...service,
    {
      provisionId: "nerima:20:1",
      status: "not-applicable",
      reason: "重要情報を取り扱う（第19条を適用）",
      evidence: [],
    },
  ]);
}
