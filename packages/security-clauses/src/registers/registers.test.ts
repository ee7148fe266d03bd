import { formatCsvCell as csvCell } from "@ward/csv-jp";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseRegister, registerToCsv, safeParseRegister } from "./register.js";
import {
  copyApprovals,
  mediaMailingLog,
  mediaTakeOutLedger,
  staffRoster,
  trainingRecords,
} from "./registers.js";

const takeOut = {
  mediaId: "USB-01",
  storedInformation: "=SUM(A1) 納付データ",
  takenOutAt: "2026-04-01T09:00:00+09:00",
  takenOutBy: "練馬 太郎",
  approvedBy: "管理 花子",
  purpose: "金融機関へ持参",
  destination: "区役所本庁舎",
  returnedAt: "2026-04-01T15:00:00+09:00",
  returnCheckedBy: "管理 花子",
};

describe("registers", () => {
  it("exports the §18(2) ledger with a Japanese header, CRLF and formula-safe cells", () => {
    const csv = registerToCsv(mediaTakeOutLedger, [takeOut]);
    const [header, row] = csv.split("\r\n");
    expect(header).toBe("媒体番号,格納情報,持出し日時,持ち出した者,承認者,用途,持出し先,返却日時,返却確認者");
    expect(row?.split(",")[1]).toBe("'=SUM(A1) 納付データ");
    expect(csv.endsWith("\r\n")).toBe(true);
  });

  it("refuses a return before the take-out and a return without its checker", () => {
    const early = safeParseRegister(mediaTakeOutLedger, [
      { ...takeOut, returnedAt: "2026-04-01T08:00:00+09:00" },
    ]);
    expect(early.success).toBe(false);
    if (!early.success) expect(early.error.message).toContain("0.returnedAt");
    const { returnCheckedBy: _c, ...unchecked } = takeOut;
    expect(safeParseRegister(mediaTakeOutLedger, [unchecked]).success).toBe(false);
  });

  it("enforces §17(2)–(3) on the mailing log", () => {
    const entry = {
      mediaId: "CD-1",
      storedInformation: "口座データ",
      sentAt: "2026-04-02T10:00:00+09:00",
      sentBy: "甲野",
      recipient: "練馬区会計管理室",
      encrypted: true,
      containsImportantInformation: true,
      method: "特定記録郵便",
    };
    expect(parseRegister(mediaMailingLog, [entry])).toHaveLength(1);
    expect(safeParseRegister(mediaMailingLog, [{ ...entry, method: "普通郵便" }]).success).toBe(false);
    expect(safeParseRegister(mediaMailingLog, [{ ...entry, encrypted: false }]).success).toBe(false);
  });

  it("requires Meguro §10 approval before copying", () => {
    const entry = {
      information: "在園児名簿",
      operation: "複写",
      reason: "審査用",
      notifiedAt: "2026-05-01T09:00:00+09:00",
      approvedAt: "2026-05-01T10:00:00+09:00",
      approvedBy: "保育課長",
      copiedAt: "2026-05-01T09:30:00+09:00",
    };
    expect(safeParseRegister(copyApprovals, [entry]).success).toBe(false);
    expect(
      safeParseRegister(copyApprovals, [{ ...entry, copiedAt: "2026-05-01T11:00:00+09:00" }]).success,
    ).toBe(true);
  });

  it("validates the §7 roster period and joins training attendees", () => {
    const person = {
      name: "練馬 太郎",
      affiliation: "A社",
      role: "従事者",
      startDate: "2026-04-01",
      plannedEndDate: "2026-03-31",
    };
    expect(safeParseRegister(staffRoster, [person]).success).toBe(false);
    const csv = registerToCsv(trainingRecords, [
      { date: "2026-04-03", title: "特記事項", content: "周知, 教育", trainer: "甲", attendees: ["A", "B"] },
    ]);
    expect(csv).toContain('"周知, 教育",甲,2,A、B');
  });
});

describe("csvCell", () => {
  it("quotes per RFC 4180 and neutralises formulas", () => {
    expect(csvCell('a"b')).toBe('"a""b"');
    expect(csvCell("-1")).toBe("'-1");
    expect(csvCell("@x")).toBe("'@x");
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("a\r\nb")).toBe('"a\r\nb"');
  });

  it("round-trips any text through a minimal RFC 4180 reader (formula prefix aside)", () => {
    const read = (cell: string) => (cell.startsWith('"') ? cell.slice(1, -1).replaceAll('""', '"') : cell);
    fc.assert(
      fc.property(fc.string(), (s) => {
        const back = read(csvCell(s));
        expect(back).toBe(/^[=+\-@]/.test(s) ? `'${s}` : s);
      }),
    );
  });
});
