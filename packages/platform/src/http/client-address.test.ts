import { describe, expect, it } from "vitest";
import { isPlatformError } from "../errors.js";
import { resolveClient, trustedProxyList } from "./client-address.js";

const proxies = trustedProxyList(["10.0.0.0/8", "::1", "2001:db8::/32"]);
const request = (peer: string | null, forwardedFor?: string, forwardedProto?: string) => ({
  peer,
  forwardedFor,
  forwardedProto,
  urlProtocol: "http:",
});

describe("trustedProxyList", () => {
  it("matches addresses and ranges, IPv4-mapped IPv6 included", () => {
    expect(proxies.has("10.20.30.40")).toBe(true);
    expect(proxies.has("::ffff:10.1.1.1")).toBe(true);
    expect(proxies.has("::1")).toBe(true);
    expect(proxies.has("2001:db8::7")).toBe(true);
    expect(proxies.has("192.0.2.1")).toBe(false);
    expect(proxies.has("not-an-ip")).toBe(false);
  });

  it("refuses entries that are not addresses or ranges", () => {
    for (const bad of ["proxy.local", "10.0.0.0/33", "10.0.0.0/8/1", "::1/abc"]) {
      let caught: unknown;
      try {
        trustedProxyList([bad]);
      } catch (error) {
        caught = error;
      }
      expect(isPlatformError(caught, "CONFIG_INVALID"), bad).toBe(true);
    }
  });
});

describe("resolveClient", () => {
  it("ignores X-Forwarded-* from a peer that is not a trusted proxy", () => {
    expect(resolveClient(request("192.0.2.9", "198.51.100.1", "https"), proxies)).toEqual({
      address: "192.0.2.9",
      secure: false,
    });
  });

  it("takes the right-most untrusted X-Forwarded-For hop from a trusted proxy", () => {
    // The left-most entry is whatever the client claimed; only hops added by our proxies count.
    expect(resolveClient(request("10.0.0.5", "6.6.6.6, 198.51.100.7, 10.0.0.4", "https"), proxies)).toEqual({
      address: "198.51.100.7",
      secure: true,
    });
  });

  it("keeps the proxy's own address when it sends no X-Forwarded-For", () => {
    expect(resolveClient(request("::ffff:10.0.0.5", undefined, "http"), proxies)).toEqual({
      address: "10.0.0.5",
      secure: false,
    });
  });

  it("stops at a hop that is not an address", () => {
    expect(resolveClient(request("10.0.0.5", "garbage, 198.51.100.7"), proxies).address).toBe("198.51.100.7");
    expect(resolveClient(request("10.0.0.5", "198.51.100.7, garbage"), proxies).address).toBe("10.0.0.5");
  });

  it("is secure when the connection itself is TLS", () => {
    expect(
      resolveClient({ ...request("192.0.2.9"), urlProtocol: "https:" }, trustedProxyList([])).secure,
    ).toBe(true);
  });
});
