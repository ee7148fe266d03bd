import { z } from "zod";
import { epochDayOf } from "../due-rule.js";
import type { EvaluationReport, ProvisionResult } from "../evaluation.js";
import { reportOf } from "../evaluation.js";
import { parseWith, type SafeParseResult, safeParseWith } from "../internal/parse.js";

/** Certification schemes Meguro §4条の2 and §4条の3 name. */
export const certificationSchemeSchema = z.enum([
  "ISMS",
  "PrivacyMark",
  "ISO27017",
  "ISO27018",
  "ISO27701",
  "CS-Gold",
  "CS-Silver",
  "ISMAP",
  "FedRAMP",
  "SOC2",
  "SOC3",
  "SysTrust",
  "WebTrust",
]);
/** A certification scheme. */
export type CertificationScheme = z.infer<typeof certificationSchemeSchema>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD");

/** A certification held (or report received), with its evidence. */
export const certificationSchema = z.object({
  scheme: certificationSchemeSchema,
  /** Registration number, report reference, URL. */
  evidence: z.string().min(1).optional(),
  validUntil: isoDate.optional(),
});

/** What a Meguro contractor declares for §4条の2–§4条の4. */
export const meguroSupplierProfileSchema = z.object({
  name: z.string().min(1),
  asOf: isoDate,
  handlesConfidentialInformation: z.boolean().default(true),
  /** Organisation certifications (§4条の2) and those of the cloud service it uses (§4条の3). */
  certifications: z.array(certificationSchema).readonly().default([]),
  cloud: z
    .object({
      /** 発注者の指定: none, designated, or designated as an important information system. */
      designation: z.enum(["none", "designated", "important-system"]),
      certifications: z.array(certificationSchema).readonly().default([]),
    })
    .optional(),
  dataCenter: z
    .object({
      jdccTier: z.number().int().min(1).max(4).optional(),
      /** A service-quality guarantee equivalent to tier 3 (§4条の4 (1) 「同等レベル」). */
      equivalentToTier3: z.boolean().optional(),
      evidence: z.string().min(1).optional(),
      /** Where personal data is stored (ISO 3166 alpha-2 codes). */
      personalDataCountries: z.array(z.string().length(2)).readonly().optional(),
      personalDataEvidence: z.string().min(1).optional(),
    })
    .optional(),
});
/** Input of the Meguro evaluators. */
export type MeguroSupplierProfileInput = z.input<typeof meguroSupplierProfileSchema>;
/** A validated Meguro supplier profile. */
export type MeguroSupplierProfile = z.output<typeof meguroSupplierProfileSchema>;

/**
 * Validates a Meguro supplier profile.
 *
 * @param input - unknown input
 * @returns the profile
 * @throws {SecurityClausesError} `INVALID_INPUT`
 * @example
 * parseMeguroSupplierProfile({ name: "A社", asOf: "2026-04-01" }).certifications; // => []
 */
export function parseMeguroSupplierProfile(input: unknown): MeguroSupplierProfile {
  return parseWith(meguroSupplierProfileSchema, input, "Meguro supplier profile");
}

/**
 * Validates a Meguro supplier profile without throwing.
 *
 * @param input - unknown input
 * @returns `{ success, data | error }`
 * @example
 * safeParseMeguroSupplierProfile({ name: "A社" }).success; // => false (asOf missing)
 */
export function safeParseMeguroSupplierProfile(input: unknown): SafeParseResult<MeguroSupplierProfile> {
  return safeParseWith(meguroSupplierProfileSchema, input, "Meguro supplier profile");
}

type Cert = z.output<typeof certificationSchema>;

/** pass / needs-evidence / fail over a set of acceptable schemes: any valid evidenced one passes. */
function anyOf(
  provisionId: string,
  label: string,
  held: readonly Cert[],
  acceptable: readonly CertificationScheme[],
  asOf: string,
): ProvisionResult {
  const relevant = held.filter((c) => acceptable.includes(c.scheme));
  const today = epochDayOf(asOf);
  const live = relevant.filter((c) => c.validUntil === undefined || epochDayOf(c.validUntil) >= today);
  const proven = live.filter((c) => c.evidence !== undefined);
  if (proven.length > 0) {
    return {
      provisionId,
      status: "pass",
      reason: `${label}: ${proven.map((c) => c.scheme).join("・")}を確認`,
      evidence: proven.map((c) => c.evidence as string),
    };
  }
  if (live.length > 0) {
    return {
      provisionId,
      status: "needs-evidence",
      reason: `${label}: ${live.map((c) => c.scheme).join("・")}の申告のみで登録証・報告書がない`,
      evidence: [],
    };
  }
  const expired = relevant.map((c) => `${c.scheme}（${c.validUntil}まで）`);
  return {
    provisionId,
    status: "fail",
    reason: `${label}: ${acceptable.join("・")}のいずれも有効でない${expired.length ? `。期限切れ: ${expired.join("、")}` : ""}`,
    evidence: [],
  };
}

