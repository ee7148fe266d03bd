import { describe, expect, it } from "vitest";
import { noticeImportPage } from "./notice-import.js";

describe("noticeImportPage", () => {
  it("reports an import with ledger-formatted yen and keeps the form", () => {
    const page = noticeImportPage({
      csrfToken: "tok",
      outcome: {
        kind: "imported",
        rowCount: 3,
        freshCount: 2,
        reimportCount: 1,
        totalYen: 1234567,
        batchId: 7,
      },
    });
    expect(page.status).toBe(200);
    expect(String(page.body)).toContain("新規分 1,234,567円、取込番号 7");
    expect(String(page.body)).toContain('value="tok"');
  });

  it("answers 422 with every error's line and column, and 409 while another import runs", () => {
    const rejected = noticeImportPage({
      csrfToken: undefined,
      outcome: {
        kind: "rejected",
        truncated: true,
        errors: [{ line: 3, column: "金額", value: "1,2x", message: "金額が数値ではありません" }],
      },
    });
    expect(rejected.status).toBe(422);
    expect(String(rejected.body)).toContain("誤り 1件以上");
    expect(String(rejected.body)).toContain("<td>3</td><td>金額</td><td>1,2x</td>");
    expect(
      noticeImportPage({ csrfToken: undefined, outcome: { kind: "busy", messageJa: "取込中" } }).status,
    ).toBe(409);
  });
});
