import { describe, expect, it } from "vitest";
import { maskAccountNumber } from "./mask-account-number.js";

describe("maskAccountNumber", () => {
  it("keeps the last four digits of a 7-digit number and masks the rest in full width", () => {
    expect(maskAccountNumber("1234567")).toBe("＊＊＊4567");
  });

  it("shows four digits or fewer whole", () => {
    expect(maskAccountNumber("4567")).toBe("4567");
    expect(maskAccountNumber("89")).toBe("89");
  });
});
