import { encodeCsv } from "@ward/csv-jp";
import { describe, expect, it } from "vitest";
import { readAccountCsv, readAccountCsvText } from "./account-csv.js";

describe("readAccountCsv", () => {
  it("reads Shift_JIS with columns in any order, role labels, groups and 2027/4/1 dates", () => {
    const text =
      "発令日,区分,所属コード,ログインID,氏名,権限,グループ\r\n2027/4/1,異動,hoiku,sato,佐藤 花子,,収納係；窓口\r\n,,kaikei,suzuki,鈴木 一郎,閲覧のみ,\r\n";
    const { rows, issues } = readAccountCsv(encodeCsv(text, { encoding: "shift_jis" }));
    expect(issues).toEqual([]);
    expect(
      rows.map((r) => [r.line, r.action, r.loginId, r.role, r.departmentCode, r.groups, r.effectiveDate]),
    ).toEqual([
      [2, "move", "sato", undefined, "hoiku", ["収納係", "窓口"], "2027-04-01"],
      [3, "create", "suzuki", "read_only", "kaikei", [], ""],
    ]);
  });

  it("names missing and unknown columns, unknown 区分 and broken quoting by line", () => {
    expect(readAccountCsvText("ログインID,氏名,部署\n").issues.map((i) => i.message)).toEqual([
      "列「部署」は使えません。使える列: 区分、ログインID、氏名、権限、所属コード、グループ、発令日",
      "必須の列「権限」がありません。",
      "必須の列「所属コード」がありません。",
    ]);
    const { issues } = readAccountCsvText(
      '区分,ログインID,氏名,権限,所属コード\n転勤,sato,佐藤,職員,a\nx,"y,z\n',
    );
    expect(issues[0]).toMatchObject({ line: 3, column: "" });
    expect(issues[1]).toEqual({
      line: 2,
      column: "区分",
      message: "区分「転勤」は使えません。新規・異動・退職のいずれかにしてください。",
    });
  });

  it("refuses bytes that are no text and more rows than the limit", () => {
    expect(readAccountCsv(new Uint8Array([0x61, 0x00, 0x62])).issues[0]?.line).toBe(1);
    const many = `ログインID,氏名,権限,所属コード\n${"a,b,職員,c\n".repeat(5001)}`;
    expect(readAccountCsvText(many).issues[0]?.message).toBe(
      "一度に登録できるのは5000行までです（5001行あります）。",
    );
  });
});
