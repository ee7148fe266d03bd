import { describe, expect, it } from "vitest";
import { type ContractObligation, monthRange, obligations } from "./obligations.js";
import { meguroNursery2026, nerimaAiService2026, nerimaTreasury2025 } from "./seed-contracts.js";

const dated = (list: ContractObligation[], itemId: string) =>
  list.filter((o) => o.itemId === itemId && o.status === "dated");

function dueIn(contract: typeof meguroNursery2026, itemId: string, month: string, anchors = {}) {
  return dated(obligations(contract, { range: monthRange(month), anchors, includeUndated: false }), itemId);
}

describe("obligations: seed 003 業務記録報告書 (翌月15日、閉庁日の場合は翌開庁日)", () => {
  it("puts April 2026's report on Fri 2026-05-15", () => {
    //      May 2026
    // Mo Tu We Th Fr Sa Su
    //              1  2  3
    //  4  5  6  7  8  9 10      5/15 is a Friday, open: no move.
    // 11 12 13 14 15 16 17
    const [report, ...rest] = dueIn(meguroNursery2026, "work-record-report", "2026-05");
    expect(rest).toEqual([]);
    expect(report).toMatchObject({
      date: "2026-05-15",
      period: { start: "2026-04-01", end: "2026-04-30" },
      title: "業務記録報告書",
      source: { seed: "003", section: "5-E-(4)" },
    });
    expect(report?.nominalDate).toBeUndefined();
  });

  it("moves October 2026's report from Sun 2026-11-15 to Mon 2026-11-16", () => {
    //    November 2026
    // Mo Tu We Th Fr Sa Su
    //  9 10 11 12 13 14 15      11/15 Sunday → next open day Mon 11/16.
    // 16 17 ...
    expect(dueIn(meguroNursery2026, "work-record-report", "2026-11")).toMatchObject([
      { date: "2026-11-16", nominalDate: "2026-11-15", period: { start: "2026-10-01" } },
    ]);
  });

  it("puts December 2026's report on Fri 2027-01-15, after the year-end closure", () => {
    //    January 2027:  1 Fri (元日), 2–3 closed; 11 Mon 成人の日; 15 Fri open.
    expect(dueIn(meguroNursery2026, "work-record-report", "2027-01")).toMatchObject([
      { date: "2027-01-15", period: { start: "2026-12-01", end: "2026-12-31" } },
    ]);
  });

  it("puts February 2027's report on Mon 2027-03-15", () => {
    //     March 2027:  1 Mon … 15 Mon.
    expect(dueIn(meguroNursery2026, "work-record-report", "2027-03")).toMatchObject([
      { date: "2027-03-15", period: { start: "2027-02-01", end: "2027-02-28" } },
    ]);
  });

  it("still owes March 2027's report on Thu 2027-04-15, after the contract ends", () => {
    expect(dueIn(meguroNursery2026, "work-record-report", "2027-04")).toMatchObject([
      { date: "2027-04-15", period: { start: "2027-03-01" } },
    ]);
    // No report for a month before the contract: nothing due in April 2026.
    expect(dueIn(meguroNursery2026, "work-record-report", "2026-04")).toEqual([]);
  });

  it("has twelve reports over the fiscal year, none on a closed day", () => {
    const list = obligations(meguroNursery2026, {
      range: { from: "2026-04-01", to: "2027-04-30" },
      categories: ["monthly-report"],
      includeUndated: false,
    });
    expect(list.map((o) => o.date)).toEqual([
      "2026-05-15",
      "2026-06-15",
      "2026-07-15",
      "2026-08-17", // 8/15 Sat
      "2026-09-15",
      "2026-10-15",
      "2026-11-16", // 11/15 Sun
      "2026-12-15",
      "2027-01-15",
      "2027-02-15",
      "2027-03-15",
      "2027-04-15",
    ]);
  });
});

