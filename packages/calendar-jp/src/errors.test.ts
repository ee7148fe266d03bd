import { describe, expect, expectTypeOf, it } from "vitest";
import { CalendarError } from "./errors.js";
import type { FieldIssue, WardErrorShape } from "./ward-error.js";

describe("CalendarError", () => {
  it("has the one error shape of the @ward packages: code, message, messageJa, details", () => {
    expectTypeOf<CalendarError>().toMatchTypeOf<WardErrorShape>();
    const error = new CalendarError("OUT_OF_RANGE", "year 2200");
    expect(error.code).toBe("OUT_OF_RANGE");
    expect(error.messageJa).toBe("対応している範囲外の日付です");
    expect(error.details).toEqual({});
    const explained = new CalendarError("OUT_OF_RANGE", "year 2200", {
      messageJa: "説明",
      details: { field: "x" },
    });
    expect([explained.messageJa, explained.details]).toEqual(["説明", { field: "x" }]);
    expectTypeOf<FieldIssue>().toHaveProperty("messageJa");
  });
});
