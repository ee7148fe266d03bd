import { describe, expect, it } from "vitest";

describe("test run host zone", () => {
  it("runs under the zone its project names, so the zone-independence tests mean something", () => {
    const expected = process.env.WARD_EXPECTED_TZ;
    expect(expected).toBeDefined();
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(expected);
  });
});
