import { isIP } from "node:net";

/** Hosts a data source may not point at unless ALLOW_PRIVATE_HOSTS=1: loopback, private, link-local, unspecified. */
function isPrivateIpv4(ip: string): boolean {
  const [a = 0, b = 0] = ip.split(".").map(Number);
  return (
    a === 10 ||
    a === 127 ||
    a === 0 ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 100 && b >= 64 && b <= 127)
  );
}

function isPrivateIpv6(ip: string): boolean {
  const lower = ip.toLowerCase();
  if (lower === "::1" || lower === "::") return true;
  if (lower.startsWith("fc") || lower.startsWith("fd") || lower.startsWith("fe8") || lower.startsWith("fe9"))
    return true;
  if (lower.startsWith("fea") || lower.startsWith("feb")) return true;
  const mapped = lower.match(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/);
  if (mapped) return isPrivateIpv4(mapped[1] ?? "");
  // IPv4-mapped (::ffff:7f00:1, as URL parsing writes ::ffff:127.0.0.1) and IPv4-compatible (::7f00:1) addresses
  const embedded = lower.match(/^::(?:ffff:)?([0-9a-f]{1,4}):([0-9a-f]{1,4})$/);
  if (embedded) {
    const high = Number.parseInt(embedded[1] ?? "0", 16);
    const low = Number.parseInt(embedded[2] ?? "0", 16);
    return isPrivateIpv4(`${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`);
  }
  return false;
}

/** Why this URL's host is private, or null when it is a public host. */
export function privateHostReason(url: string): string | null {
  let host: string;
  try {
    // "localhost." and "127.0.0.1." name the same hosts as without the trailing dot
    host = new URL(url).hostname
      .replace(/^\[|\]$/g, "")
      .replace(/\.+$/, "")
      .toLowerCase();
  } catch {
    return "base_url is not a valid URL";
  }
  if (host === "localhost" || host.endsWith(".localhost") || host.endsWith(".local") || host.endsWith(".internal")) {
    return `base_url host ${host} is a local name`;
  }
  const family = isIP(host);
  if (family === 4 && isPrivateIpv4(host)) return `base_url host ${host} is a private or loopback address`;
  if (family === 6 && isPrivateIpv6(host)) return `base_url host ${host} is a private or loopback address`;
  return null;
}
