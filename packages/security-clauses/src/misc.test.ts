import { fromEpochDay, periodBefore, periodEnd } from "@ward/calendar-jp";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { getCatalogue, meguroCatalogue, nerimaAiServiceCatalogue, nerimaCatalogue } from "./catalogues.js";
import { describeDueRule, dueDateOf, epochDayOf } from "./due-rule.js";
import {
  erasureCertificateTiming,
  parseErasureCertificate,
  renderErasureCertificateText,
  safeParseErasureCertificate,
} from "./erasure-certificate.js";
import { SecurityClausesError } from "./errors.js";
import { evidenceChecklist } from "./evidence-checklist.js";
import { incidentTimers } from "./incident.js";
import {
  getProvision,
  provisionsByActor,
  provisionsByDocument,
  provisionsByTag,
  provisionsOfArticle,
} from "./queries.js";

describe("queries", () => {
  it("finds provisions by tag, actor, document and article", () => {
    expect(provisionsByTag(meguroCatalogue, "specific-personal-information").map((p) => p.id)).toEqual(
      expect.arrayContaining(["meguro:6:2:1", "meguro:24-3:1", "meguro:24-4:1"]),
    );
    expect(provisionsByTag(nerimaCatalogue, "recording-media").map((p) => p.id)).toContain("nerima:18:1:2");
    expect(provisionsByActor(nerimaCatalogue, "甲").map((p) => p.id)).toEqual([
      "nerima:23:1",
      "nerima:23:3",
      "nerima:26:1",
      "nerima:28:1",
      "nerima:29:1",
    ]);
    expect(provisionsByDocument(nerimaCatalogue, "nerima/takeout-ledger").map((p) => p.id)).toEqual([
      "nerima:18:1:2",
    ]);
    expect(provisionsOfArticle(meguroCatalogue, "4-4")).toHaveLength(3);
    expect(getProvision(nerimaCatalogue, "nerima:19:3:2").text).toContain("電子政府推奨暗号リスト");
  });

  it("throws stable codes for unknown ids", () => {
    expect(() => getProvision(nerimaCatalogue, "nerima:99:1")).toThrow(/UNKNOWN|no provision/);
    try {
      getCatalogue("setagaya");
    } catch (e) {
      expect(e).toBeInstanceOf(SecurityClausesError);
      expect((e as SecurityClausesError).code).toBe("UNKNOWN_CATALOGUE");
      expect((e as Error).message.startsWith("@ward/security-clauses:")).toBe(true);
    }
  });
});

describe("evidenceChecklist", () => {
  it("lists the Nerima + seed 001 documents with due rules", () => {
    const list = evidenceChecklist([nerimaCatalogue, nerimaAiServiceCatalogue]);
    const byId = new Map(list.map((i) => [i.document.id, i]));
    expect(byId.get("nerima-ai/erasure-certificate")?.sources[0]?.dueText).toBe("契約終了後30日以内");
    expect(byId.get("nerima/incident-report")?.sources[0]?.dueText).toBe("事故等の発生後直ちに");
    expect(byId.get("nerima/change-notice")?.sources[0]?.dueText).toBe("内容の変更後速やかに");
    expect(byId.get("nerima/staff-roster")?.sources[0]?.dueText).toBe("定めなし");
  });

  it("drops conditional documents the work does not involve", () => {
    const all = evidenceChecklist([meguroCatalogue]).map((i) => i.document.id);
    const plain = evidenceChecklist([meguroCatalogue], { involves: [] }).map((i) => i.document.id);
    expect(all).toContain("meguro/network-diagram");
    expect(plain).not.toContain("meguro/network-diagram");
    expect(plain).toContain("meguro/staff-roster");
  });
});

