import { describe, expect, it } from "vitest";
import { buildContract, safeBuildContract } from "./build-contract.js";
import { contractDateSchema } from "./contract-date.js";
import { dueRuleSchema } from "./due-rule.js";
import { ContractModelError } from "./errors.js";
import { meguroNursery2026Source, nerimaTreasury2025Source } from "./seed-contracts.js";

function issuesOf(input: unknown) {
  const result = safeBuildContract(input);
  if (result.success) throw new Error("expected the contract to be rejected");
  return result.issues;
}

describe("contract validation", () => {
  it("rejects a period outside its fiscal year, in English and Japanese", () => {
    const issues = issuesOf({ ...meguroNursery2026Source, fiscalYear: "令和7年度" });
    expect(issues).toContainEqual({
      path: "period.start",
      code: "PERIOD_OUTSIDE_FISCAL_YEAR",
      message: "the period (2026-04-01 – 2027-03-31) lies outside fiscal year 2025 (2025-04-01 – 2026-03-31)",
      messageJa: "履行期間（2026-04-01〜2027-03-31）が令和7年度（2025-04-01〜2026-03-31）の外にあります",
    });
  });

  it("rejects a period that ends before it starts", () => {
    const issues = issuesOf({
      ...nerimaTreasury2025Source,
      period: { ...nerimaTreasury2025Source.period, start: "令和8年3月31日", end: "令和7年7月1日" },
    });
    expect(issues.map((i) => i.code)).toContain("PERIOD_REVERSED");
  });

  it("rejects an unknown clause id", () => {
    const issues = issuesOf({
      ...meguroNursery2026Source,
      clauseSets: [
        { ...meguroNursery2026Source.clauseSets[0], provisions: ["meguro:4-2:1:1", "meguro:99:1"] },
      ],
    });
    expect(issues).toEqual([
      expect.objectContaining({
        path: "clauseSets.0.provisions.1",
        code: "UNKNOWN_CLAUSE",
        messageJa: expect.stringContaining("条項ID「meguro:99:1」は"),
      }),
    ]);
  });

  it("rejects a clause duty that no attached clause set has", () => {
    const deliverables = nerimaTreasury2025Source.deliverables.map((d) =>
      d.id === "staff-roster" ? { ...d, clauses: ["nerima:7:1#1", "meguro:11:1#1"] } : d,
    );
    const issues = issuesOf({ ...nerimaTreasury2025Source, deliverables });
    expect(issues).toEqual([
      expect.objectContaining({
        path: expect.stringMatching(/^deliverables\.\d+\.clauses\.1$/),
        code: "UNKNOWN_CLAUSE",
        messageJa: expect.stringContaining("meguro:11:1#1"),
      }),
    ]);
  });

  it("rejects a due rule that can never be met: months outside the period", () => {
    const deliverables = nerimaTreasury2025Source.deliverables.map((d) =>
      d.id === "monthly-meeting"
        ? { ...d, due: { kind: "last-open-day-of-month" as const, months: [4, 5, 6] } }
        : d,
    );
    const issues = issuesOf({ ...nerimaTreasury2025Source, deliverables });
    expect(issues).toEqual([
      expect.objectContaining({
        path: "deliverables.1.due",
        code: "DUE_RULE_NEVER_MET",
        messageJa:
          "「業務定例会」の期限は守ることができません: 履行期間（2025-07-01〜2026-03-31）中に一度も期限が来ません",
      }),
    ]);
  });

  it("rejects a due rule that can never be met: a time outside working hours, a date before the start", () => {
    const workItems = nerimaTreasury2025Source.workItems.map((w) =>
      w.id === "vault" ? { ...w, schedule: { kind: "every-open-day" as const, times: ["08:00"] } } : w,
    );
    const deliverables = [
      ...nerimaTreasury2025Source.deliverables,
      {
        id: "too-early",
        category: "other" as const,
        title: "前年度の報告",
        due: { kind: "date" as const, date: "令和7年6月30日" },
        dueText: "令和7年6月30日",
        source: { seed: "000", section: "test" },
      },
    ];
    const issues = issuesOf({ ...nerimaTreasury2025Source, workItems, deliverables });
    expect(issues.map((i) => [i.code, i.messageJa])).toEqual([
      [
        "DUE_RULE_NEVER_MET",
        "「前年度の報告」の期限は守ることができません: 期限 2025-06-30 が履行期間（2025-07-01〜2026-03-31）から外れています",
      ],
      [
        "DUE_RULE_NEVER_MET",
        "「支出命令等関連書類の搬出・格納」の期限は守ることができません: 時刻 08:00 は業務時間（09:00〜17:00）の外です",
      ],
    ]);
  });

  it("rejects an anchor event the contract does not declare, and a duplicate id", () => {
    const deliverables = [
      ...meguroNursery2026Source.deliverables,
      {
        ...meguroNursery2026Source.deliverables[0],
        due: { kind: "open-days-after" as const, days: 3, anchor: { event: "inspection" } },
      },
    ];
    const codes = issuesOf({ ...meguroNursery2026Source, deliverables }).map((i) => i.code);
    expect(codes).toEqual(["DUPLICATE_ID", "UNKNOWN_EVENT"]);
  });

  it("explains structural errors in Japanese too, and throws ContractModelError from buildContract", () => {
    const issues = issuesOf({
      ...meguroNursery2026Source,
      title: undefined,
      period: { ...meguroNursery2026Source.period, start: "令和8年2月30日" },
    });
    expect(issues).toContainEqual(
      expect.objectContaining({ path: "title", messageJa: "必須項目がありません" }),
    );
    expect(issues).toContainEqual(
      expect.objectContaining({
        path: "period.start",
        messageJa: expect.stringContaining("日付として読めません: 「令和8年2月30日」"),
      }),
    );
    let error: unknown;
    try {
      buildContract({ ...meguroNursery2026Source, fiscalYear: "令和7年度" });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ContractModelError);
    expect((error as ContractModelError).code).toBe("INVALID_CONTRACT");
    expect((error as ContractModelError).message).toMatch(
      /^@ward\/contract-model: invalid contract "meguro-nursery-2026":/,
    );
    expect((error as ContractModelError).message).toContain("令和7年度");
  });
});

describe("contract dates and due rules", () => {
  it("reads wareki, ISO and event-relative dates", () => {
    expect(contractDateSchema.parse("令和元年5月1日")).toEqual({
      kind: "date",
      date: "2019-05-01",
      written: "令和元年5月1日",
    });
    expect(contractDateSchema.parse("2026-04-01")).toEqual({
      kind: "date",
      date: "2026-04-01",
      written: "2026-04-01",
    });
    expect(contractDateSchema.parse({ after: "contract-confirmed", days: 1 })).toEqual({
      kind: "after-event",
      event: "contract-confirmed",
      days: 1,
    });
    expect(contractDateSchema.safeParse("令和7年13月1日").success).toBe(false);
  });

  it("accepts wareki dates in due rules", () => {
    expect(dueRuleSchema.parse({ kind: "date", date: "令和9年3月31日" })).toEqual({
      kind: "date",
      date: "2027-03-31",
      closedDay: "keep",
    });
    expect(
      dueRuleSchema.parse({ kind: "open-days-before", days: 2, anchor: { date: "令和8年1月5日" } }),
    ).toMatchObject({ anchor: { date: "2026-01-05" } });
    expect(dueRuleSchema.safeParse({ kind: "day-of-month", day: 0 }).success).toBe(false);
  });
});
