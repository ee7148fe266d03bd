import { describe, expect, it } from "vitest";
import { checkCryptrec, cryptrecLists } from "./cryptrec.js";
import { SecurityClausesError } from "./errors.js";

describe("checkCryptrec", () => {
  it.each([
    ["aes-256-gcm", "2013", "pass"],
    ["TLS_AES_128_GCM_SHA256", "2013", "pass"],
    ["TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "2013", "pass"],
    ["camellia-128-cbc", "2013", "pass"],
    ["hmac-sha384", "2023", "pass"],
    ["TLS_CHACHA20_POLY1305_SHA256", "2013", "fail"],
    ["TLS_RSA_WITH_AES_128_CBC_SHA", "2013", "fail"],
    ["rc4", "2013", "fail"],
    ["ed25519", "2013", "fail"],
    ["ed25519", "2023", "pass"],
    ["des-ede3-cbc", "2013", "needs-evidence"],
    ["x25519", "2013", "needs-evidence"],
    ["rsa", "2013", "needs-evidence"],
    ["frobnicate", "2013", "needs-evidence"],
  ] as const)("%s against %s → %s", (input, version, status) => {
    expect(checkCryptrec(input, version).status).toBe(status);
  });

  it("passes AES-GCM and the TLS 1.3 AES suites against the current list, citing R2", () => {
    for (const input of ["aes-128-gcm", "aes-256-gcm", "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384"]) {
      const check = checkCryptrec(input);
      expect(check.status).toBe("pass");
      expect(check.version).toBe("2023");
      expect(check.reason).toContain("CRYPTREC LS-0001-2022R2");
    }
    // The GCM note travels with the result.
    expect(checkCryptrec("aes-128-gcm").components.find((c) => c.name === "GCM")?.note).toBe(
      "注: 初期化ベクトル長は96ビットを推奨する",
    );
  });

  it("knows SHA-3, SHAKE128/256 and ML-KEM-768/1024 on the current list, not on 2013's", () => {
    for (const input of ["sha3-256", "sha3-512", "shake128", "shake256", "ML-KEM-768", "mlkem1024"]) {
      expect(checkCryptrec(input, "2023").status).toBe("pass");
      expect(checkCryptrec(input, "2013").status).toBe("fail");
    }
    expect(checkCryptrec("ML-KEM-512", "2023").status).toBe("fail");
  });

  it("allows XTS only for storage encryption", () => {
    expect(checkCryptrec("aes-256-xts", "2023", { use: "storage" }).status).toBe("pass");
    const transit = checkCryptrec("aes-256-xts", "2023");
    expect(transit.status).toBe("needs-evidence");
    expect(transit.components.find((c) => c.name === "XTS")?.note).toContain("記録媒体");
    expect(checkCryptrec("aes-256-xts", "2013", { use: "storage" }).status).toBe("fail");
  });

  it("settles 3-key Triple DES: conditional in 2013, monitored (compatibility only) from 2023", () => {
    expect(checkCryptrec("des-ede3-cbc", "2013").status).toBe("needs-evidence");
    const now = checkCryptrec("des-ede3-cbc", "2023");
    expect(now.status).toBe("fail");
    expect(now.reason).toContain("運用監視暗号リスト");
    expect(now.components[0]).toMatchObject({ name: "3-key Triple DES", status: "monitored" });
  });

  it("says which list an entry is on: candidates need evidence, monitored ones fail", () => {
    expect(checkCryptrec("camellia-128-cbc", "2023").components[0]?.status).toBe("recommended");
    const clefia = checkCryptrec("clefia-128-cbc", "2023");
    expect(clefia.status).toBe("needs-evidence");
    expect(clefia.components[0]?.status).toBe("candidate");
    expect(checkCryptrec("sha1", "2023").components[0]?.status).toBe("monitored");
  });

  it("names the offending component", () => {
    const r = checkCryptrec("TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA", "2013");
    expect(r.status).toBe("fail");
    expect(r.reason).toContain("SHA-1");
    expect(r.components.map((c) => c.name)).toEqual([
      "ECDH",
      "RSASSA-PKCS1-v1_5",
      "3-key Triple DES",
      "CBC",
      "SHA-1",
    ]);
  });

  it("rejects an unknown version", () => {
    expect(() => checkCryptrec("aes", "2031" as never)).toThrow(SecurityClausesError);
  });
});

describe("cryptrecLists", () => {
  it("carries each list's id, dates and revisions", () => {
    const current = cryptrecLists["2023"];
    expect([current.listId, current.documentId, current.published, current.revised]).toEqual([
      "CRYPTREC LS-0001-2022",
      "CRYPTREC LS-0001-2022R2",
      "2023-03-30",
      "2026-03-30",
    ]);
    expect(current.revisions.map((r) => r.id)).toEqual([
      "CRYPTREC LS-0001-2022",
      "CRYPTREC LS-0001-2022R1",
      "CRYPTREC LS-0001-2022R2",
    ]);
    expect(cryptrecLists["2013"]).toMatchObject({ listId: "CRYPTREC LS-0001-2012", published: "2013-03-01" });
  });

  it("encodes the 2013 recommended list whole (24 entries) and all three lists of both", () => {
    const recommended = (v: "2013" | "2023") =>
      cryptrecLists[v].entries.filter((e) => e.list === "recommended").map((e) => e.name);
    expect(recommended("2013")).toHaveLength(24);
    expect(recommended("2023")).toEqual(
      expect.arrayContaining([
        "EdDSA",
        "SHA3-256",
        "SHAKE128",
        "SHAKE256",
        "XTS",
        "ML-KEM-768",
        "ML-KEM-1024",
      ]),
    );
    expect(recommended("2023")).not.toContain("3-key Triple DES");
    for (const v of ["2013", "2023"] as const) {
      const lists = new Set(cryptrecLists[v].entries.map((e) => e.list));
      expect([...lists].sort()).toEqual(["candidate", "monitored", "recommended"]);
      const names = cryptrecLists[v].entries.map((e) => `${e.list}:${e.name}`);
      expect(new Set(names).size).toBe(names.length);
    }
  });

  it("records what was not confirmed against the official text instead of marking entries", () => {
    for (const v of ["2013", "2023"] as const) {
      expect(cryptrecLists[v].provenance.basis).toMatch(/secondary sources/);
      expect(cryptrecLists[v].entries.every((e) => !("verified" in e))).toBe(true);
    }
    expect(cryptrecLists["2023"].provenance.unconfirmed.join(" ")).toContain("R1");
  });
});
