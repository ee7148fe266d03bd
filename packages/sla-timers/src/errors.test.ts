import type { FieldIssue, WardErrorShape } from "@ward/calendar-jp";
import { describe, expect, expectTypeOf, it } from "vitest";
import { SlaTimersError } from "./errors.js";

describe("SlaTimersError", () => {
  it("has the one error shape of the @ward packages: code, message, messageJa, details", () => {
    expectTypeOf<SlaTimersError>().toMatchTypeOf<WardErrorShape>();
    const error = new SlaTimersError("NO_OPEN_DAY", "none");
    expect(error.code).toBe("NO_OPEN_DAY");
    expect(error.messageJa).toBe("期限を置ける開庁日がありません");
    expect(error.details).toEqual({});
    const explained = new SlaTimersError("NO_OPEN_DAY", "none", {
      messageJa: "説明",
      details: { field: "x" },
    });
    expect([explained.messageJa, explained.details]).toEqual(["説明", { field: "x" }]);
    expectTypeOf<FieldIssue>().toHaveProperty("messageJa");
  });
});
