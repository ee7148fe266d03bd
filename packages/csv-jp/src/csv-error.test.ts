import { describe, expect, expectTypeOf, it } from "vitest";
import { CsvError } from "./csv-error.js";
import { encodeCsv } from "./encode-csv.js";

// @ward/calendar-jp's WardErrorShape, repeated structurally: this package does not depend on calendar-jp.
interface WardErrorShape {
  readonly name: string;
  readonly code: string;
  readonly message: string;
  readonly messageJa: string;
  readonly details: Readonly<Record<string, unknown>>;
}

describe("CsvError", () => {
  it("has the shape every @ward error has, details included", () => {
    expectTypeOf<CsvError>().toMatchTypeOf<WardErrorShape>();
    try {
      encodeCsv("①②🍣", { encoding: "shift_jis" });
      expect.unreachable();
    } catch (error) {
      const e = error as CsvError;
      expect(e.code).toBe("UNENCODABLE_CHARACTER");
      expect(e.details).toEqual({ character: "🍣", position: e.position });
      expect(e.messageJa).toContain("Shift_JIS");
    }
    expect(new CsvError("INVALID_OPTION", { en: "x", ja: "エックス" }).details).toEqual({});
  });
});
