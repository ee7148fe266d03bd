import { describe, expect, it } from "vitest";
import { readSeed, SEED_FILES, type SeedId } from "./index.js";

describe("readSeed", () => {
  it.each(Object.keys(SEED_FILES) as SeedId[])("reads seed %s as UTF-8 Japanese text", (id) => {
    const text = readSeed(id);
    expect(text.length).toBeGreaterThan(5_000);
    expect(text).toMatch(/仕様書|特記事項/);
  });

  it("keeps Nerima's clauses in seed 002", () => {
    expect(readSeed("002")).toContain("情報の保護および管理に関する特記事項");
  });
});
