import { readSeed } from "@ward/seeds";
import { describe, expect, it } from "vitest";
import type { Contract } from "./contract-schema.js";
import { type ContractObligation, obligations } from "./obligations.js";
import { meguroNursery2026, nerimaAiService2026, nerimaTreasury2025 } from "./seed-contracts.js";

const text = { "000": readSeed("000"), "001": readSeed("001"), "003": readSeed("003") } as const;
// PDF line breaks inside a sentence do not count.
const flat = (seed: keyof typeof text) => text[seed].replace(/\n+/g, "");

function find(
  contract: Contract,
  itemId: string,
  options: { range?: { from: string; to: string }; anchors?: Record<string, string> } = {},
): ContractObligation[] {
  const fy = { from: `${contract.fiscalYear}-04-01`, to: `${contract.fiscalYear + 1}-05-31` };
  return obligations(contract, { range: options.range ?? fy, anchors: options.anchors ?? {} }).filter(
    (o) => o.itemId === itemId,
  );
}

interface Case {
  readonly name: string;
  readonly seed: keyof typeof text;
  readonly quote: string;
  readonly contract: Contract;
  readonly itemId: string;
  readonly anchors?: Record<string, string>;
  readonly range?: { from: string; to: string };
  readonly expected: Partial<ContractObligation>;
}

const cases: Case[] = [
  {
    name: "003 §7 return of the lent 業務フロー・手順書 when the work ends",
    seed: "003",
    quote: "貸与を受けた業務フロー、業務手順書、その他の物品等は、業務終了と同時に区へ返還すること。",
    contract: meguroNursery2026,
    itemId: "return-of-lent-materials",
    expected: {
      status: "dated",
      date: "2027-03-31",
      condition: "次期受託者が他の事業者に変更となる場合（契約解除による終了を含む）",
    },
  },
  {
    name: "003 別紙2 第11条 report of the 事務執行場所 before the work starts",
    seed: "003",
    quote:
      "受注者は、この契約による事務開始前までに当該事務で機密情報を取り扱う事務執行場所及び機密情報の管理状況について、発注者に報告しなければならない。",
    contract: meguroNursery2026,
    itemId: "meguro:11:1#1",
    range: { from: "2026-03-01", to: "2026-03-31" },
    expected: {
      status: "dated",
      date: "2026-03-31",
      category: "clause",
      evidence: "meguro/workplace-report",
    },
  },
  {
    name: "003 §16(1) reports on the ward's request",
    seed: "003",
    quote: "区は必要に応じ、履行状況の報告を求めることができ、受託者はこれに応じること。",
    contract: meguroNursery2026,
    itemId: "status-report-on-request",
    anchors: { request: "2026-06-10" },
    expected: { status: "undated", anchor: { event: "request", date: "2026-06-10" } },
  },
  {
    name: "000 特記事項第6条 管理責任者 appointment in writing, before the work starts",
    seed: "000",
    quote: "管理責任者」という。)を選任し、指定する書面により甲に提出しなければならない。",
    contract: nerimaTreasury2025,
    itemId: "nerima:6:1#1",
    expected: { status: "dated", date: "2025-06-30", evidence: "nerima/manager-appointment" },
  },
  ...(["000", "001"] as const).flatMap((seed): Case[] => {
    const contract = seed === "000" ? nerimaTreasury2025 : nerimaAiService2026;
    const year = contract.fiscalYear + 1;
    return [
      {
        name: `${seed} 第22条2 certificate of return or disposal, on the day it is done`,
        seed,
        quote: "乙は、情報の返還または処分を完了したときは、甲にこれを証明する書類を提出しなければならない。",
        contract,
        itemId: "nerima:22:2#1",
        anchors: { disposal: "2026-04-10" },
        expected: { status: "dated", date: "2026-04-10", evidence: "nerima/return-certificate" },
      },
      {
        name: `${seed} 第8条 change notices`,
        seed,
        quote: "変更内容について、速やかに甲に書面で提出しなければならない。",
        contract,
        itemId: "nerima:8:1#1",
        anchors: { change: `${year}-01-20` },
        expected: {
          status: "undated",
          dueText: "内容の変更後速やかに",
          anchor: { event: "change", date: `${year}-01-20` },
        },
      },
      {
        name: `${seed} 第9条 training reports`,
        seed,
        quote: "実施結果について指定する書面により甲に提出しなければならない。",
        contract,
        itemId: "nerima:9:1#2",
        anchors: { training: `${year}-02-02` },
        expected: {
          status: "undated",
          dueText: "教育の実施後",
          anchor: { event: "training", date: `${year}-02-02` },
        },
      },
    ];
  }),
  {
    name: "001 第25条1(4) written incident record",
    seed: "001",
    quote: "当該事故等の記録を文書で提出すること。",
    contract: nerimaAiService2026,
    itemId: "nerima:25:1:4#1",
    anchors: { incident: "2026-09-01" },
    expected: {
      status: "undated",
      anchor: { event: "incident", date: "2026-09-01" },
      evidence: "nerima/incident-record",
    },
  },
  {
    name: "Meguro 第19条 report on the training given",
    seed: "003",
    quote: "発注者にその教育の実施状況等を報告しなければならない。",
    contract: meguroNursery2026,
    itemId: "meguro:19:1#2",
    anchors: { training: "2026-05-12" },
    expected: { status: "undated", anchor: { event: "training", date: "2026-05-12" } },
  },
  {
    name: "Meguro 第25条 預かり証 on receipt",
    seed: "003",
    quote: "預かり証を発注者に対して交付しなければならない。",
    contract: meguroNursery2026,
    itemId: "meguro:25:1#1",
    anchors: { receipt: "2026-04-03" },
    expected: { status: "dated", date: "2026-04-03", evidence: "meguro/receipt" },
  },
  {
    name: "Meguro 第28条 return of information when the work ends",
    seed: "003",
    quote:
      "務を遂行する中で記録・作成した機密情報や機密情報に当たらない機器等の情報資産を速やかに発注者に返却しなければならない。",
    contract: meguroNursery2026,
    itemId: "meguro:28:1#1",
    expected: { status: "undated", anchor: { event: "contract-end", date: "2027-03-31" } },
  },
  {
    name: "Meguro 第31条 report after the work ends",
    seed: "003",
    quote: "定期的及びこの契約による事務の終了後に報告するものとする。",
    contract: meguroNursery2026,
    itemId: "meguro:31:1#2",
    expected: { status: "undated", anchor: { event: "contract-end", date: "2027-03-31" } },
  },
];

