import { nerimaTreasury2025 } from "@ward/contract-model";
import { describe, expect, it } from "vitest";
import { WORK_ITEMS, workItemTitle, workRecordSchema } from "./work-record.js";

describe("work records", () => {
  it("offers exactly the contract's work items", () => {
    expect(WORK_ITEMS.map((w) => w.id)).toEqual(nerimaTreasury2025.workItems.map((w) => w.id));
    expect(workItemTitle("payment-slips")).toBe("払込票の集計業務");
    expect(workItemTitle("unknown")).toBe("unknown");
  });

  it("coerces a typed count and refuses a blank or fractional one", () => {
    const ok = workRecordSchema.parse({
      date: "2025-07-10",
      workItemId: "counter",
      count: "4",
      staff: " 山田 ",
    });
    expect(ok).toEqual({ date: "2025-07-10", workItemId: "counter", count: 4, staff: "山田", note: "" });
    for (const count of ["", "1.5", "-2"]) {
      expect(
        workRecordSchema.safeParse({ date: "2025-07-10", workItemId: "counter", count, staff: "山田" })
          .success,
      ).toBe(false);
    }
    expect(
      workRecordSchema.safeParse({ date: "2025-02-30", workItemId: "counter", count: 1, staff: "山田" })
        .success,
    ).toBe(false);
  });
});
