import type { FieldIssue, WardErrorShape } from "@ward/calendar-jp";
import { describe, expect, expectTypeOf, it } from "vitest";
import { SecurityClausesError } from "./errors.js";

describe("SecurityClausesError", () => {
  it("has the one error shape of the @ward packages: code, message, messageJa, details", () => {
    expectTypeOf<SecurityClausesError>().toMatchTypeOf<WardErrorShape>();
    const error = new SecurityClausesError("NOT_A_DAY_RULE", "no days");
    expect(error.code).toBe("NOT_A_DAY_RULE");
    expect(error.messageJa).toBe("日数で定まる期限ではありません");
    expect(error.details).toEqual({});
    const explained = new SecurityClausesError("NOT_A_DAY_RULE", "no days", {
      messageJa: "説明",
      details: { field: "x" },
    });
    expect([explained.messageJa, explained.details]).toEqual(["説明", { field: "x" }]);
    expectTypeOf<FieldIssue>().toHaveProperty("messageJa");
  });
});
