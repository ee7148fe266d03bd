import type { FieldIssue, WardErrorShape } from "@ward/calendar-jp";
import { describe, expect, expectTypeOf, it } from "vitest";
import { ContractModelError } from "./errors.js";

describe("ContractModelError", () => {
  it("has the one error shape of the @ward packages: code, message, messageJa, details", () => {
    expectTypeOf<ContractModelError>().toMatchTypeOf<WardErrorShape>();
    const error = new ContractModelError("UNKNOWN_CONTRACT", "nope");
    expect(error.code).toBe("UNKNOWN_CONTRACT");
    expect(error.messageJa).toBe("該当する契約がありません");
    expect(error.details).toEqual({});
    const explained = new ContractModelError("UNKNOWN_CONTRACT", "nope", {
      messageJa: "説明",
      details: { field: "x" },
    });
    expect([explained.messageJa, explained.details]).toEqual(["説明", { field: "x" }]);
    expectTypeOf<FieldIssue>().toHaveProperty("messageJa");
  });
});
