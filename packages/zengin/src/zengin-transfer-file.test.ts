import { createCalendar } from "@ward/calendar-jp";
import fc from "fast-check";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { createBankMaster } from "./bank-master.js";
import { ZenginError, ZenginFileError } from "./errors.js";
import { parseZenginTransferFile } from "./parse-zengin-transfer-file.js";
import {
  transferRecordFromAccount,
  writeZenginTransferFile,
  type ZenginTransferHeader,
  type ZenginTransferRecord,
} from "./zengin-transfer-file.js";

const header: ZenginTransferHeader = {
  requesterCode: "1234567890",
  requesterName: "ﾈﾘﾏｸ ｶｲｹｲｶﾝﾘｼﾂ",
  transferDate: "2025-07-25",
  bankCode: "0001",
  bankName: "ﾐｽﾞﾎ",
  branchCode: "001",
  branchName: "ﾄｳｷﾖｳ",
  accountType: "1",
  accountNumber: "1234567",
};

const records: ZenginTransferRecord[] = [
  {
    bankCode: "0005",
    bankName: "ﾐﾂﾋﾞｼﾕ-ｴﾌｼﾞｴｲ",
    branchCode: "001",
    branchName: "ﾎﾝﾃﾝ",
    accountType: "1",
    accountNumber: "7654321",
    holderName: "ｶ)ﾈﾘﾏｼﾖｳｼﾞ",
    amount: 123_456,
  },
  {
    bankCode: "9900",
    branchCode: "018",
    accountType: "1",
    accountNumber: "1234567",
    holderName: "ﾔﾏﾀﾞ ﾀﾛｳ",
    amount: 5_000,
    customerCode1: "42",
    transferCategory: "7",
  },
  {
    bankCode: "0009",
    branchCode: "100",
    accountType: "2",
    accountNumber: "0000001",
    holderName: "ﾌｸ)ﾈﾘﾏｶｲ",
    amount: 9_999_999_999,
    ediInfo: "INV-2025-0001",
    newCode: "1",
  },
];

const latin = (bytes: Uint8Array): string => Buffer.from(bytes).toString("latin1");
const sjis = (bytes: Uint8Array): string => iconv.decode(Buffer.from(bytes), "Shift_JIS");

