import { lookup as dnsLookup } from "node:dns/promises";
import type { LookupAddress, LookupOptions } from "node:dns";
import ipaddr from "ipaddr.js";

/** A fetch was refused by the SSRF guard (scheme, host or resolved address not allowed). */
export class ForbiddenTargetError extends Error {
  readonly code = "EDISPATCHFORBIDDEN";
  constructor(message: string) {
    super(message);
    this.name = "ForbiddenTargetError";
  }
}

const PRIVATE_NETWORK_HINT = "set DISPATCH_ALLOW_PRIVATE_NETWORK=1 to allow";

const RANGE_LABELS: Record<string, string> = {
  loopback: "loopback",
  private: "private network",
  linkLocal: "link-local",
  carrierGradeNat: "carrier-grade NAT",
  uniqueLocal: "unique-local",
  multicast: "multicast",
  unspecified: "unspecified",
  broadcast: "broadcast",
  reserved: "reserved",
};

const label = (range: string): string => `${RANGE_LABELS[range] ?? range} address`;

// Anything but public unicast is refused: loopback, private, link-local, CGNAT, unique-local,
// multicast, unspecified, broadcast, reserved and documentation ranges. IPv4 embedded in IPv6
// (mapped, NAT64) is judged as the IPv4 it carries.
/** Why an IP address must not be fetched from, or null when it is public unicast. */
export function forbiddenAddressReason(address: string): string | null {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.parse(address.replace(/^\[|\]$/g, "").replace(/%.*$/, ""));
  } catch {
    return "not an IP address";
  }
  if (parsed.kind() === "ipv6") {
    const v6 = parsed as ipaddr.IPv6;
    if (v6.isIPv4MappedAddress()) return forbiddenAddressReason(v6.toIPv4Address().toString());
    const range = v6.range();
    if (range === "rfc6052") {
      // NAT64 (64:ff9b::/96): an IPv6-only network's way to reach an IPv4 host.
      const bytes = v6.toByteArray();
      return forbiddenAddressReason(bytes.slice(12).join("."));
    }
    // ::/8 holds the deprecated IPv4-compatible form (::127.0.0.1) and nothing public.
    if (range === "unicast" && v6.parts[0] === 0) return label("reserved");
    return range === "unicast" ? null : label(range);
  }
  const range = parsed.range();
  return range === "unicast" ? null : label(range);
}

// Runs on the first URL and on every redirect hop: http(s) only, no "localhost" names, and a
// literal IP must be public (Node never calls `lookup` for a literal, so this is its only check).
/** The reason to refuse requesting `url`, or null when it may be requested. */
export function checkTarget(url: URL, allowPrivateNetwork: boolean): string | null {
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return `unsupported URL scheme ${url.protocol}`;
  }
  if (allowPrivateNetwork) return null;
  const host = url.hostname.toLowerCase().replace(/\.$/, "");
  if (host === "localhost" || host.endsWith(".localhost")) {
    return `refused: ${host} is a local name; ${PRIVATE_NETWORK_HINT}`;
  }
  const literal = host.startsWith("[") ? host.slice(1, -1) : host;
  if (ipaddr.isValid(literal)) {
    const reason = forbiddenAddressReason(literal);
    if (reason !== null) return `refused: ${literal} (${reason}); ${PRIVATE_NETWORK_HINT}`;
  }
  return null;
}

/** Resolves a host name to all of its addresses (the default is the system resolver). */
export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

const systemResolver: Resolver = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/** The `lookup` function that net/tls.connect calls, in the shape Node expects. */
export type ConnectLookup = (hostname: string, options: LookupOptions, callback: LookupCallback) => void;

// The check runs on the addresses the socket will actually connect to, so a DNS answer that changes
// between a pre-check and the connection (rebinding) cannot slip through. With
// `allowPrivateNetwork` it only resolves (useful with a custom resolver).
/** A connect-time `lookup` that drops forbidden addresses from the DNS answer and fails if none is left. */
export function createGuardedLookup(
  resolve: Resolver = systemResolver,
  allowPrivateNetwork = false,
): ConnectLookup {
  return (hostname, options, callback) => {
    resolve(hostname)
      .then((answers) => {
        const family = options.family === 4 || options.family === 6 ? options.family : 0;
        const candidates = answers.filter((a) => family === 0 || a.family === family);
        const allowed = allowPrivateNetwork
          ? candidates
          : candidates.filter((a) => forbiddenAddressReason(a.address) === null);
        const first = candidates[0];
        if (first === undefined) {
          const error: NodeJS.ErrnoException = new Error(`${hostname} has no address`);
          error.code = "ENOTFOUND";
          callback(error, "", undefined);
          return;
        }
        if (allowed.length === 0) {
          const why = forbiddenAddressReason(first.address) ?? "forbidden address";
          const message = `refused: ${hostname} resolves to ${first.address} (${why}); ${PRIVATE_NETWORK_HINT}`;
          callback(new ForbiddenTargetError(message), "", undefined);
          return;
        }
        if (options.all) callback(null, allowed);
        else callback(null, allowed[0]?.address ?? "", allowed[0]?.family);
      })
      .catch((error: unknown) => {
        callback(error instanceof Error ? error : new Error(String(error)), "", undefined);
      });
  };
}
