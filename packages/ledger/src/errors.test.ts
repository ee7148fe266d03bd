import { describe, expect, expectTypeOf, it } from "vitest";
import { LedgerError } from "./errors.js";
import { parseAmount } from "./parse-amount.js";

// @ward/calendar-jp's WardErrorShape, repeated structurally: this package does not depend on calendar-jp.
interface WardErrorShape {
  readonly name: string;
  readonly code: string;
  readonly message: string;
  readonly messageJa: string;
  readonly details: Readonly<Record<string, unknown>>;
}

describe("LedgerError", () => {
  it("has the shape every @ward error has", () => {
    expectTypeOf<LedgerError>().toMatchTypeOf<WardErrorShape>();
    const error = new LedgerError("OVERFLOW", "too big");
    expect([error.name, error.code, error.message]).toEqual([
      "LedgerError",
      "OVERFLOW",
      "@ward/ledger: too big",
    ]);
    expect(error.messageJa).toBe("金額が大きすぎます");
    expect(error.details).toEqual({});
  });

  it("keeps the parser's own Japanese message", () => {
    try {
      parseAmount("12.5");
      expect.unreachable();
    } catch (error) {
      expect((error as LedgerError).code).toBe("PARSE_FRACTION");
      expect((error as LedgerError).messageJa.length).toBeGreaterThan(0);
    }
  });
});