/**
 * Meguro §4条の2: ISMS (ISO/IEC 27001) or Privacy Mark (JIS Q 15001), valid on `asOf`.
 *
 * @param input - the supplier profile
 * @returns a report with one result (`meguro:4-2:1`)
 * @throws {SecurityClausesError} `INVALID_INPUT`
 * @example
 * evaluateMeguroCertification({ name: "A社", asOf: "2026-04-01",
 *   certifications: [{ scheme: "PrivacyMark", evidence: "第12345678号" }] }).status; // => "pass"
 */
export function evaluateMeguroCertification(input: MeguroSupplierProfileInput): EvaluationReport {
  const p = parseMeguroSupplierProfile(input);
  if (!p.handlesConfidentialInformation) {
    return reportOf([
      {
        provisionId: "meguro:4-2:1",
        status: "not-applicable",
        reason: "機密情報を取り扱わない",
        evidence: [],
      },
    ]);
  }
  return reportOf([
    anyOf("meguro:4-2:1", "ISMS又はプライバシーマーク", p.certifications, ["ISMS", "PrivacyMark"], p.asOf),
  ]);
}

const ISMS_ROUTE: readonly CertificationScheme[] = ["ISO27017", "ISO27018", "ISO27701"];
const SERVICE_ROUTE: readonly CertificationScheme[] = ["CS-Gold", "CS-Silver"];
const IMPORTANT_ROUTE: readonly CertificationScheme[] = ["ISMAP", "FedRAMP"];
const INTERNAL_CONTROL: readonly CertificationScheme[] = ["SOC2", "SOC3", "SysTrust", "WebTrust"];

/**
 * Meguro §4条の3: when the ward designates it, the cloud service holds ISO/IEC 27017/27018/27701 (for an
 * ISMS organisation), the CS gold or silver mark, or an internal-control report (SOC 2, SOC 3, SysTrust,
 * WebTrust); a service designated as an important information system needs ISMAP or FedRAMP.
 *
 * @param input - the supplier profile (its `cloud` part)
 * @returns a report with one result (`meguro:4-3:1`)
 * @throws {SecurityClausesError} `INVALID_INPUT`
 * @example
 * evaluateMeguroCloudCertification({ name: "A社", asOf: "2026-04-01",
 *   cloud: { designation: "important-system", certifications: [{ scheme: "SOC2", evidence: "r.pdf" }] } }).status;
 * // => "fail"
 */
export function evaluateMeguroCloudCertification(input: MeguroSupplierProfileInput): EvaluationReport {
  const p = parseMeguroSupplierProfile(input);
  const id = "meguro:4-3:1";
  if (!p.cloud || p.cloud.designation === "none" || !p.handlesConfidentialInformation) {
    return reportOf([
      { provisionId: id, status: "not-applicable", reason: "クラウドサービスの指定なし", evidence: [] },
    ]);
  }
  const held = p.cloud.certifications;
  if (p.cloud.designation === "important-system") {
    return reportOf([anyOf(id, "重要な情報システム（ISMAP又はFedRAMP）", held, IMPORTANT_ROUTE, p.asOf)]);
  }
  const hasIsms = p.certifications.some((c) => c.scheme === "ISMS");
  // ISO/IEC 27017/27018/27701 count only for an organisation that runs an ISMS (「ISMS導入組織の場合」).
  const acceptable = [
    ...(hasIsms ? ISMS_ROUTE : []),
    ...SERVICE_ROUTE,
    ...IMPORTANT_ROUTE,
    ...INTERNAL_CONTROL,
  ];
  const result = anyOf(id, "クラウドセキュリティ認証又は内部統制評価", held, acceptable, p.asOf);
  if (result.status === "fail" && !hasIsms && held.some((c) => ISMS_ROUTE.includes(c.scheme))) {
    return reportOf([{ ...result, reason: `${result.reason}。ISO/IEC 27017等はISMS導入組織の場合に限る` }]);
  }
  return reportOf([result]);
}

