import { parseWareki } from "@ward/calendar-jp";
import { readSeed } from "@ward/seeds";
import { describe, expect, it } from "vitest";
import {
  getSeedContract,
  meguroNursery2026,
  meguroNursery2026Source,
  nerimaAiService2026,
  nerimaAiService2026Source,
  nerimaTreasury2025,
  nerimaTreasury2025Source,
  seedContracts,
} from "./seed-contracts.js";

const seedText: Record<string, string> = {
  "000": readSeed("000"),
  "001": readSeed("001"),
  "003": readSeed("003"),
};

interface Found {
  path: string;
  source: { seed?: string; section: string; quote?: string };
}

function sourcesIn(value: unknown, path = ""): Found[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => sourcesIn(v, `${path}.${i}`));
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    key === "source" && typeof inner === "object" && inner !== null && "section" in inner
      ? [{ path: `${path}.source`, source: inner as Found["source"] }]
      : sourcesIn(inner, `${path}.${key}`),
  );
}

const sources = [
  ["000", nerimaTreasury2025Source],
  ["001", nerimaAiService2026Source],
  ["003", meguroNursery2026Source],
] as const;

describe("the seed contracts", () => {
  it("load and validate", () => {
    expect(Object.keys(seedContracts)).toEqual([
      "nerima-treasury-2025",
      "nerima-ai-service-2026",
      "meguro-nursery-2026",
    ]);
    expect(getSeedContract("meguro-nursery-2026")).toBe(meguroNursery2026);
    expect(() => getSeedContract("nope")).toThrow(/UNKNOWN_CONTRACT|unknown contract "nope"/);
  });

  it.each(sources)("seed %s: every quote appears verbatim in the seed text", (seed, source) => {
    const found = sourcesIn(source);
    expect(found.length).toBeGreaterThan(30);
    const text = seedText[seed] as string;
    const missing = found.filter((f) => f.source.quote !== undefined && !text.includes(f.source.quote));
    expect(missing).toEqual([]);
    expect(found.filter((f) => f.source.seed !== seed)).toEqual([]);
    // Nearly every pointer carries a checkable quote.
    expect(found.filter((f) => f.source.quote === undefined).length).toBeLessThanOrEqual(1);
  });

  it.each(sources)(
    "seed %s: every work item, deliverable, role, notice, clause set and prohibition points back",
    (_seed, source) => {
      const items = [
        ...source.workItems,
        ...source.deliverables,
        ...source.staffing,
        ...source.staffing.flatMap((r) => ("notices" in r ? r.notices : [])),
        ...source.clauseSets,
        ...source.prohibitions,
        ...source.places,
      ];
      for (const item of items) expect(item.source.section.length).toBeGreaterThan(0);
    },
  );

  it("keeps wareki dates as written and converts them with parseWareki", () => {
    expect(nerimaTreasury2025Source.period).toMatchObject({ start: "令和7年7月1日", end: "令和8年3月31日" });
    expect(nerimaTreasury2025.period.start).toEqual({
      kind: "date",
      date: "2025-07-01",
      written: "令和7年7月1日",
    });
    expect(nerimaTreasury2025.period.end).toMatchObject({ date: parseWareki("令和8年3月31日") });
    expect(meguroNursery2026.period.start).toMatchObject({ date: "2026-04-01" });
    expect(nerimaAiService2026.period.end).toEqual({
      kind: "date",
      date: "2027-03-31",
      written: "令和 9 年 3 月 31 日",
    });
    expect(nerimaAiService2026.fiscalYear).toBe(2026);
    expect(nerimaTreasury2025.fiscalYear).toBe(2025);
  });

  it("models seed 001's start as the day after the contract is confirmed", () => {
    expect(nerimaAiService2026.period.start).toEqual({
      kind: "after-event",
      event: "contract-confirmed",
      days: 1,
      written: "契約確定日の翌日",
    });
  });

  it("encodes seed 000: 14 work items, 125,000 entries a year, 13 deliverables, Nerima's clauses", () => {
    const c = nerimaTreasury2025;
    expect([c.workItems.length, c.deliverables.length, c.clauseSets.length, c.prohibitions.length]).toEqual([
      14, 13, 1, 6,
    ]);
    expect(c.workItems[0]?.volumes[0]).toEqual({
      amount: 125_000,
      per: "year",
      unit: "件",
      approximate: true,
      label: "入力件数",
    });
    expect(c.calendar.policy.hours).toEqual({ open: "09:00", close: "17:00" });
    expect(c.staffing.map((r) => r.kind)).toEqual(["manager", "deputy", "staff"]);
    expect(c.payment).toMatchObject({ frequency: "monthly", afterInspection: true });
    expect(c.prohibitions.map((p) => p.kind)).toContain("subcontracting");
    expect(c.prohibitions.map((p) => p.kind)).toContain("copying");
    expect(c.prohibitions.map((p) => p.kind)).toContain("taking-out");
  });

  it("encodes seed 001 with its inquiry SLA policy and two clause sets", () => {
    const c = nerimaAiService2026;
    expect([c.workItems.length, c.deliverables.length, c.clauseSets.length]).toEqual([8, 8, 2]);
    expect(c.clauseSets.map((s) => s.catalogue)).toEqual(["nerima", "nerima-ai"]);
    expect(c.slaPolicies[0]?.policy.goals.map((g) => [g.metric, g.amount, g.unit])).toEqual([
      ["first-response", 2, "business-days"],
      ["answer", 3, "business-days"],
    ]);
  });

  it("encodes seed 003's seven programs of 業務一覧 with their windows and the 出納整理期間", () => {
    const c = meguroNursery2026;
    const programs = c.workItems.filter((w) => w.source.section.startsWith("業務一覧 "));
    expect(programs.map((p) => p.title)).toEqual([
      "運営費・法外援護費",
      "処遇改善等加算適用申請",
      "保育士等キャリアアップ補助金",
      "保育サービス推進事業補助金",
      "保育力強化事業補助金",
      "賃借料補助金",
      "保育料階層決定事務",
    ]);
    expect(programs.every((p) => p.windows.length > 0)).toBe(true);
    expect(c.workItems.find((w) => w.id === "closing-period-review")?.windows).toEqual([
      { label: "出納整理期間", closingPeriod: true },
    ]);
    expect(c.workItems.find((w) => w.id === "fee-tier")?.volumes[0]?.amount).toBe(500);
    expect([c.workItems.length, c.deliverables.length, c.clauseSets.length]).toEqual([10, 10, 1]);
    expect(c.calendar.policy.hours).toEqual({ open: "08:30", close: "17:15" });
    expect(c.staffing.map((r) => r.title)).toEqual(["業務管理責任者", "業務管理責任者代理", "業務従事者"]);
  });

  it("is deeply frozen", () => {
    expect(Object.isFrozen(meguroNursery2026.deliverables[0])).toBe(true);
  });
});
