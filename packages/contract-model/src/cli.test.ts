import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { main } from "./cli-main.js";

function capture() {
  const out: (string | Uint8Array)[] = [];
  const err: string[] = [];
  return {
    io: {
      stdout: { write: (chunk: string | Uint8Array) => out.push(chunk) },
      stderr: { write: (chunk: string | Uint8Array) => err.push(String(chunk)) },
    },
    text: () => out.map((c) => (typeof c === "string" ? c : new TextDecoder().decode(c))).join(""),
    bytes: () => out.find((c): c is Uint8Array => typeof c !== "string"),
    err: () => err.join(""),
  };
}

describe("ward-contract CLI", () => {
  it("prints a month's obligations as a table", async () => {
    const c = capture();
    const code = await main(
      [
        "obligations",
        "--contract",
        "meguro-nursery-2026",
        "--month",
        "2026-11",
        "--category",
        "monthly-report",
      ],
      c.io,
    );
    expect(code).toBe(0);
    expect(c.text()).toContain("保育所運営費等事務業務委託（令和8年度）2026-11-01～2026-11-30");
    expect(c.text()).toMatch(
      /2026-11-16\(月\)\s+期限あり\s+月次報告\s+業務記録報告書\s+.*［2026-11-15が閉庁日のため移動］/,
    );
    expect(c.text()).toContain("1 件");
  });

  it("writes CSV with a BOM, Shift_JIS, and .ics", async () => {
    const csv = capture();
    await main(
      ["obligations", "-c", "nerima-treasury-2025", "-m", "2025-12", "-f", "csv", "--dated-only"],
      csv.io,
    );
    expect([...(csv.bytes() ?? new Uint8Array()).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.text()).toContain("2025-12-26,金,,期限あり,定例作業,支払案内書作成および送付業務");
    const sjis = capture();
    await main(["obligations", "-c", "nerima-treasury-2025", "-m", "2025-12", "-f", "csv-sjis"], sjis.io);
    expect(iconv.decode(Buffer.from(sjis.bytes() ?? new Uint8Array()), "Shift_JIS")).toContain(
      "支払案内書作成および送付業務",
    );
    const ics = capture();
    await main(["obligations", "-c", "nerima-ai-service-2026", "-m", "2027-04", "-f", "ics"], ics.io);
    expect(ics.text()).toContain("DTSTART;VALUE=DATE:20270430");
  });

  it("takes anchor dates for seed 001", async () => {
    const c = capture();
    await main(
      [
        "obligations",
        "-c",
        "nerima-ai-service-2026",
        "-m",
        "2027-03",
        "--anchor",
        "contract-confirmed=2026-05-20",
        "--dated-only",
      ],
      c.io,
    );
    expect(c.text()).toContain("2027-03-31(水)");
  });

  it("prints the workload and lists contracts", async () => {
    const w = capture();
    expect(await main(["workload", "-c", "nerima-treasury-2025"], w.io)).toBe(0);
    expect(w.text()).toContain("集計業務（入力件数）: 125,000 件程度/年");
    const list = capture();
    await main(["list"], list.io);
    expect(list.text().split("\n").filter(Boolean)).toHaveLength(3);
  });

  it("fails clearly on bad input", async () => {
    const unknown = capture();
    expect(await main(["obligations", "-c", "nope", "-m", "2026-05"], unknown.io)).toBe(1);
    expect(unknown.err()).toContain("契約「nope」はありません");
    const noMonth = capture();
    expect(await main(["obligations", "-c", "meguro-nursery-2026"], noMonth.io)).toBe(2);
    expect(noMonth.err()).toContain("--month");
    const badFormat = capture();
    expect(
      await main(["obligations", "-c", "meguro-nursery-2026", "-m", "2026-05", "-f", "pdf"], badFormat.io),
    ).toBe(2);
    const badOption = capture();
    expect(await main(["obligations", "--nope"], badOption.io)).toBe(2);
    const none = capture();
    expect(await main([], none.io)).toBe(2);
    expect(none.text()).toContain("usage");
  });

  it("runs as a program through tsx", () => {
    const cli = fileURLToPath(new URL("./cli.ts", import.meta.url));
    const tsx = fileURLToPath(new URL("../../../node_modules/.bin/tsx", import.meta.url));
    const result = spawnSync(
      tsx,
      [
        "--conditions=@ward/source",
        cli,
        "obligations",
        "-c",
        "meguro-nursery-2026",
        "-m",
        "2026-05",
        "--category",
        "monthly-report",
      ],
      {
        encoding: "utf8",
        timeout: 30_000,
      },
    );
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("2026-05-15(金)");
  }, 30_000);
});
