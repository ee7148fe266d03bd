import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { parsePaymentOrdersCsv, parseTransferApplicationsCsv } from "./payment-csv.js";

const utf8 = (t: string) => new TextEncoder().encode(t);
const ORDERS = "支出命令番号,支払先,支払日,金額,債権者登録番号\r\n";

describe("parsePaymentOrdersCsv", () => {
  it("reads Shift_JIS orders with quoted amounts, slash dates and an optional creditor number", () => {
    const bytes = new Uint8Array(
      iconv.encode(
        `${ORDERS}S-1,練馬商事,2025/7/25,"12,000",3\r\nS-2,"豊玉工業, 本社",2025-07-25,¥500,\r\n`,
        "cp932",
      ),
    );
    expect(parsePaymentOrdersCsv(bytes)).toEqual({
      ok: true,
      rows: [
        {
          line: 2,
          orderNumber: "S-1",
          payee: "練馬商事",
          paymentDate: "2025-07-25",
          amount: 12_000,
          creditorAccountId: 3,
        },
        { line: 3, orderNumber: "S-2", payee: "豊玉工業, 本社", paymentDate: "2025-07-25", amount: 500 },
      ],
    });
  });

  it("rejects the whole file with every error: duplicates, widths, bad cells", () => {
    const result = parsePaymentOrdersCsv(
      utf8(
        `${ORDERS}S-1,練馬商事,2025-07-25,100,\r\nS-1,練馬商事,2025-07-25,100,\r\nS 3,,2025-13-01,1.5,x\r\nS-4,a\r\n`,
      ),
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.map((e) => `${e.line}:${e.column ?? "-"}`)).toEqual([
      "3:支出命令番号",
      "4:債権者登録番号",
      "4:支出命令番号",
      "4:支払先",
      "4:支払日",
      "4:金額",
      "5:-",
    ]);
    expect(!result.ok && result.errors[0]?.message).toBe("2行目と重複しています");
    expect(!result.ok && result.errors.at(-1)?.message).toBe("列の数が違います（2列、5列必要です）");
  });

  it("refuses a wrong header, an empty file, a header-only file and UTF-16", () => {
    const wrong = parsePaymentOrdersCsv(utf8("番号,支払先,支払日,金額\r\nS-1,a,2025-07-01,1\r\n"));
    expect(!wrong.ok && wrong.errors[0]?.message).toContain(
      "見出し行が正しくありません。見出しは「支出命令番号,支払先,支払日,金額,債権者登録番号」",
    );
    expect(!parsePaymentOrdersCsv(utf8("")).ok).toBe(true);
    const headerOnly = parsePaymentOrdersCsv(utf8(ORDERS));
    expect(!headerOnly.ok && headerOnly.errors[0]).toEqual({
      line: 2,
      column: undefined,
      message: "支出命令のデータ行がありません",
    });
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(ORDERS, "utf16le"))]);
    expect(!parsePaymentOrdersCsv(utf16).ok).toBe(true);
  });
});

describe("parseTransferApplicationsCsv", () => {
  it("reads applications and names a bad date by line and column", () => {
    const head = "申請番号,支払先,振込指定日,金額\n";
    expect(parseTransferApplicationsCsv(utf8(`${head}E-1,練馬商事,2025-07-25,12000\n`))).toEqual({
      ok: true,
      rows: [
        { line: 2, applicationNumber: "E-1", payee: "練馬商事", transferDate: "2025-07-25", amount: 12_000 },
      ],
    });
    expect(parseTransferApplicationsCsv(utf8(`${head}E-1,練馬商事,2025-02-29,12000\n`))).toEqual({
      ok: false,
      errors: [
        {
          line: 2,
          column: "振込指定日",
          value: "2025-02-29",
          message: "振込指定日が日付（YYYY-MM-DD）として正しくありません",
        },
      ],
    });
  });
});
