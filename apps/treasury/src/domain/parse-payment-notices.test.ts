import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { formatPaymentNoticesCsv } from "./format-payment-notices.js";
import { generatePaymentNotices } from "./generate-payment-notices.js";
import { parsePaymentNotices } from "./parse-payment-notices.js";

const HEADER = "通知書番号,収納日,所属年度,現過年区分,収納経路,会計コード,科目コード,所属コード,金額";
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const sjis = (text: string): Uint8Array => new Uint8Array(iconv.encode(text, "cp932"));
const file = (...rows: string[]): string => `${[HEADER, ...rows].join("\r\n")}\r\n`;
const row = (overrides: Partial<Record<string, string>> = {}): string =>
  [
    overrides.number ?? "N0001",
    overrides.date ?? "2025-07-01",
    overrides.year ?? "2025",
    overrides.kind ?? "現年",
    overrides.channel ?? "指定金融機関",
    overrides.account ?? "01",
    overrides.subject ?? "01-01-01-01",
    overrides.department ?? "110100",
    overrides.amount ?? "12345",
  ].join(",");

function errorsOf(bytes: Uint8Array, options = {}) {
  const result = parsePaymentNotices(bytes, options);
  if (result.ok) throw new Error("expected errors");
  return result.errors;
}

describe("parsePaymentNotices", () => {
  it("imports a UTF-8 file with every column typed", () => {
    const result = parsePaymentNotices(
      utf8(file(row(), row({ number: "N0002", channel: "ゆうちょ銀行", amount: "500" }))),
    );
    expect(result).toEqual({
      ok: true,
      encoding: "utf-8",
      notices: [
        {
          line: 2,
          noticeNumber: "N0001",
          cashDate: "2025-07-01",
          fiscalYear: 2025,
          yearKind: "current",
          channel: "bank",
          accountCode: "01",
          subjectCode: "01-01-01-01",
          departmentCode: "110100",
          amount: 12345,
        },
        expect.objectContaining({ line: 3, channel: "japan-post", amount: 500 }),
      ],
    });
  });

  it("detects UTF-8 with a BOM and Shift_JIS", () => {
    const text = file(row({ channel: "窓口" }));
    const bom = parsePaymentNotices(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]));
    expect(bom.ok && bom.encoding).toBe("utf-8");
    const shiftJis = parsePaymentNotices(sjis(text));
    expect(shiftJis.ok && shiftJis.encoding).toBe("shift_jis");
    expect(shiftJis.ok && shiftJis.notices[0]?.channel).toBe("counter");
  });

  it("reads quoted fields, amounts with separators and yen signs, and slashed dates", () => {
    const result = parsePaymentNotices(
      utf8(
        file(row({ amount: '"1,234,567"', date: "2025/7/1" }), row({ number: "N2", amount: "￥２，０００" })),
      ),
    );
    expect(result.ok && result.notices.map((n) => [n.cashDate, n.amount])).toEqual([
      ["2025-07-01", 1234567],
      ["2025-07-01", 2000],
    ]);
  });

  it("accepts a past-year notice during 出納整理期間 (April–May)", () => {
    const result = parsePaymentNotices(utf8(file(row({ date: "2026-05-29", year: "2025", kind: "過年" }))), {
      fiscalYear: 2025,
    });
    expect(result.ok && result.notices[0]?.yearKind).toBe("past");
  });

  it("rejects a past-year notice dated after May 31", () => {
    expect(errorsOf(utf8(file(row({ date: "2026-06-01", year: "2025", kind: "過年" }))))).toEqual([
      expect.objectContaining({
        line: 2,
        column: "収納日",
        message: expect.stringContaining("出納整理期間"),
      }),
    ]);
  });

  it("rejects dates outside the fiscal year", () => {
    const errors = errorsOf(
      utf8(
        file(
          row({ number: "A", date: "2025-03-31", year: "2025" }),
          row({ number: "B", date: "2026-04-01", year: "2025" }),
          row({ number: "C", date: "2026-05-01", year: "2024", kind: "過年" }),
        ),
      ),
      { fiscalYear: 2025 },
    );
    expect(errors.map((e) => [e.line, e.column])).toEqual([
      [2, "所属年度"],
      [3, "所属年度"],
      [4, "所属年度"],
      [4, "所属年度"],
    ]);
    expect(errors[0]?.message).toContain("2024年度");
  });

  it("rejects a cash date in the future when today is given, and impossible dates", () => {
    expect(errorsOf(utf8(file(row({ date: "2025-07-02" }))), { today: "2025-07-01" })[0]?.message).toContain(
      "未来",
    );
    expect(errorsOf(utf8(file(row({ date: "2025-02-29" }))))[0]).toMatchObject({
      column: "収納日",
      value: "2025-02-29",
    });
    expect(errorsOf(utf8(file(row({ date: "R7.7.1" }))))[0]?.column).toBe("収納日");
  });

  it("rejects non-numeric, fractional, zero and negative amounts", () => {
    const errors = errorsOf(
      utf8(
        file(
          row({ number: "A", amount: "12a4" }),
          row({ number: "B", amount: "12.5" }),
          row({ number: "C", amount: "0" }),
          row({ number: "D", amount: "△100" }),
          row({ number: "E", amount: "" }),
          row({ number: "F", amount: '"1,23,4"' }),
        ),
      ),
    );
    expect(errors.map((e) => [e.line, e.column, e.value])).toEqual([
      [2, "金額", "12a4"],
      [3, "金額", "12.5"],
      [4, "金額", "0"],
      [5, "金額", "△100"],
      [6, "金額", ""],
      [7, "金額", "1,23,4"],
    ]);
    expect(errors[1]?.message).toContain("小数");
  });

  it("rejects duplicate notice numbers, naming the first line", () => {
    const errors = errorsOf(utf8(file(row(), row({ number: "N0002" }), row())));
    expect(errors).toEqual([
      { line: 4, column: "通知書番号", value: "N0001", message: "通知書番号が2行目と重複しています" },
    ]);
  });

  it("rejects missing and extra columns in the header", () => {
    const missing = errorsOf(
      utf8("通知書番号,収納日,所属年度,現過年区分,収納経路,会計コード,科目コード,金額\r\n"),
    );
    expect(missing[0]).toMatchObject({ line: 1, column: undefined });
    expect(missing[0]?.message).toContain("不足している列：所属コード");
    const extra = errorsOf(utf8(`${HEADER},備考\r\n${row()},x\r\n`));
    expect(extra[0]?.message).toContain("余分な列：備考");
    const order = errorsOf(
      utf8("収納日,通知書番号,所属年度,現過年区分,収納経路,会計コード,科目コード,所属コード,金額\r\n"),
    );
    expect(order[0]?.message).toContain("順序");
  });

  it("rejects rows with missing or extra columns", () => {
    const errors = errorsOf(
      utf8(file(row().split(",").slice(0, 8).join(","), `${row({ number: "B" })},extra`)),
    );
    expect(errors.map((e) => [e.line, e.message])).toEqual([
      [2, expect.stringContaining("列が不足")],
      [3, expect.stringContaining("列が多すぎます")],
    ]);
  });

  it("rejects malformed codes and labels, one error per column", () => {
    const errors = errorsOf(
      utf8(
        file(
          row({
            number: "n-1",
            year: "R7",
            kind: "当年",
            channel: "コンビニ",
            account: "1",
            subject: "01-01-01",
            department: "ABC",
          }),
        ),
      ),
    );
    expect(errors.map((e) => e.column)).toEqual([
      "通知書番号",
      "所属年度",
      "現過年区分",
      "収納経路",
      "会計コード",
      "科目コード",
      "所属コード",
    ]);
    for (const e of errors) expect(e.line).toBe(2);
  });

  it("rejects the whole file when one row is bad (nothing is half-imported)", () => {
    const rows = Array.from({ length: 50 }, (_, i) => row({ number: `N${i}` }));
    rows[37] = row({ number: "N37", amount: "abc" });
    const result = parsePaymentNotices(utf8(file(...rows)));
    expect(result.ok).toBe(false);
    expect("notices" in result).toBe(false);
    expect(!result.ok && result.errors).toHaveLength(1);
  });

  it("rejects a file in the wrong encoding", () => {
    // EUC-JP bytes are neither valid UTF-8 nor clean Shift_JIS text.
    const euc = new Uint8Array(iconv.encode(file(row()), "euc-jp"));
    const errors = errorsOf(euc);
    expect(errors[0]?.line).toBeLessThanOrEqual(1);
    expect(errors[0]?.message).toMatch(/文字コード|見出し行/);
    expect(errorsOf(new Uint8Array(iconv.encode(file(row()), "utf-16le")))[0]?.message).toContain("UTF-16");
    expect(errorsOf(sjis(file(row())), { encoding: "utf-8" })[0]?.message).toContain("UTF-8");
  });

  it("rejects an empty file and a file with only the header", () => {
    expect(errorsOf(utf8(""))[0]?.message).toContain("データがありません");
    expect(errorsOf(utf8(`${HEADER}\r\n`))[0]?.message).toContain("データ行がありません");
  });

  it("reports CSV syntax errors with their line", () => {
    const errors = errorsOf(utf8(file(row(), 'N2,"2025-07-01,2025')));
    expect(errors[0]).toMatchObject({ line: 3, column: undefined });
  });

  it("stops collecting errors at maxErrors and says so", () => {
    const rows = Array.from({ length: 20 }, (_, i) => row({ number: `N${i}`, amount: "x" }));
    const result = parsePaymentNotices(utf8(file(...rows)), { maxErrors: 5 });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toHaveLength(5);
    expect(!result.ok && result.truncated).toBe(true);
  });

  it("refuses invalid options", () => {
    expect(() => parsePaymentNotices(utf8(file(row())), { fiscalYear: 25.5 })).toThrow();
  });

  it("reads back generated notices in both encodings", () => {
    const notices = generatePaymentNotices({ fiscalYear: 2025, count: 300, seed: 11 });
    for (const encoding of ["utf-8", "shift_jis"] as const) {
      const result = parsePaymentNotices(formatPaymentNoticesCsv(notices, { encoding, bom: true }), {
        fiscalYear: 2025,
      });
      expect(result.ok).toBe(true);
      if (result.ok) expect(result.notices.map(({ line: _line, ...notice }) => notice)).toEqual(notices);
    }
  });
});
