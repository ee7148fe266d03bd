import { describe, expect, it } from "vitest";
import { failedTransferUpdateProblem, parseFailedTransfersCsv } from "./failed-transfer.js";

describe("failedTransferUpdateProblem", () => {
  it("allows 未連絡 → 照会中 and 回答済 with a reply, and keeps an earlier reply", () => {
    expect(failedTransferUpdateProblem({ status: "uncontacted" }, { status: "inquiring" })).toBeUndefined();
    expect(
      failedTransferUpdateProblem({ status: "inquiring" }, { status: "replied", replyKind: "resend" }),
    ).toBeUndefined();
    expect(
      failedTransferUpdateProblem({ status: "replied", replyKind: "refund" }, { status: "completed" }),
    ).toBeUndefined();
  });

  it("refuses 回答済/完了 without a reply and any change of a 完了 case", () => {
    expect(failedTransferUpdateProblem({ status: "inquiring" }, { status: "completed" })).toContain(
      "担当課の回答",
    );
    expect(
      failedTransferUpdateProblem({ status: "completed", replyKind: "change" }, { status: "inquiring" }),
    ).toBe("完了した記録は変更できません");
  });
});

describe("parseFailedTransfersCsv", () => {
  it("fills an empty reason text from the code and refuses an unknown code listing the codes in order", () => {
    const head = "通知日,支払先,金額,不能事由コード,不能事由,所属コード\n";
    const ok = parseFailedTransfersCsv(
      new TextEncoder().encode(`${head}2025-07-10,練馬商事,12000,03,,110100\n`),
    );
    expect(ok.ok && ok.rows[0]?.reasonText).toBe("口座解約済");
    const bad = parseFailedTransfersCsv(
      new TextEncoder().encode(`${head}2025-07-10,練馬商事,12000,7,,110100\n`),
    );
    expect(!bad.ok && bad.errors[0]?.message).toBe(
      "不能事由コードは「01」「02」「03」「04」「05」「06」「99」のいずれかです",
    );
  });
});
