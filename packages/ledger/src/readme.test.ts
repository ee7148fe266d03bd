// The README's end-to-end 済通集計表 example, run as a test so the README cannot drift from the code.
import { JPY } from "dinero.js/currencies";
import { describe, expect, it } from "vitest";
import {
  createTally,
  defineTally,
  formatAmount,
  formatDaiji,
  parseAmount,
  reconcile,
  rollUp,
  type TallyRow,
  tallyFromJSON,
  tallyToJSON,
} from "./index.js";

// README: start
const schema = defineTally({
  currency: JPY,
  dimensions: [
    {
      name: "channel",
      label: "収納区分",
      order: ["bank", "post", "counter"],
      labels: { bank: "銀行", post: "ゆうちょ銀行", counter: "派出所" },
    },
    { name: "account", label: "会計", labels: { "01": "一般会計", "02": "国民健康保険事業会計" } },
    {
      name: "subject",
      label: "科目",
      levels: ["款", "項", "目", "節"],
      labels: { "13": "使用料及手数料", "13/01": "使用料", "01": "国民健康保険料" },
    },
    { name: "department", label: "所属" },
  ],
});

// Payment notices (納入済通知書) as the bank sends them: number, channel, account, subject, department, amount.
const csv = `
0001,bank,01,13/01/01/01,区民課,"1,200円"
0002,bank,01,13/01/01/01,区民課,￥3,400
0003,bank,01,13/01/02/01,道路課,"１２，０００"
0004,post,01,13/01/01/01,区民課,800円
0005,counter,02,01/01/01/01,国保年金課,"¥56,000"
0006,bank,02,01/01/01/01,国保年金課,"48,000"`;

function parseCsvLine(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|([^,]+)/g)].map((m) => m[1] ?? m[2] ?? "");
}

const notices = createTally(schema);
const importNotices = (text: string) =>
  text
    .trim()
    .split("\n")
    .map(parseCsvLine)
    .map(([key, channel, account, subject, department, amount]) =>
      notices.add({
        key: key as string,
        amount: parseAmount(amount as string),
        dimensions: {
          channel: channel as string,
          account: account as string,
          subject: subject as string,
          department: department as string,
        },
      }),
    );

importNotices(csv);
const again = importNotices(csv); // the same file imported twice by mistake
// again => ["duplicate", "duplicate", "duplicate", "duplicate", "duplicate", "duplicate"]

// Notice 0002 was keyed with the wrong amount: reverse it and add the right one.
notices.reverse({ key: "0002-R", reverses: "0002" });
notices.add({
  key: "0002-C",
  amount: parseAmount("3,500円"),
  dimensions: { channel: "bank", account: "01", subject: "13/01/01/01", department: "区民課" },
});

const tally = notices.snapshot();

// Print the 済通集計表: one line per row, subtotal rows marked with 計 (CJK characters are 2 columns wide).
const width = (text: string) => [...text].reduce((w, c) => w + ((c.codePointAt(0) ?? 0) > 0x2e80 ? 2 : 1), 0);
const print = (rows: readonly TallyRow[]) =>
  rows
    .map((r) => {
      const label =
        r.kind === "total" ? "合計" : `${r.labels.join(" / ")}${r.kind === "subtotal" ? " 計" : ""}`;
      const amount = formatAmount(r.amount, { style: "plain", negative: "triangle" });
      return `${label}${" ".repeat(Math.max(1, 52 - width(label)))}${String(r.count).padStart(3)}件 ${amount.padStart(9)}`;
    })
    .join("\n");
const report = print(tally.rows({ depth: 3, subtotalLevels: [1, 2] }));

// The accounting system's input, exported and tallied the same way; one notice was keyed as 4,800.
const accounting = createTally(schema);
for (const e of tally.entries()) {
  if (e.reverses !== undefined) continue;
  if (e.key === "0002") continue;
  accounting.addUnits(e.key, e.key === "0006" ? 4800 : e.units, e.cell.split("|"));
}
const check = reconcile(tally, accounting.snapshot());
// check.balanced => false
// check.summary.messageJa => "不一致：5件中1件の区分が一致しません（入力側なし 0件、集計表側なし 0件）。合計の差額 -43,200円、件数の差 0件"
// check.differences[0] => { key: "bank|02|01/01/01/01|国保年金課", expected: { count: 1, units: 48000 }, actual: { count: 1, units: 4800 }, difference: { count: 0, units: -43200 } }

// The 公金収納集計表 from the same entries: 会計 × 款.
const summary = print(rollUp(tally, ["account", { name: "subject", depth: 1 }]).rows());

// Stored as JSON (amounts as integer strings) and read back, checked.
const restored = tallyFromJSON(JSON.parse(JSON.stringify(tallyToJSON(tally))));
// README: end

describe("README example", () => {
  it("never counts a re-import twice", () => {
    expect(again).toEqual(Array(6).fill("duplicate"));
  });
  it("prints the 済通集計表 and the 公金収納集計表", () => {
    expect(report).toBe(REPORT);
    expect(summary).toBe(SUMMARY);
    expect(tally.total).toMatchObject({ count: 6, units: 121_500 });
    expect(formatDaiji(tally.total.amount)).toBe("金壱拾弐萬壱千伍百円也");
  });
  it("reconciles against the accounting system", () => {
    expect(check.balanced).toBe(false);
    expect(check.differences).toHaveLength(1);
    expect(check.differences[0]).toMatchObject({
      key: "bank|02|01/01/01/01|国保年金課",
      expected: { count: 1, units: 48000 },
      actual: { count: 1, units: 4800 },
      difference: { count: 0, units: -43200 },
    });
    expect(check.summary.messageJa).toBe(
      "不一致：5件中1件の区分が一致しません（入力側なし 0件、集計表側なし 0件）。合計の差額 -43,200円、件数の差 0件",
    );
  });
  it("round-trips through JSON", () => {
    expect(reconcile(tally, restored).balanced).toBe(true);
  });
});

const REPORT = `銀行 / 一般会計 / 使用料及手数料                      3件    16,700
銀行 / 一般会計 計                                    3件    16,700
銀行 / 国民健康保険事業会計 / 国民健康保険料          1件    48,000
銀行 / 国民健康保険事業会計 計                        1件    48,000
銀行 計                                               4件    64,700
ゆうちょ銀行 / 一般会計 / 使用料及手数料              1件       800
ゆうちょ銀行 / 一般会計 計                            1件       800
ゆうちょ銀行 計                                       1件       800
派出所 / 国民健康保険事業会計 / 国民健康保険料        1件    56,000
派出所 / 国民健康保険事業会計 計                      1件    56,000
派出所 計                                             1件    56,000
合計                                                  6件   121,500`;
const SUMMARY = `一般会計 / 使用料及手数料                             4件    17,500
一般会計 計                                           4件    17,500
国民健康保険事業会計 / 国民健康保険料                 2件   104,000
国民健康保険事業会計 計                               2件   104,000
合計                                                  6件   121,500`;