/**
 * Meguro §4条の4: the data centre is JDCC tier 3 or above (or guarantees equivalent quality) and personal data
 * stays in Japan.
 *
 * @param input - the supplier profile (its `dataCenter` part)
 * @returns a report with results for `meguro:4-4:1:1` and `meguro:4-4:1:2`
 * @throws {SecurityClausesError} `INVALID_INPUT`
 * @example
 * evaluateMeguroDataCenter({ name: "A社", asOf: "2026-04-01", dataCenter: { jdccTier: 2 } }).status; // => "fail"
 */
export function evaluateMeguroDataCenter(input: MeguroSupplierProfileInput): EvaluationReport {
  const p = parseMeguroSupplierProfile(input);
  const dc = p.dataCenter;
  if (!dc) {
    return reportOf(
      ["meguro:4-4:1:1", "meguro:4-4:1:2"].map((provisionId) => ({
        provisionId,
        status: "needs-evidence" as const,
        reason: "データセンターの申告がない",
        evidence: [],
      })),
    );
  }
  const evidence = dc.evidence ? [dc.evidence] : [];
  let tier: ProvisionResult;
  const meets = (dc.jdccTier ?? 0) >= 3 || dc.equivalentToTier3 === true;
  if (meets) {
    tier = evidence.length
      ? {
          provisionId: "meguro:4-4:1:1",
          status: "pass",
          reason:
            dc.jdccTier && dc.jdccTier >= 3 ? `JDCCティア${dc.jdccTier}` : "ティア3同等のサービス品質を保証",
          evidence,
        }
      : {
          provisionId: "meguro:4-4:1:1",
          status: "needs-evidence",
          reason: "ティア3以上等の申告のみで根拠資料がない",
          evidence,
        };
  } else if (dc.jdccTier !== undefined || dc.equivalentToTier3 === false) {
    tier = {
      provisionId: "meguro:4-4:1:1",
      status: "fail",
      reason: `JDCCティア${dc.jdccTier ?? "不明"}でティア3同等の保証もない`,
      evidence,
    };
  } else {
    tier = {
      provisionId: "meguro:4-4:1:1",
      status: "needs-evidence",
      reason: "ティアの申告がない",
      evidence,
    };
  }
  const countries = dc.personalDataCountries;
  const locEvidence = dc.personalDataEvidence ? [dc.personalDataEvidence] : [];
  let location: ProvisionResult;
  if (!countries || countries.length === 0) {
    location = {
      provisionId: "meguro:4-4:1:2",
      status: "needs-evidence",
      reason: "個人情報を含むデータの所在の申告がない",
      evidence: locEvidence,
    };
  } else if (countries.some((c) => c.toUpperCase() !== "JP")) {
    location = {
      provisionId: "meguro:4-4:1:2",
      status: "fail",
      reason: `個人情報を含むデータが国外にある: ${countries.filter((c) => c.toUpperCase() !== "JP").join(", ")}`,
      evidence: locEvidence,
    };
  } else {
    location = locEvidence.length
      ? {
          provisionId: "meguro:4-4:1:2",
          status: "pass",
          reason: "個人情報を含むデータは日本国内",
          evidence: locEvidence,
        }
      : {
          provisionId: "meguro:4-4:1:2",
          status: "needs-evidence",
          reason: "国内保存の申告のみで根拠資料がない",
          evidence: locEvidence,
        };
  }
  return reportOf([tier, location]);
}

/**
 * All of Meguro §4条の2–§4条の4 in one report.
 *
 * @param input - the supplier profile
 * @returns the combined report
 * @throws {SecurityClausesError} `INVALID_INPUT`
 * @example
 * evaluateMeguroSupplier({ name: "A社", asOf: "2026-04-01" }).status; // => "fail" (no ISMS / Pマーク)
 */
export function evaluateMeguroSupplier(input: MeguroSupplierProfileInput): EvaluationReport {
  return reportOf([
    ...evaluateMeguroCertification(input).results,
    ...evaluateMeguroCloudCertification(input).results,
    ...evaluateMeguroDataCenter(input).results,
  ]);
}