describe("writeZenginTransferFile", () => {
  const bytes = writeZenginTransferFile(header, records);
  const lines = sjis(bytes).split("\r\n");

  it("writes header, data, trailer and end records of 120 bytes, CR+LF separated", () => {
    expect(bytes.length).toBe(6 * 122);
    expect(lines.slice(0, 6).map((line) => line.length)).toEqual([120, 120, 120, 120, 120, 120]);
    expect(lines.slice(0, 6).map((line) => line[0])).toEqual(["1", "2", "2", "2", "8", "9"]);
    expect(lines[6]).toBe("");
  });

  it("lays out the header fields at the Zengin positions", () => {
    const h = lines[0] as string;
    expect(h.slice(0, 4)).toBe("1210");
    expect(h.slice(4, 14)).toBe("1234567890");
    expect(h.slice(14, 54)).toBe("ﾈﾘﾏｸ ｶｲｹｲｶﾝﾘｼﾂ".padEnd(40, " "));
    expect(h.slice(54, 58)).toBe("0725");
    expect(h.slice(58, 62)).toBe("0001");
    expect(h.slice(62, 77)).toBe("ﾐｽﾞﾎ".padEnd(15));
    expect(h.slice(77, 80)).toBe("001");
    expect(h.slice(95, 96)).toBe("1");
    expect(h.slice(96, 103)).toBe("1234567");
    expect(h.slice(103)).toBe(" ".repeat(17));
  });

  it("right-aligns zero-filled numbers and left-aligns space-filled text in data records", () => {
    const d = lines[2] as string;
    expect(d.slice(0, 5)).toBe("29900");
    expect(d.slice(5, 20)).toBe(" ".repeat(15));
    expect(d.slice(38, 42)).toBe("0000");
    expect(d.slice(42, 43)).toBe("1");
    expect(d.slice(43, 50)).toBe("1234567");
    expect(d.slice(50, 80)).toBe("ﾔﾏﾀﾞ ﾀﾛｳ".padEnd(30));
    expect(d.slice(80, 90)).toBe("0000005000");
    expect(d.slice(90, 91)).toBe("0");
    expect(d.slice(91, 101)).toBe("0000000042");
    expect(d.slice(101, 111)).toBe("0000000000");
    expect(d.slice(111, 120)).toBe("7        ");
  });

  it("writes EDI information in place of the customer codes with 識別表示 Y", () => {
    const d = lines[3] as string;
    expect(d.slice(91, 111)).toBe("INV-2025-0001".padEnd(20));
    expect(d.slice(112, 113)).toBe("Y");
    expect(d.slice(90, 91)).toBe("1");
  });

  it("writes the trailer count and total", () => {
    const t = lines[4] as string;
    expect(t.slice(0, 7)).toBe("8000003");
    expect(t.slice(7, 19)).toBe(String(123_456 + 5_000 + 9_999_999_999).padStart(12, "0"));
    expect(t.slice(19)).toBe(" ".repeat(101));
  });

  it("writes half-width kana as single Shift_JIS bytes", () => {
    const one = writeZenginTransferFile(header, [records[0] as ZenginTransferRecord], { lineEnding: "none" });
    expect(one.length).toBe(4 * 120);
    expect(one[14]).toBe(0xc8); // ﾈ
  });

  it("writes the yen sign as byte 0x5C, never as ?", () => {
    const bytes = writeZenginTransferFile({ ...header, requesterName: "ﾈﾘﾏ\\ｶｲｹｲ" }, [
      records[0] as ZenginTransferRecord,
    ]);
    expect(bytes[17]).toBe(0x5c);
    expect(latin(bytes)).not.toContain("?");
  });

  it("refuses a transfer date on a bank holiday (banks close 12/31–1/3)", () => {
    expect(() => writeZenginTransferFile({ ...header, transferDate: "2025-12-31" }, records)).toThrow(
      ZenginError,
    );
    try {
      writeZenginTransferFile({ ...header, transferDate: "2026-01-03" }, records);
    } catch (e) {
      expect((e as ZenginError).code).toBe("NOT_A_BANK_DAY");
      expect((e as ZenginError).messageJa).toContain("振込指定日");
    }
    // 12/30 is a bank day although the ward is closed.
    expect(() => writeZenginTransferFile({ ...header, transferDate: "2025-12-30" }, records)).not.toThrow();
  });

  it("uses the calendar it is given", () => {
    const calendar = createCalendar({
      id: "test-bank",
      closures: [{ date: "2025-07-25", name: "システム停止" }],
    });
    expect(() => writeZenginTransferFile(header, records, { calendar })).toThrow(/システム停止|bank holiday/);
  });

  it("fills bank and branch names from the master when left out", () => {
    const master = createBankMaster(
      {
        "9900": {
          code: "9900",
          name: "ゆうちょ",
          kana: "ユウチヨ",
          branches: { "018": { code: "018", name: "〇一八", kana: "ゼロイチハチ" } },
        },
      },
      "2026-08-24",
    );
    const bytes = writeZenginTransferFile(header, [records[1] as ZenginTransferRecord], { master });
    expect(sjis(bytes).split("\r\n")[1]?.slice(5, 38)).toBe(`${"ﾕｳﾁﾖ".padEnd(15)}018${"ｾﾞﾛｲﾁﾊﾁ".padEnd(15)}`);
  });

  it("names the record and field of a name with characters Zengin forbids", () => {
    const bad = [
      records[0] as ZenginTransferRecord,
      { ...(records[1] as ZenginTransferRecord), holderName: "ヤマダ" },
    ];
    try {
      writeZenginTransferFile(header, bad);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ZenginFileError);
      expect((e as ZenginFileError).recordNumber).toBe(3);
      expect((e as ZenginFileError).field).toBe("受取人名");
      expect((e as ZenginFileError).messageJa).toContain("レコード3の「受取人名」");
    }
  });

  it("refuses a name longer than the field, an amount out of range and conflicting EDI data", () => {
    const base = records[0] as ZenginTransferRecord;
    const fieldOf = (input: ZenginTransferRecord): string | undefined => {
      try {
        writeZenginTransferFile(header, [input]);
      } catch (e) {
        return (e as ZenginFileError).field;
      }
      return undefined;
    };
    expect(fieldOf({ ...base, holderName: "ｱ".repeat(31) })).toBe("受取人名");
    expect(fieldOf({ ...base, amount: 0 })).toBe("振込金額");
    expect(fieldOf({ ...base, amount: 10_000_000_000 })).toBe("振込金額");
    expect(fieldOf({ ...base, amount: 1.5 })).toBe("振込金額");
    expect(fieldOf({ ...base, accountNumber: "12345678" })).toBe("口座番号");
    expect(fieldOf({ ...base, ediInfo: "X", customerCode1: "1" })).toBe("EDI情報");
    expect(() => writeZenginTransferFile({ ...header, requesterCode: "12345678901" }, [base])).toThrow(
      ZenginFileError,
    );
  });

  it("turns a validated creditor account into a record", () => {
    const record = transferRecordFromAccount(
      {
        bankCode: "0001",
        branchCode: "001",
        accountType: "1",
        accountNumber: "0000123",
        holderName: "ｶ)ﾈﾘﾏ",
        bankKana: "ﾐｽﾞﾎ",
      },
      12_000,
      { customerCode1: "7" },
    );
    expect(record).toEqual({
      bankCode: "0001",
      bankName: "ﾐｽﾞﾎ",
      branchCode: "001",
      accountType: "1",
      accountNumber: "0000123",
      holderName: "ｶ)ﾈﾘﾏ",
      amount: 12_000,
      customerCode1: "7",
    });
  });
});

