import { describe, expect, it } from "vitest";
import { parseYen } from "./parse-yen.js";

describe("parseYen", () => {
  it("reads plain digits and the forms people type", () => {
    expect(parseYen("12345")).toEqual({ ok: true, value: 12345 });
    expect(parseYen("1,234,567")).toEqual({ ok: true, value: 1234567 });
    expect(parseYen("￥２，０００")).toEqual({ ok: true, value: 2000 });
    expect(parseYen("△100")).toEqual({ ok: true, value: -100 });
  });

  it("refuses non-numeric text, fractions and bad grouping with a Japanese reason", () => {
    for (const input of ["12a4", "12.5", "1,23,4", "", "99999999999999999999"]) {
      const result = parseYen(input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toMatch(/[ぁ-んァ-ヶ一-龠]/u);
    }
  });
});