describe("due rules", () => {
  it("counts 30 days after the contract end as 民法140条 does", () => {
    expect(dueDateOf({ kind: "within-days", days: 30, after: "contract-end" }, "2027-03-31")).toBe(
      "2027-04-30",
    );
    // 「10日前まで」 leaves ten clear days (3/22–3/31) between the act and 4/1: calendar-jp's periodBefore.
    expect(dueDateOf({ kind: "before-days", days: 10, before: "work-start" }, "2026-04-01")).toBe(
      "2026-03-21",
    );
    expect(() => dueDateOf({ kind: "promptly", after: "change" }, "2026-04-01")).toThrow(
      SecurityClausesError,
    );
    expect(() => dueDateOf({ kind: "within-days", days: 1, after: "change" }, "2026-02-30")).toThrow(
      /ISO date/,
    );
    expect(describeDueRule({ kind: "on-request" })).toBe("甲の求めに応じて");
    expect(describeDueRule({ kind: "after", after: "training" })).toBe("教育の実施後");
  });

  it("has one owner for period counting: every day count agrees with calendar-jp", () => {
    for (let days = 1; days <= 60; days++) {
      for (const event of ["2026-04-01", "2025-03-01", "2024-03-01"]) {
        expect(dueDateOf({ kind: "before-days", days, before: "work-start" }, event)).toBe(
          periodBefore({ reference: event, amount: days }),
        );
        expect(dueDateOf({ kind: "within-days", days, after: "contract-end" }, event)).toBe(
          periodEnd({ start: event, amount: days, unit: "day" }),
        );
      }
    }
  });

  it("round-trips epoch days", () => {
    fc.assert(
      fc.property(fc.integer({ min: -20000, max: 60000 }), (d) => {
        expect(epochDayOf(fromEpochDay(d))).toBe(d);
      }),
    );
  });
});

describe("incidentTimers", () => {
  const incident = {
    id: "I-1",
    detectedAt: "2026-05-01T10:00:00+09:00",
    kind: "漏えい",
    summary: "誤送信",
  } as const;

  it("runs the 直ちに clock for measures and report", () => {
    const t = incidentTimers(
      { ...incident, measures: { at: "2026-05-01T10:20:00+09:00", description: "回収依頼" } },
      { now: "2026-05-01T11:30:00+09:00" },
    );
    expect(t.map((x) => x.status)).toEqual(["done", "overdue", "no-deadline", "no-deadline", "no-deadline"]);
  });

  it("applies a follow-up policy and marks late steps", () => {
    const t = incidentTimers(
      { ...incident, reportedAt: "2026-05-01T12:00:00+09:00" },
      { now: "2026-05-03T10:00:00+09:00", immediateMinutes: 30, followUpDays: 7 },
    );
    expect(t[1]?.status).toBe("done-late");
    expect(t[2]?.status).toBe("pending");
    expect(() =>
      incidentTimers({ ...incident, detectedAt: "yesterday" }, { now: "2026-05-01T10:00:00+09:00" }),
    ).toThrow(SecurityClausesError);
  });
});

describe("erasure certificate", () => {
  const cert = {
    kind: "消去" as const,
    issuedOn: "2027-04-20",
    ward: "練馬区",
    contractor: { name: "株式会社例", representative: "代表取締役 例 太郎" },
    contract: { title: "生成AIサービス導入運用委託", endDate: "2027-03-31" },
    items: [
      {
        description: "RAG登録データ一式",
        method: "暗号鍵破棄による消去",
        completedOn: "2027-04-10",
        performedBy: "運用担当 甲",
      },
    ],
    includesBackups: true,
    dueWithinDays: 30,
  };

  it("is on time within 30 days of the contract end and renders as text", () => {
    expect(erasureCertificateTiming(parseErasureCertificate(cert))).toEqual({
      dueDate: "2027-04-30",
      onTime: true,
    });
    expect(
      erasureCertificateTiming(parseErasureCertificate({ ...cert, issuedOn: "2027-05-06" })).onTime,
    ).toBe(false);
    const text = renderErasureCertificateText(cert);
    expect(text.split("\n")[0]).toBe("消去証明書");
    expect(text).toContain("バックアップ等の複製 含む");
    expect(text).toContain("1. RAG登録データ一式");
  });

  it("refuses items completed after the certificate and unapproved outsourcing", () => {
    expect(safeParseErasureCertificate({ ...cert, issuedOn: "2027-04-01" }).success).toBe(false);
    expect(
      safeParseErasureCertificate({ ...cert, outsourcedTo: { vendor: "廃棄業者", approvedOn: "2027-04-15" } })
        .success,
    ).toBe(false);
  });
});