describe("parseZenginTransferFile", () => {
  it("reads back what the writer wrote, byte for byte, with and without CR+LF", () => {
    for (const lineEnding of ["crlf", "none"] as const) {
      const bytes = writeZenginTransferFile(header, records, { lineEnding });
      const parsed = parseZenginTransferFile(bytes, { year: 2025 });
      expect(parsed.lineEnding).toBe(lineEnding);
      expect(parsed.totalCount).toBe(3);
      expect(parsed.totalAmount).toBe(123_456 + 5_000 + 9_999_999_999);
      expect(parsed.header.transferDate).toBe("2025-07-25");
      expect(parsed.records[1]).toMatchObject({ customerCode1: "0000000042", transferCategory: "7" });
      expect(parsed.records[2]).toMatchObject({ ediInfo: "INV-2025-0001", newCode: "1" });
      const again = writeZenginTransferFile(
        { ...parsed.header, transferDate: parsed.header.transferDate as string },
        parsed.records,
        { lineEnding },
      );
      expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
    }
  });

  it("round-trips any valid file (property)", () => {
    const kana = fc
      .string({ unit: fc.constantFrom(..."ｱｲｳｶﾞﾊﾟﾝ ()-.ABZ019"), minLength: 1, maxLength: 30 })
      .filter((s) => s.trim() === s && s !== "");
    const record = fc.record({
      bankCode: fc.stringMatching(/^\d{4}$/),
      branchCode: fc.stringMatching(/^\d{3}$/),
      accountType: fc.constantFrom("1", "2", "4", "9" as const),
      accountNumber: fc.stringMatching(/^\d{7}$/),
      holderName: kana,
      amount: fc.integer({ min: 1, max: 9_999_999_999 }),
    });
    fc.assert(
      fc.property(
        fc.array(record, { maxLength: 20 }),
        fc.constantFrom("crlf", "none" as const),
        (input, lineEnding) => {
          const bytes = writeZenginTransferFile(header, input, { lineEnding });
          const parsed = parseZenginTransferFile(bytes, { year: 2025 });
          expect(parsed.totalCount).toBe(input.length);
          expect(parsed.totalAmount).toBe(input.reduce((sum, r) => sum + r.amount, 0));
          const again = writeZenginTransferFile(header, parsed.records, { lineEnding });
          expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
        },
      ),
      { numRuns: 50 },
    );
  });

  it("leaves the year out when none is given", () => {
    const parsed = parseZenginTransferFile(writeZenginTransferFile(header, records));
    expect(parsed.header.transferMonthDay).toBe("0725");
    expect(parsed.header.transferDate).toBeUndefined();
  });

  const fails = (bytes: Uint8Array): ZenginFileError => {
    try {
      parseZenginTransferFile(bytes);
    } catch (e) {
      if (e instanceof ZenginFileError) return e;
      throw e;
    }
    throw new Error("expected a ZenginFileError");
  };
  const good = writeZenginTransferFile(header, records);
  const goodFlat = writeZenginTransferFile(header, records, { lineEnding: "none" });

  it("reports a file truncated inside a record with its record number", () => {
    const e = fails(good.subarray(0, 122 * 2 + 50));
    expect(e.code).toBe("ZENGIN_TRUNCATED");
    expect(e.recordNumber).toBe(3);
    const flat = fails(goodFlat.subarray(0, 120 * 4 + 7));
    expect(flat).toMatchObject({ code: "ZENGIN_TRUNCATED", recordNumber: 5 });
  });

  it("reports a file cut before the trailer or end record", () => {
    expect(fails(good.subarray(0, 122 * 4))).toMatchObject({
      code: "ZENGIN_TRUNCATED",
      recordNumber: 5,
      field: "データ区分",
    });
    expect(fails(good.subarray(0, 122 * 5))).toMatchObject({ code: "ZENGIN_TRUNCATED", recordNumber: 6 });
    expect(fails(new Uint8Array())).toMatchObject({ code: "ZENGIN_TRUNCATED" });
  });

  it("reports a record of the wrong length", () => {
    const text = sjis(good).split("\r\n");
    text[2] = `${text[2]}X`;
    const e = fails(new Uint8Array(iconv.encode(text.join("\r\n"), "Shift_JIS")));
    expect(e).toMatchObject({ code: "ZENGIN_RECORD_LENGTH", recordNumber: 3 });
    expect(e.messageJa).toContain("121バイト");
  });

  it("refuses LF-only line endings", () => {
    const text = sjis(good).replaceAll("\r\n", "\n");
    expect(fails(new Uint8Array(iconv.encode(text, "Shift_JIS"))).code).toBe("ZENGIN_RECORD_LENGTH");
  });

  it("reports a trailer whose count does not match", () => {
    const text = sjis(good).split("\r\n");
    text[4] = `8000002${(text[4] as string).slice(7)}`;
    const e = fails(new Uint8Array(iconv.encode(text.join("\r\n"), "Shift_JIS")));
    expect(e).toMatchObject({ code: "ZENGIN_TRAILER_MISMATCH", recordNumber: 5, field: "合計件数" });
  });

  it("reports a trailer whose amount does not match", () => {
    const text = sjis(good).split("\r\n");
    const t = text[4] as string;
    text[4] = `${t.slice(0, 7)}${"1".padStart(12, "0")}${t.slice(19)}`;
    const e = fails(new Uint8Array(iconv.encode(text.join("\r\n"), "Shift_JIS")));
    expect(e).toMatchObject({ code: "ZENGIN_TRAILER_MISMATCH", recordNumber: 5, field: "合計金額" });
    expect(e.messageJa).toContain("レコード5の「合計金額」");
  });

  it("names the field of a non-numeric amount and of full-width text", () => {
    const text = sjis(good).split("\r\n");
    const d = text[1] as string;
    text[1] = `${d.slice(0, 80)}00000ABCDE${d.slice(90)}`;
    expect(fails(new Uint8Array(iconv.encode(text.join("\r\n"), "Shift_JIS")))).toMatchObject({
      code: "ZENGIN_INVALID_FIELD",
      recordNumber: 2,
      field: "振込金額",
    });
    const wide = sjis(good).split("\r\n");
    const w = wide[1] as string;
    // Two full-width characters (4 bytes) replace four half-width ones.
    wide[1] = `${w.slice(0, 50)}ヤマ${w.slice(54)}`;
    expect(fails(new Uint8Array(iconv.encode(wide.join("\r\n"), "Shift_JIS")))).toMatchObject({
      code: "ZENGIN_ENCODING",
      recordNumber: 2,
      field: "受取人名",
    });
  });

  it("refuses records out of order, a wrong kind code and records after the end", () => {
    const text = sjis(good).split("\r\n");
    const swapped = [text[1], text[0], ...text.slice(2)];
    expect(fails(new Uint8Array(iconv.encode(swapped.join("\r\n"), "Shift_JIS")))).toMatchObject({
      code: "ZENGIN_RECORD_ORDER",
      recordNumber: 1,
    });
    const kind = [...text];
    kind[0] = `111${(text[0] as string).slice(3)}`;
    expect(fails(new Uint8Array(iconv.encode(kind.join("\r\n"), "Shift_JIS")))).toMatchObject({
      field: "種別コード",
    });
    const extra = [...text.slice(0, 6), text[1], ""];
    expect(fails(new Uint8Array(iconv.encode(extra.join("\r\n"), "Shift_JIS")))).toMatchObject({
      code: "ZENGIN_RECORD_ORDER",
      recordNumber: 7,
    });
    const noTrailer = [text[0], text[1], text[5], ""];
    expect(fails(new Uint8Array(iconv.encode(noTrailer.join("\r\n"), "Shift_JIS")))).toMatchObject({
      code: "ZENGIN_RECORD_ORDER",
      recordNumber: 3,
    });
  });

  it("refuses an impossible transfer date", () => {
    const text = sjis(good).split("\r\n");
    const h = text[0] as string;
    text[0] = `${h.slice(0, 54)}1332${h.slice(58)}`;
    expect(fails(new Uint8Array(iconv.encode(text.join("\r\n"), "Shift_JIS")))).toMatchObject({
      field: "振込指定日",
    });
  });

  it("tolerates a DOS end-of-file mark", () => {
    const withEof = new Uint8Array([...good, 0x1a]);
    expect(parseZenginTransferFile(withEof).totalCount).toBe(3);
  });
});
