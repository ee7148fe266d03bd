import { describe, expect, it } from "vitest";
import { findReimports } from "./find-reimports.js";

describe("findReimports", () => {
  it("separates notices already imported from new ones, keeping order", () => {
    const notices = [{ noticeNumber: "A1" }, { noticeNumber: "A2" }, { noticeNumber: "A3" }];
    expect(findReimports(notices, new Set(["A3", "A1", "Z9"]))).toEqual({
      fresh: [{ noticeNumber: "A2" }],
      reimports: [{ noticeNumber: "A1" }, { noticeNumber: "A3" }],
    });
  });

  it("treats everything as new when nothing was imported, and nothing as new on a full re-import", () => {
    const notices = [{ noticeNumber: "A1" }, { noticeNumber: "A2" }];
    expect(findReimports(notices, new Set()).fresh).toHaveLength(2);
    const second = findReimports(notices, new Set(notices.map((n) => n.noticeNumber)));
    expect(second.fresh).toEqual([]);
    expect(second.reimports).toHaveLength(2);
  });
});