describe("obligations: Golden Week", () => {
  it("skips 4/29 and 5/4–5/6 2026 for seed 003's daily 作業日報", () => {
    //      April / May 2026
    // 4/27 Mo 4/28 Tu 4/29 We 昭和の日 4/30 Th 5/1 Fr 5/2 Sa 5/3 Su 憲法記念日
    // 5/4 Mo みどりの日 5/5 Tu こどもの日 5/6 We 振替休日 (for 5/3) 5/7 Th 5/8 Fr
    const list = obligations(meguroNursery2026, {
      range: { from: "2026-04-27", to: "2026-05-08" },
      categories: ["daily-report"],
      includeUndated: false,
    });
    expect(list.map((o) => o.date)).toEqual([
      "2026-04-27",
      "2026-04-28",
      "2026-04-30",
      "2026-05-01",
      "2026-05-07",
      "2026-05-08",
    ]);
  });

  it("moves a staff-start notice of seed 000 earlier over Golden Week (10日前まで → earlier open day)", () => {
    // Staff starts Fri 2026-05-15; 10 clear days before → 5/15 − 11 = Mon 5/4 (みどりの日), 5/3 Sun, 5/2 Sat,
    // → Fri 5/1. (calendar-jp periodBefore; closed → earlier)
    const list = obligations(nerimaTreasury2025, {
      range: { from: "2026-04-01", to: "2026-05-31" },
      anchors: { "staff-start": "2026-05-15" },
      categories: ["staff-notice"],
      includeUndated: false,
    });
    expect(list).toMatchObject([
      { itemId: "staff-start-notice", date: "2026-05-01", nominalDate: "2026-05-04" },
    ]);
  });
});

describe("obligations: seed 000", () => {
  it("puts 支払案内書 on the last open day of each month: 2025-12-26 before the year-end closure", () => {
    //   December 2025: 26 Fri open; 27–28 weekend; 29–31 closed (年末年始).
    expect(dueIn(nerimaTreasury2025, "payment-advice", "2025-12")).toMatchObject([
      { date: "2025-12-26", category: "work", source: { section: "第5-2-(4)" } },
    ]);
    //   March 2026: 31 Tue open.
    expect(dueIn(nerimaTreasury2025, "payment-advice", "2026-03").map((o) => o.date)).toEqual(["2026-03-31"]);
    //   August 2025: 29 Fri, 30–31 weekend.
    expect(dueIn(nerimaTreasury2025, "payment-advice", "2025-08").map((o) => o.date)).toEqual(["2025-08-29"]);
  });

  it("owes only the 特記事項第6条 管理責任者 appointment before the contract starts (2025-06)", () => {
    // The contract starts Tue 2025-07-01; 「本契約の履行に当たり」 the appointment comes first: Mon 6/30.
    expect(
      obligations(nerimaTreasury2025, { range: monthRange("2025-06"), includeUndated: false }).map((o) => [
        o.itemId,
        o.date,
      ]),
    ).toEqual([["nerima:6:1#1", "2025-06-30"]]);
  });

  it("moves December's 完了報告書 past the year end to Mon 2026-01-05", () => {
    // 1/1 元日, 1/2–1/3 closed, 1/4 Sunday → 1/5 Monday.
    expect(dueIn(nerimaTreasury2025, "completion-report", "2026-01")).toMatchObject([
      { date: "2026-01-05", nominalDate: "2026-01-01", period: { start: "2025-12-01", end: "2025-12-31" } },
    ]);
    // March 2026's report on Wed 2026-04-01, after the contract's last day.
    expect(dueIn(nerimaTreasury2025, "completion-report", "2026-04").map((o) => o.date)).toEqual([
      "2026-04-01",
    ]);
  });

  it("counts 払込票 two open days back over the year end", () => {
    // Desired payment Mon 2026-01-05 → open days before: Fri 12/26 (1), Thu 12/25 (2).
    const list = dueIn(nerimaTreasury2025, "payment-slips", "2025-12", {
      "desired-payment-date": "2026-01-05",
    });
    expect(list).toMatchObject([
      { date: "2025-12-25", anchor: { event: "desired-payment-date", date: "2026-01-05" } },
    ]);
  });

  it("lists the 庁内交換便 three times a day and the vault at 09:00 and 17:00", () => {
    const day = obligations(nerimaTreasury2025, {
      range: { from: "2025-07-01", to: "2025-07-01" },
      includeUndated: false,
    });
    expect(day.filter((o) => o.itemId === "internal-mail").map((o) => o.sequence)).toEqual([1, 2, 3]);
    expect(day.filter((o) => o.itemId === "vault").map((o) => o.time)).toEqual(["09:00", "17:00"]);
    expect(day.filter((o) => o.itemId === "daily-work-report")).toHaveLength(1);
  });

  it("reports event-driven duties as unresolved until their date is known, and undated ones once", () => {
    const list = obligations(nerimaTreasury2025, { range: monthRange("2025-10") });
    expect(list.find((o) => o.itemId === "incident-report")).toMatchObject({
      status: "unresolved",
      date: null,
      missingAnchors: ["incident"],
    });
    expect(list.filter((o) => o.itemId === "manuals")).toMatchObject([
      { status: "undated", dueText: "適宜区と調整しながら更新" },
    ]);
    expect(list.find((o) => o.itemId === "yearly-work-plan")).toBeUndefined(); // anchored on 7/1, outside October
  });

  it("dates an incident report on the incident's day once it happens", () => {
    const list = obligations(nerimaTreasury2025, {
      range: monthRange("2025-10"),
      anchors: { incident: "2025-10-08" },
      categories: ["incident-report"],
    });
    expect(list.find((o) => o.itemId === "incident-report")).toMatchObject({
      status: "undated",
      anchor: { event: "incident", date: "2025-10-08" },
    });
  });
});

