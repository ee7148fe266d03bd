import { describe, expect, it } from "vitest";
import { isTarget, renderDocumentSections, sectionAnchor, viewTargetFromQuery } from "./document-view.js";

describe("viewer targets", () => {
  it("reads the citation link's query and ignores malformed values", () => {
    expect(viewTargetFromQuery({ sheet: "名簿", rows: "2-9" })).toEqual({ sheet: "名簿", rows: [2, 9] });
    expect(viewTargetFromQuery({ slide: "0", rows: "x-1" })).toEqual({});
    expect(viewTargetFromQuery({ slide: "3", section: "第1章 > 第2節" })).toEqual({
      slide: 3,
      section: "第1章 > 第2節",
    });
  });

  it("matches slides, overlapping sheet rows, CSV rows and heading paths", () => {
    expect(isTarget({ kind: "slide", slide: 2 }, { slide: 2 })).toBe(true);
    expect(isTarget({ kind: "slide", slide: 3 }, { slide: 2 })).toBe(false);
    expect(
      isTarget({ kind: "sheet", sheet: "名簿", fromRow: 2, toRow: 20 }, { sheet: "名簿", rows: [15, 30] }),
    ).toBe(true);
    expect(
      isTarget({ kind: "sheet", sheet: "名簿", fromRow: 2, toRow: 20 }, { sheet: "別表", rows: [15, 30] }),
    ).toBe(false);
    expect(isTarget({ kind: "rows", fromRow: 5, toRow: 8 }, { rows: [9, 12] })).toBe(false);
    expect(isTarget({ kind: "section", path: ["第1章", "第2節"] }, { section: "第1章 > 第2節" })).toBe(true);
    expect(isTarget({ kind: "page", page: 3 }, { slide: 3 })).toBe(false);
  });

  it("names sections so #page=N and the other links find them", () => {
    expect(sectionAnchor({ kind: "page", page: 3 }, 0)).toBe("page-3");
    expect(sectionAnchor({ kind: "sheet", sheet: "名簿", fromRow: 2, toRow: 9 }, 4)).toBe("sheet-4-rows-2-9");
  });

  it("marks only the first matching section and escapes document text", async () => {
    const out = String(
      await renderDocumentSections(
        [
          { locator: { kind: "rows", fromRow: 2, toRow: 5 }, text: "<script>alert(1)</script>" },
          { locator: { kind: "rows", fromRow: 4, toRow: 9 }, text: "二" },
        ],
        { rows: [4, 4] },
      ),
    );
    expect(out.match(/data-target/g)).toHaveLength(1);
    expect(out).toContain("&lt;script&gt;");
    expect(out).not.toContain("<script>alert");
  });
});
