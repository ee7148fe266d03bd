import { readSeed } from "@ward/seeds";
import { describe, expect, it } from "vitest";
import { meguroCatalogue, nerimaAiServiceCatalogue, nerimaCatalogue, nerimaRisks } from "../catalogues.js";
import type { Catalogue } from "../provision.js";

const NERIMA = readSeed("002");
const NERIMA_000 = readSeed("000");
const NERIMA_001 = readSeed("001");
const MEGURO_ALL = readSeed("003");
const MEGURO = MEGURO_ALL.slice(MEGURO_ALL.indexOf("## 機密情報の取扱いに関する標準特記仕様書"));

/** Drops markdown artefacts and all whitespace so texts compare across PDF line breaks. */
const norm = (s: string) =>
  s
    .replace(/\*\*/g, "")
    .replace(/^\s*#+\s*/gm, "")
    .replace(/^\s*-\s+/gm, "")
    .replace(/\s+/g, "");

/** Article headings at the start of a line: 第N条 / 第N条のM → "N" / "N-M". */
const headings = (text: string) =>
  [...text.matchAll(/^(?:\s*-\s*)?第\s*(\d+)\s*条(?:の(\d+))?\s/gm)].map((m) =>
    m[2] ? `${m[1]}-${m[2]}` : m[1],
  );

describe.each([
  ["nerima (seed 002)", nerimaCatalogue, NERIMA],
  ["meguro (seed 003)", meguroCatalogue, MEGURO],
] as [string, Catalogue, string][])("%s", (_name, catalogue, text) => {
  it("has exactly the article headings of the seed, in order", () => {
    expect(catalogue.articles).toEqual(headings(text));
  });

  it("carries every provision text verbatim (whitespace aside)", () => {
    const haystack = norm(text);
    const missing = catalogue.provisions.filter((p) => !haystack.includes(norm(p.text)));
    expect(missing.map((p) => p.id)).toEqual([]);
  });

  it("has unique ids and a label for each provision", () => {
    const ids = catalogue.provisions.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of catalogue.provisions) expect(p.label).toMatch(/^第\d+条/);
  });

  it("gives every article at least one obligation", () => {
    const without = catalogue.articles.filter(
      (a) => !catalogue.provisions.some((p) => p.article === a && p.obligations.length > 0),
    );
    // Only the purpose and definitions articles of Nerima oblige nobody.
    expect(without).toEqual(catalogue.id === "nerima" ? ["1", "2"] : []);
  });
});

describe("article counts", () => {
  it("Nerima has 29 articles", () => {
    expect(nerimaCatalogue.articles).toHaveLength(29);
    expect(nerimaCatalogue.articles.at(-1)).toBe("29");
  });

  it("Meguro has articles 1–40 plus 4条の2–4条の4 and 24条の2–24条の5", () => {
    const numbered = meguroCatalogue.articles.filter((a) => !a.includes("-"));
    expect(numbered).toEqual(Array.from({ length: 40 }, (_, i) => String(i + 1)));
    expect(meguroCatalogue.articles.filter((a) => a.includes("-"))).toEqual([
      "4-2",
      "4-3",
      "4-4",
      "24-2",
      "24-3",
      "24-4",
      "24-5",
    ]);
  });

  it("the same Nerima articles close seeds 000 and 001", () => {
    for (const text of [NERIMA_000, NERIMA_001]) {
      const clauses = text.slice(text.indexOf("【委託契約等用】"));
      expect(headings(clauses)).toEqual(nerimaCatalogue.articles);
    }
  });

  it("別表 has the 12 risks, each verbatim in the seed", () => {
    expect(nerimaRisks.map((r) => r.number)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    for (const r of nerimaRisks) expect(NERIMA).toContain(r.text);
  });

  it("seed 001's security measures are verbatim, with the 30-day certificate", () => {
    for (const p of nerimaAiServiceCatalogue.provisions) expect(norm(NERIMA_001)).toContain(norm(p.text));
    const due = nerimaAiServiceCatalogue.provisions[3]?.obligations.find((o) => o.evidence)?.due;
    expect(due).toEqual({ kind: "within-days", days: 30, after: "contract-end" });
  });
});

describe("structure", () => {
  it("numbers sub-items and keeps their marks", () => {
    const p = nerimaCatalogue.provisions.find((x) => x.id === "nerima:18:1:4:8");
    expect(p?.marker).toBe("ク");
    expect(p?.label).toBe("第18条第1項第4号ク");
  });

  it("keeps 4条の3's group headings, including the unlabelled CS mark line", () => {
    const p = meguroCatalogue.provisions.find((x) => x.id === "meguro:4-3:1:1:4");
    expect(p?.group).toBe("サービス単位での場合");
    expect(p?.text).toContain("ゴールドマーク又はシルバーマーク");
  });

  it("rejoins sentences broken across PDF lines", () => {
    const p = nerimaCatalogue.provisions.find((x) => x.id === "nerima:15:3:3");
    expect(p?.text).toContain("再々委託の場合における再委託など");
  });

  it("marks the 参考 block of Meguro §4 as a reference without obligations", () => {
    const p = meguroCatalogue.provisions.find((x) => x.id === "meguro:4:ref");
    expect(p?.reference).toBe(true);
    expect(p?.obligations).toEqual([]);
  });
});