describe("obligations: seed 001 (period relative to contract-confirmed)", () => {
  it("leaves monthly duties unresolved while the contract-confirmed date is unknown", () => {
    const list = obligations(nerimaAiService2026, { range: monthRange("2026-06") });
    expect(list.filter((o) => o.status === "dated")).toEqual([]);
    expect(list.find((o) => o.itemId === "nerima-ai-inquiries")).toMatchObject({
      status: "policy",
      category: "sla",
    });
  });

  it("dates the 消去証明書 30 days after the contract ends: Fri 2027-04-30", () => {
    // 2027-03-31 (the end, not counted) + 30 days = 2027-04-30, a Friday; open, no move.
    const list = obligations(nerimaAiService2026, {
      range: { from: "2027-04-01", to: "2027-04-30" },
      includeUndated: false,
    });
    expect(list).toMatchObject([
      {
        itemId: "erasure-certificate",
        date: "2027-04-30",
        anchor: { event: "contract-end", date: "2027-03-31" },
      },
    ]);
  });

  it("moves the 消去証明書 off Golden Week when the contract ends early", () => {
    // Ended Fri 2026-04-03 (anchor overridden) → +30 = Sun 5/3 (憲法記念日) → 5/4, 5/5, 5/6 closed → Thu 5/7.
    const list = obligations(nerimaAiService2026, {
      range: monthRange("2026-05"),
      anchors: { "contract-confirmed": "2026-03-01", "contract-end": "2026-04-03" },
      categories: ["certificate"],
    });
    expect(list).toMatchObject([{ date: "2026-05-07", nominalDate: "2026-05-03" }]);
  });

  it("dates the trainings by the contract's last day and keeps the SLA as a policy", () => {
    const list = obligations(nerimaAiService2026, {
      range: monthRange("2027-03"),
      anchors: { "contract-confirmed": "2026-05-20" },
    });
    expect(list.find((o) => o.itemId === "trainings-by-end")).toMatchObject({
      date: "2027-03-31",
      status: "dated",
    });
    expect(list.find((o) => o.itemId === "nerima-ai-inquiries")?.dueText).toContain("2営業日以内に一次対応");
  });
});

describe("obligations: seed 003 work windows", () => {
  it("shows the 出納整理期間 (4/1–5/31) and 処遇改善 認定申請 (9–11月) in their months", () => {
    const may = obligations(meguroNursery2026, { range: monthRange("2026-05"), categories: ["work-window"] });
    expect(may.find((o) => o.itemId === "closing-period-review")).toMatchObject({
      window: { start: "2026-04-01", end: "2026-05-31" },
    });
    expect(may.some((o) => o.itemId === "treatment-improvement")).toBe(false);
    const october = obligations(meguroNursery2026, {
      range: monthRange("2026-10"),
      categories: ["work-window"],
    });
    expect(october.find((o) => o.itemId === "treatment-improvement")).toMatchObject({
      window: { start: "2026-09-01", end: "2026-11-30" },
    });
    expect(october.some((o) => o.itemId === "closing-period-review")).toBe(false);
  });

  it("clips 3～4月 windows to the contract: April 2026 and March 2027", () => {
    const year = obligations(meguroNursery2026, {
      range: { from: "2026-04-01", to: "2027-03-31" },
      categories: ["work-window"],
    });
    expect(
      year
        .filter((o) => o.itemId === "service-promotion" && o.title.includes("交付申請"))
        .map((o) => o.window),
    ).toEqual([
      { start: "2026-04-01", end: "2026-04-30" },
      { start: "2027-03-01", end: "2027-03-31" },
    ]);
    expect(year.filter((o) => o.itemId === "fee-tier").map((o) => o.window)).toEqual([
      { start: "2026-07-01", end: "2026-08-31" },
    ]);
  });
});

describe("obligations: options", () => {
  it("rejects a reversed range and a bad month", () => {
    expect(() => obligations(meguroNursery2026, { range: { from: "2026-05-31", to: "2026-05-01" } })).toThrow(
      /INVALID_OPTIONS|invalid options/,
    );
    expect(() => monthRange("2026-13")).toThrow(/月の指定/);
  });
});
