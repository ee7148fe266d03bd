import { describe, expect, it } from "vitest";
import { fiscalYearOf } from "./fiscal-year.js";

describe("fiscalYearOf", () => {
  it("puts April 1 in the fiscal year that starts that day", () => {
    expect(fiscalYearOf("2025-04-01")).toBe(2025);
  });
  it("puts March 31 in the fiscal year that started the April before", () => {
    expect(fiscalYearOf("2026-03-31")).toBe(2025);
  });
});
