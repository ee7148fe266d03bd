import { BlockList, isIP } from "node:net";
import { PlatformError } from "../errors.js";

/** The trusted-proxy rule built by {@link trustedProxyList}. */
export interface TrustedProxies {
  /** Whether an address belongs to a trusted proxy. */
  has(address: string): boolean;
}

const MAPPED_V4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i;

/** `::ffff:192.0.2.1` → `192.0.2.1`; strips a zone and brackets. */
function normalise(address: string): string {
  const bare = address
    .trim()
    .replace(/^\[|\]$/g, "")
    .replace(/%.*$/, "");
  return MAPPED_V4.exec(bare)?.[1] ?? bare;
}

/**
 * Parses trusted proxy addresses and CIDR ranges (`WARD_TRUSTED_PROXIES`, comma-separated).
 *
 * @throws PlatformError `CONFIG_INVALID` for an entry that is not an address or range
 * @example
 * ```ts
 * trustedProxyList(["10.0.0.0/8", "::1"]).has("10.1.2.3"); // true
 * ```
 */
export function trustedProxyList(entries: readonly string[]): TrustedProxies {
  const list = new BlockList();
  for (const raw of entries) {
    const entry = raw.trim();
    if (entry === "") continue;
    const [address = "", bits, extra] = entry.split("/");
    const family = isIP(address);
    const prefix = bits === undefined ? undefined : Number(bits);
    const max = family === 4 ? 32 : 128;
    if (
      family === 0 ||
      extra !== undefined ||
      (prefix !== undefined && (!/^\d{1,3}$/.test(bits ?? "") || prefix > max))
    ) {
      throw new PlatformError("CONFIG_INVALID", { message: `WARD_TRUSTED_PROXIES: bad entry ${entry}` });
    }
    const type = family === 4 ? "ipv4" : "ipv6";
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, prefix, type);
  }
  return {
    has(address) {
      const a = normalise(address);
      const family = isIP(a);
      return family !== 0 && list.check(a, family === 4 ? "ipv4" : "ipv6");
    },
  };
}

/** Where a request really comes from, per {@link resolveClient}. */
export interface ClientInfo {
  /** The client's address (the socket peer unless a trusted proxy said otherwise). */
  readonly address: string | null;
  /** Whether the client's connection was TLS (directly, or per a trusted proxy). */
  readonly secure: boolean;
}

/**
 * The client address and scheme of a request. `X-Forwarded-For` / `X-Forwarded-Proto` count only
 * when the socket peer is a trusted proxy; the address is then the right-most entry of
 * `X-Forwarded-For` that is not itself a trusted proxy (entries further left are client-supplied).
 *
 * @example
 * ```ts
 * resolveClient({ peer: "10.0.0.5", forwardedFor: "198.51.100.7, 10.0.0.4", forwardedProto: "https", urlProtocol: "http:" }, trustedProxyList(["10.0.0.0/8"]));
 * // { address: "198.51.100.7", secure: true }
 * ```
 */
export function resolveClient(
  request: {
    readonly peer: string | null;
    readonly forwardedFor: string | undefined;
    readonly forwardedProto: string | undefined;
    readonly urlProtocol: string;
  },
  trusted: TrustedProxies,
): ClientInfo {
  const peer = request.peer === null ? null : normalise(request.peer);
  const direct = { address: peer, secure: request.urlProtocol === "https:" };
  if (peer === null || !trusted.has(peer)) return direct;
  let address = peer;
  const hops = (request.forwardedFor ?? "")
    .split(",")
    .map(normalise)
    .filter((h) => h !== "");
  for (let i = hops.length - 1; i >= 0; i -= 1) {
    const hop = hops[i] as string;
    if (isIP(hop) === 0) break;
    address = hop;
    if (!trusted.has(hop)) break;
  }
  // The proxy nearest to us appends last: its value is the right-most one.
  const proto = (request.forwardedProto ?? "").split(",").pop()?.trim().toLowerCase();
  return { address, secure: proto === undefined || proto === "" ? direct.secure : proto === "https" };
}
