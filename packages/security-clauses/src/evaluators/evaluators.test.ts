import { describe, expect, it } from "vitest";
import { SecurityClausesError } from "../errors.js";
import {
  evaluateMeguroCertification,
  evaluateMeguroCloudCertification,
  evaluateMeguroDataCenter,
  evaluateMeguroSupplier,
  safeParseMeguroSupplierProfile,
} from "./meguro-certifications.js";
import {
  evaluateNerimaExternalService,
  type NerimaExternalServiceProfileInput,
  safeParseNerimaExternalServiceProfile,
} from "./nerima-external-service.js";

const ok = (ref: string) => ({ met: true, evidence: [ref] });
const provider = Object.fromEntries(
  [
    "jurisdiction",
    "domesticRegion",
    "terminationNotice",
    "remedies",
    "noUnauthorisedUse",
    "reliabilityAssessable",
    "changeControl",
    "incidentResponsibilities",
  ].map((k) => [k, ok(`契約書 ${k}`)]),
);
const service = Object.fromEntries(
  [
    "accessControl",
    "encryption",
    "logging",
    "timeSync",
    "keyManagement",
    "networkSeparation",
    "vmNetworkSeparation",
    "deletionAtEnd",
    "specialAccountDisposal",
  ].map((k) => [k, ok(`仕様書 ${k}`)]),
);
const passing: NerimaExternalServiceProfileInput = {
  name: "RAG SaaS",
  handlesImportantInformation: true,
  provider,
  service,
  encryptionAlgorithms: ["aes-256-cbc", "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256"],
};

describe("evaluateNerimaExternalService", () => {
  it("passes a service meeting §19-2 (1)–(8) and §19-3 (1)–(9) with evidence", () => {
    const report = evaluateNerimaExternalService(passing, { cryptrecVersion: "2013" });
    expect(report.status).toBe("pass");
    expect(report.counts.pass).toBe(17);
    expect(report.results.map((r) => r.provisionId)).toContain("nerima:19:3:9");
  });

  it("fails a service storing data abroad, naming the provision", () => {
    const report = evaluateNerimaExternalService(
      { ...passing, provider: { ...provider, domesticRegion: { met: false, note: "米国リージョンのみ" } } },
      { cryptrecVersion: "2013" },
    );
    expect(report.status).toBe("fail");
    const r = report.results.find((x) => x.provisionId === "nerima:19:2:2");
    expect(r?.status).toBe("fail");
    expect(r?.reason).toContain("米国リージョンのみ");
  });

  it("fails §19-3 (2) when a configured cipher is off the CRYPTREC list", () => {
    const report = evaluateNerimaExternalService(
      { ...passing, encryptionAlgorithms: ["TLS_CHACHA20_POLY1305_SHA256"] },
      { cryptrecVersion: "2013" },
    );
    expect(report.results.find((x) => x.provisionId === "nerima:19:3:2")?.status).toBe("fail");
  });

  it("asks for evidence when a claim has none or is missing", () => {
    const { logging: _dropped, ...rest } = service;
    const report = evaluateNerimaExternalService(
      { ...passing, service: { ...rest, timeSync: { met: true } } },
      { cryptrecVersion: "2013" },
    );
    expect(report.status).toBe("needs-evidence");
    const open = report.results.filter((r) => r.status === "needs-evidence").map((r) => r.provisionId);
    expect(open).toEqual(["nerima:19:3:3", "nerima:19:3:4"]);
  });

  it("asks for evidence when no encryption method is declared", () => {
    const { encryptionAlgorithms: _none, ...rest } = passing;
    const report = evaluateNerimaExternalService(rest);
    expect(report.results.find((x) => x.provisionId === "nerima:19:3:2")?.status).toBe("needs-evidence");
  });

  it("treats §19-1 exempted services as not applicable", () => {
    const report = evaluateNerimaExternalService({
      name: "郵便",
      handlesImportantInformation: true,
      exemption: "postal",
    });
    expect(report.status).toBe("not-applicable");
  });

  it("applies §20 and 別表 to services without important information", () => {
    const base = { name: "翻訳", handlesImportantInformation: false };
    const all = Array.from({ length: 12 }, (_, i) => i + 1);
    expect(evaluateNerimaExternalService({ ...base, riskReview: { accepted: all } }).status).toBe("pass");
    const partial = evaluateNerimaExternalService({ ...base, riskReview: { accepted: all.slice(0, 10) } });
    expect(partial.status).toBe("needs-evidence");
    expect(partial.results.at(-1)?.reason).toContain("⑪⑫");
    expect(
      evaluateNerimaExternalService({ ...base, riskReview: { accepted: [], rejected: [8] } }).status,
    ).toBe("fail");
  });

  it("rejects a malformed profile with INVALID_INPUT", () => {
    expect(() => evaluateNerimaExternalService({ name: "" } as never)).toThrow(SecurityClausesError);
    const r = safeParseNerimaExternalServiceProfile({ name: "x", handlesImportantInformation: "yes" });
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.code).toBe("INVALID_INPUT");
  });
});

