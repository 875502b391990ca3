import { isIP } from "node:net";

/**
 * The address policy's pure half: which IP addresses and host names are not on the public internet. One module owns
 * it; the fetchers (at connect time), the server's base_url and webhook checks and Chromium's guard proxy all ask it.
 *
 * IPv4: unspecified (0/8), private (10/8, 172.16/12, 192.168/16), CGNAT (100.64/10), loopback (127/8), link-local
 * (169.254/16, the cloud metadata address among them), IETF protocol assignments (192.0.0/24), documentation
 * (192.0.2/24, 198.51.100/24, 203.0.113/24), benchmarking (198.18/15), multicast (224/4), reserved (240/4) and
 * broadcast. IPv6: everything outside global unicast (2000::/3) — unspecified, loopback, IPv4-mapped and
 * IPv4-compatible, unique-local (fc00::/7), link-local (fe80::/10), site-local, multicast —, and inside it the
 * documentation, Teredo and ORCHID ranges, and NAT64 / 6to4 addresses whose embedded IPv4 address is not public.
 */

/** Why an IP address is not public ("loopback", "link-local"...), or null for a public address. */
export function nonPublicAddressKind(address: string): string | null {
  const ip = stripBrackets(address);
  const family = isIP(ip.replace(/%.*$/, ""));
  if (family === 4) return ipv4Kind(ipv4Octets(ip));
  if (family === 6) return ipv6Kind(ipv6Groups(ip.replace(/%.*$/, "")));
  return "not an IP address";
}

/** Host names that are local by definition, whatever a resolver answers: localhost (RFC 6761), mDNS, private TLDs. */
export function localNameKind(hostname: string): string | null {
  const host = normalizeHostname(hostname);
  if (host === "localhost" || host.endsWith(".localhost")) return "localhost";
  if (host.endsWith(".local")) return "mDNS";
  if (host.endsWith(".internal") || host.endsWith(".home.arpa") || host.endsWith(".lan")) return "private network";
  return null;
}

/** Lower case, without the brackets of an IPv6 literal and without trailing dots ("localhost." is "localhost"). */
export function normalizeHostname(hostname: string): string {
  return stripBrackets(hostname).replace(/\.+$/, "").toLowerCase();
}

function stripBrackets(host: string): string {
  return host.startsWith("[") && host.endsWith("]") ? host.slice(1, -1) : host;
}

function ipv4Octets(ip: string): number[] {
  return ip.split(".").map(Number);
}

function ipv4Kind(octets: number[]): string | null {
  const [a = 0, b = 0, c = 0, d = 0] = octets;
  if (a === 0) return "unspecified";
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return "private";
  if (a === 100 && b >= 64 && b <= 127) return "CGNAT (shared address space)";
  if (a === 127) return "loopback";
  if (a === 169 && b === 254) return "link-local";
  if (a === 192 && b === 0 && c === 0) return "IETF protocol assignment";
  if (
    (a === 192 && b === 0 && c === 2) ||
    (a === 198 && b === 51 && c === 100) ||
    (a === 203 && b === 0 && c === 113)
  ) {
    return "documentation";
  }
  if (a === 198 && (b === 18 || b === 19)) return "benchmarking";
  if (a >= 224 && a <= 239) return "multicast";
  if (a === 255 && b === 255 && c === 255 && d === 255) return "broadcast";
  if (a >= 240) return "reserved";
  return null;
}

/** The 8 groups of an IPv6 address (valid, without zone), an embedded dotted quad included. */
function ipv6Groups(ip: string): number[] {
  let text = ip.toLowerCase();
  const quad = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (quad) {
    const [a, b, c, d] = quad.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, quad.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = "", tail] = text.split("::");
  const parse = (part: string) => (part === "" ? [] : part.split(":").map((g) => Number.parseInt(g, 16)));
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  const zeros = tail === undefined ? [] : new Array<number>(8 - left.length - right.length).fill(0);
  return [...left, ...zeros, ...right];
}

function embeddedIpv4(high: number, low: number): number[] {
  return [high >> 8, high & 255, low >> 8, low & 255];
}

function describeEmbedded(label: string, octets: number[]): string {
  const inner = ipv4Kind(octets);
  return `${label} ${octets.join(".")}${inner ? `, ${inner}` : ""}`;
}

function ipv6Kind(g: number[]): string | null {
  const [g0 = 0, g1 = 0, g2 = 0] = g;
  const [g5 = 0, g6 = 0, g7 = 0] = g.slice(5);
  const zeroUpTo = (n: number) => g.slice(0, n).every((x) => x === 0);
  if (zeroUpTo(8)) return "unspecified";
  if (zeroUpTo(7) && g7 === 1) return "loopback";
  if (zeroUpTo(5) && g5 === 0xffff) return describeEmbedded("IPv4-mapped", embeddedIpv4(g6, g7));
  if (zeroUpTo(6)) return describeEmbedded("IPv4-compatible", embeddedIpv4(g6, g7));
  if (g0 === 0x64 && g1 === 0xff9b) {
    // NAT64: the well-known prefix reaches the embedded IPv4 address; the local-use prefix (64:ff9b:1::/48) is private
    if (g2 === 1) return "NAT64 local-use";
    const inner = embeddedIpv4(g6, g7);
    return ipv4Kind(inner) ? describeEmbedded("NAT64", inner) : null;
  }
  if (g0 === 0x2002) {
    const inner = embeddedIpv4(g1, g2);
    return ipv4Kind(inner) ? describeEmbedded("6to4", inner) : null;
  }
  if ((g0 & 0xfe00) === 0xfc00) return "unique-local";
  if ((g0 & 0xffc0) === 0xfe80) return "link-local";
  if ((g0 & 0xffc0) === 0xfec0) return "site-local";
  if ((g0 & 0xff00) === 0xff00) return "multicast";
  if ((g0 & 0xe000) !== 0x2000) return "reserved";
  if (g0 === 0x2001 && g1 === 0x0db8) return "documentation";
  if (g0 === 0x2001 && g1 === 0) return "Teredo";
  if (g0 === 0x2001 && (g1 & 0xfff0) === 0x0010) return "ORCHID";
  if (g0 === 0x2001 && (g1 & 0xfff0) === 0x0020) return "ORCHIDv2";
  return null;
}
