import { createCalendar } from "@ward/calendar-jp";
import fc from "fast-check";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import {
  type AccountTransferHeader,
  type AccountTransferRecord,
  writeAccountTransferFile,
} from "./account-transfer-file.js";
import { accountTransferResultName, isAccountTransferResultCode } from "./account-transfer-result.js";
import { ZenginError, ZenginFileError } from "./errors.js";
import { parseAccountTransferFile } from "./parse-account-transfer-file.js";

const header: AccountTransferHeader = {
  requesterCode: "1234567890",
  requesterName: "ﾈﾘﾏｸ ﾎｲｸｶ",
  debitDate: "2025-07-28",
  bankCode: "0001",
  bankName: "ﾐｽﾞﾎ",
  branchCode: "001",
  branchName: "ﾄｳｷﾖｳ",
  accountType: "1",
  accountNumber: "1234567",
};

const records: AccountTransferRecord[] = [
  {
    bankCode: "0005",
    branchCode: "001",
    accountType: "1",
    accountNumber: "7654321",
    holderName: "ﾈﾘﾏ ﾀﾛｳ",
    amount: 8_200,
    customerNumber: "100234",
    resultCode: "0",
  },
  {
    bankCode: "9900",
    branchCode: "018",
    accountType: "1",
    accountNumber: "1234567",
    holderName: "ﾈﾘﾏ ﾊﾅｺ",
    amount: 15_000,
    newCode: "1",
    resultCode: "1",
  },
];

const text = (bytes: Uint8Array): string[] => iconv.decode(Buffer.from(bytes), "Shift_JIS").split("\r\n");

const fails = (bytes: Uint8Array): ZenginFileError => {
  try {
    parseAccountTransferFile(bytes);
  } catch (e) {
    if (e instanceof ZenginFileError) return e;
    throw e;
  }
  throw new Error("expected a ZenginFileError");
};

describe("writeAccountTransferFile", () => {
  it("writes a request in the 種別91 layout: 120-byte records, result codes 0, zero result totals", () => {
    const lines = text(writeAccountTransferFile(header, records));
    expect(lines).toHaveLength(6); // 5 records and the empty string after the last CR+LF
    for (const line of lines.slice(0, 5)) expect(line).toHaveLength(120);
    const [h, d1, d2, t, e] = lines as [string, string, string, string, string];
    expect(h.slice(0, 4)).toBe("1910");
    expect(h.slice(4, 14)).toBe("1234567890");
    expect(h.slice(54, 58)).toBe("0728");
    expect(d1.slice(0, 5)).toBe("20005");
    expect(d1.slice(42, 43)).toBe("1"); // 預金種目 after ダミー C4
    expect(d1.slice(43, 50)).toBe("7654321");
    expect(d1.slice(50, 80)).toBe("ﾈﾘﾏ ﾀﾛｳ".padEnd(30, " "));
    expect(d1.slice(80, 90)).toBe("0000008200");
    expect(d1.slice(91, 111)).toBe("00000000000000100234");
    expect(d1.slice(111, 112)).toBe("0");
    expect(d2.slice(90, 91)).toBe("1"); // 新規コード
    expect(d2.slice(111, 112)).toBe("0"); // a request carries no result even when the input has one
    expect(t).toBe(`8000002000000023200${"0".repeat(36)}${" ".repeat(65)}`);
    expect(e).toBe(`9${" ".repeat(119)}`);
  });

  it("writes a result file with each code and the transferred and failed totals", () => {
    const [, , , t] = text(writeAccountTransferFile(header, records, { kind: "result" }));
    expect(t?.slice(19, 55)).toBe("000001000000008200000001000000015000");
  });

  it("refuses a result file without result codes, naming the record", () => {
    const { resultCode: _, ...withoutCode } = records[0] as AccountTransferRecord;
    expect(() => writeAccountTransferFile(header, [withoutCode], { kind: "result" })).toThrowError(
      expect.objectContaining({ code: "ZENGIN_INVALID_FIELD", recordNumber: 2, field: "振替結果コード" }),
    );
  });

  it("refuses a debit date on a bank holiday", () => {
    try {
      writeAccountTransferFile({ ...header, debitDate: "2025-12-31" }, records);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ZenginError);
      expect((e as ZenginError).code).toBe("NOT_A_BANK_DAY");
      expect((e as ZenginError).messageJa).toContain("引落日2025-12-31");
    }
    // 12/30 is a bank day although the ward is closed; a bank's own closure is honoured.
    expect(() => writeAccountTransferFile({ ...header, debitDate: "2025-12-30" }, records)).not.toThrow();
    const calendar = createCalendar({
      id: "test-bank",
      closures: [{ date: "2025-07-28", name: "システム停止" }],
    });
    expect(() => writeAccountTransferFile(header, records, { calendar })).toThrow(
      /システム停止|bank holiday/,
    );
  });

  it("names the record and field of an invalid value", () => {
    const bad = [
      records[0] as AccountTransferRecord,
      { ...(records[1] as AccountTransferRecord), holderName: "練馬" },
    ];
    expect(() => writeAccountTransferFile(header, bad)).toThrowError(
      expect.objectContaining({ recordNumber: 3, field: "預金者名" }),
    );
    expect(() =>
      writeAccountTransferFile(header, [{ ...(records[0] as AccountTransferRecord), amount: 0 }]),
    ).toThrowError(expect.objectContaining({ recordNumber: 2, field: "引落金額" }));
    expect(() => writeAccountTransferFile({ ...header, debitDate: "2025-7-28" }, records)).toThrowError(
      expect.objectContaining({ recordNumber: 1, field: "引落日" }),
    );
  });
});