const base = { name: "A社", asOf: "2026-04-01" };

describe("Meguro §4条の2", () => {
  it("passes with a valid Privacy Mark", () => {
    const r = evaluateMeguroCertification({
      ...base,
      certifications: [{ scheme: "PrivacyMark", evidence: "第10800000号", validUntil: "2027-03-31" }],
    });
    expect(r.status).toBe("pass");
  });

  it("fails with an expired ISMS and nothing else", () => {
    const r = evaluateMeguroCertification({
      ...base,
      certifications: [{ scheme: "ISMS", evidence: "IS 000", validUntil: "2026-03-31" }],
    });
    expect(r.status).toBe("fail");
    expect(r.results[0]?.reason).toContain("期限切れ");
  });

  it("needs evidence when ISMS is only claimed", () => {
    expect(evaluateMeguroCertification({ ...base, certifications: [{ scheme: "ISMS" }] }).status).toBe(
      "needs-evidence",
    );
  });
});

describe("Meguro §4条の3", () => {
  const isms = { scheme: "ISMS" as const, evidence: "IS 1" };
  it("is not applicable without the ward's designation", () => {
    expect(evaluateMeguroCloudCertification(base).status).toBe("not-applicable");
  });

  it("accepts ISO/IEC 27017 for an ISMS organisation, and refuses it without ISMS", () => {
    const cloud = {
      designation: "designated" as const,
      certifications: [{ scheme: "ISO27017" as const, evidence: "C1" }],
    };
    expect(evaluateMeguroCloudCertification({ ...base, certifications: [isms], cloud }).status).toBe("pass");
    const without = evaluateMeguroCloudCertification({ ...base, cloud });
    expect(without.status).toBe("fail");
    expect(without.results[0]?.reason).toContain("ISMS導入組織");
  });

  it("accepts SOC 2 for a designated service but requires ISMAP or FedRAMP for an important system", () => {
    const soc2 = [{ scheme: "SOC2" as const, evidence: "report.pdf" }];
    expect(
      evaluateMeguroCloudCertification({
        ...base,
        cloud: { designation: "designated", certifications: soc2 },
      }).status,
    ).toBe("pass");
    expect(
      evaluateMeguroCloudCertification({
        ...base,
        cloud: { designation: "important-system", certifications: soc2 },
      }).status,
    ).toBe("fail");
    expect(
      evaluateMeguroCloudCertification({
        ...base,
        cloud: { designation: "important-system", certifications: [{ scheme: "ISMAP" }] },
      }).status,
    ).toBe("needs-evidence");
  });
});

describe("Meguro §4条の4", () => {
  it("passes tier 3 with personal data in Japan", () => {
    const r = evaluateMeguroDataCenter({
      ...base,
      dataCenter: {
        jdccTier: 3,
        evidence: "JDCC認定書",
        personalDataCountries: ["JP"],
        personalDataEvidence: "契約書",
      },
    });
    expect(r.status).toBe("pass");
  });

  it("fails personal data held abroad and tier 2", () => {
    const r = evaluateMeguroDataCenter({
      ...base,
      dataCenter: { jdccTier: 2, personalDataCountries: ["JP", "US"], personalDataEvidence: "x" },
    });
    expect(r.results.map((x) => x.status)).toEqual(["fail", "fail"]);
  });

  it("needs evidence for an equivalent guarantee without documents", () => {
    const r = evaluateMeguroDataCenter({
      ...base,
      dataCenter: { equivalentToTier3: true, personalDataCountries: ["JP"] },
    });
    expect(r.results.map((x) => x.status)).toEqual(["needs-evidence", "needs-evidence"]);
  });

  it("combines §4条の2–4 in one report", () => {
    const r = evaluateMeguroSupplier({
      ...base,
      certifications: [{ scheme: "ISMS", evidence: "IS 1" }],
      dataCenter: { jdccTier: 4, evidence: "e", personalDataCountries: ["JP"], personalDataEvidence: "p" },
    });
    expect(r.status).toBe("pass");
    expect(r.counts).toEqual({ pass: 3, fail: 0, "needs-evidence": 0, "not-applicable": 1 });
  });

  it("rejects a profile without asOf", () => {
    expect(safeParseMeguroSupplierProfile({ name: "A社" }).success).toBe(false);
  });
});
