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
    ["sha3-256", "2023", "needs-evidence"],
    ["aes-128-gcm", "2023", "needs-evidence"],
    ["x25519", "2013", "needs-evidence"],
    ["rsa", "2013", "needs-evidence"],
    ["frobnicate", "2013", "needs-evidence"],
  ] as const)("%s against %s → %s", (input, version, status) => {
    expect(checkCryptrec(input, version).status).toBe(status);
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

  it("encodes both versions with their document ids and marks 2023 gaps", () => {
    expect(cryptrecLists["2013"].documentId).toBe("CRYPTREC LS-0001-2012");
    expect(cryptrecLists["2013"].entries).toHaveLength(24);
    expect(cryptrecLists["2023"].published).toBe("2023-03-30");
    expect(cryptrecLists["2023"].entries.some((e) => e.name === "EdDSA" && e.verified)).toBe(true);
    expect(cryptrecLists["2023"].entries.filter((e) => !e.verified).length).toBeGreaterThan(0);
  });

  it("rejects an unknown version", () => {
    expect(() => checkCryptrec("aes", "2031" as never)).toThrow(SecurityClausesError);
  });
});