describe("parseAccountTransferFile", () => {
  it("reads a request back as a request", () => {
    const parsed = parseAccountTransferFile(writeAccountTransferFile(header, records), { year: 2025 });
    expect(parsed.kind).toBe("request");
    expect(parsed.header.debitDate).toBe("2025-07-28");
    expect(parsed.totalCount).toBe(2);
    expect(parsed.totalAmount).toBe(23_200);
    expect(parsed.records.map((r) => r.resultCode)).toEqual(["0", "0"]);
    expect(parsed.records[0]?.customerNumber).toBe("00000000000000100234");
  });

  it("reads a bank's result file with its failures", () => {
    const parsed = parseAccountTransferFile(writeAccountTransferFile(header, records, { kind: "result" }));
    expect(parsed.kind).toBe("result");
    expect([
      parsed.transferredCount,
      parsed.transferredAmount,
      parsed.failedCount,
      parsed.failedAmount,
    ]).toEqual([1, 8_200, 1, 15_000]);
    const failed = parsed.records.filter((r) => r.resultCode !== "0");
    expect(failed.map((r) => accountTransferResultName(r.resultCode))).toEqual(["資金不足"]);
  });

  it("round-trips any valid request or result byte for byte (property)", () => {
    const kana = fc
      .string({ unit: fc.constantFrom(..."ｱｲｳｶﾞﾊﾟﾝ ()-.ABZ019"), minLength: 1, maxLength: 30 })
      .filter((s) => s.trim() === s && s !== "");
    const record = fc.record({
      bankCode: fc.stringMatching(/^\d{4}$/),
      branchCode: fc.stringMatching(/^\d{3}$/),
      accountType: fc.constantFrom("1", "2", "3", "9" as const),
      accountNumber: fc.stringMatching(/^\d{7}$/),
      holderName: kana,
      amount: fc.integer({ min: 1, max: 9_999_999_999 }),
      newCode: fc.constantFrom("0", "1", "2" as const),
      customerNumber: fc.stringMatching(/^[1-9]\d{0,19}$/),
      resultCode: fc.constantFrom("0", "1", "2", "3", "4", "8", "9" as const),
    });
    fc.assert(
      fc.property(
        fc.array(record, { maxLength: 20 }),
        fc.constantFrom("request", "result" as const),
        fc.constantFrom("crlf", "none" as const),
        (input, kind, lineEnding) => {
          const bytes = writeAccountTransferFile(header, input, { kind, lineEnding });
          const parsed = parseAccountTransferFile(bytes);
          expect(parsed.totalCount).toBe(input.length);
          expect(parsed.lineEnding).toBe(lineEnding);
          const again = writeAccountTransferFile(header, parsed.records, { kind, lineEnding });
          expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
        },
      ),
      { numRuns: 100 },
    );
  });

  it("reports a trailer whose failed total disagrees with the result codes", () => {
    const bytes = Buffer.from(writeAccountTransferFile(header, records, { kind: "result" }));
    const trailerStart = 122 * 3;
    // 振替不能金額 is bytes 44–55 of the trailer.
    bytes.write("000000014999", trailerStart + 43, "latin1");
    const e = fails(bytes);
    expect(e.code).toBe("ZENGIN_TRAILER_MISMATCH");
    expect(e.field).toBe("振替不能金額");
    expect(e.recordNumber).toBe(4);
    expect(e.messageJa).toContain("14,999円");
  });

  it("refuses an undefined result code and a 総合振込 file", () => {
    const bytes = Buffer.from(writeAccountTransferFile(header, records));
    bytes.write("5", 122 + 111, "latin1");
    expect(fails(bytes)).toMatchObject({
      code: "ZENGIN_INVALID_FIELD",
      field: "振替結果コード",
      recordNumber: 2,
    });
    const other = Buffer.from(writeAccountTransferFile(header, records));
    other.write("21", 1, "latin1");
    expect(fails(other)).toMatchObject({ field: "種別コード", recordNumber: 1 });
  });

  it("reports truncation and missing records with the record number", () => {
    const bytes = writeAccountTransferFile(header, records);
    expect(fails(bytes.subarray(0, 122 * 2 + 60))).toMatchObject({
      code: "ZENGIN_TRUNCATED",
      recordNumber: 3,
    });
    expect(fails(bytes.subarray(0, 122 * 3))).toMatchObject({ code: "ZENGIN_TRUNCATED", recordNumber: 4 });
    expect(fails(bytes.subarray(0, 122 * 4))).toMatchObject({ code: "ZENGIN_TRUNCATED", recordNumber: 5 });
    expect(fails(new Uint8Array())).toMatchObject({ code: "ZENGIN_TRUNCATED" });
  });
});

describe("isAccountTransferResultCode", () => {
  it("knows the codes the format defines", () => {
    expect(["0", "1", "2", "3", "4", "8", "9"].every(isAccountTransferResultCode)).toBe(true);
    expect(["5", "6", "7", "E", ""].some(isAccountTransferResultCode)).toBe(false);
  });
});