describe("duties the seed text imposes, in the contract's obligations calendar", () => {
  it.each(cases)("$name", ({ seed, quote, contract, itemId, anchors, range, expected }) => {
    expect(flat(seed)).toContain(quote);
    const found = find(contract, itemId, {
      ...(anchors === undefined ? {} : { anchors }),
      ...(range === undefined ? {} : { range }),
    });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject(expected);
  });

  it("003 §10: a 請求書 every month, closing at the month's end (当月末締め)", () => {
    expect(flat("003")).toContain("当月分の費用について当月末締めで「請求書」");
    const invoices = find(meguroNursery2026, "invoice");
    expect(invoices.map((o) => o.date)).toEqual([
      "2026-04-30",
      "2026-05-31",
      "2026-06-30",
      "2026-07-31",
      "2026-08-31",
      "2026-09-30",
      "2026-10-31",
      "2026-11-30",
      "2026-12-31",
      "2027-01-31",
      "2027-02-28",
      "2027-03-31",
    ]);
    expect(invoices[0]).toMatchObject({
      category: "invoice",
      period: { start: "2026-04-01", end: "2026-04-30" },
    });
  });

  it("lists Meguro 第31条's periodic and on-request reports too, as standing duties", () => {
    expect(find(meguroNursery2026, "meguro:31:1#1")).toMatchObject([
      { status: "undated", dueText: "定期的に" },
    ]);
    expect(find(meguroNursery2026, "meguro:31:1#3")).toMatchObject([
      { status: "unresolved", missingAnchors: ["request"] },
    ]);
  });

  it("waits for the event's date before dating an event-driven clause duty", () => {
    expect(find(nerimaTreasury2025, "nerima:22:2#1")).toMatchObject([
      { status: "unresolved", missingAnchors: ["disposal"] },
    ]);
  });

  it("does not list a clause duty twice when a contract item fulfils it, and lends it the clause's rule", () => {
    const ai = obligations(nerimaAiService2026, { range: { from: "2027-04-01", to: "2027-04-30" } });
    expect(ai.filter((o) => o.title.includes("消去証明書")).map((o) => o.itemId)).toEqual([
      "erasure-certificate",
    ]);
    const record = find(nerimaTreasury2025, "incident-record", { anchors: { incident: "2025-10-01" } });
    expect(record).toMatchObject([{ status: "undated", anchor: { event: "incident", date: "2025-10-01" } }]);
    expect(record[0]?.interpretation).toContain("第25条第1項第4号");
    expect(find(nerimaTreasury2025, "nerima:25:1:4#1")).toEqual([]);
  });
});
