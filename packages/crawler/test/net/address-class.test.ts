import { describe, expect, it } from "vitest";
import { localNameKind, nonPublicAddressKind } from "../../src/net/address-class";

/** Every address family the policy refuses, in the spellings a resolver or a URL parser hands over. */
const NON_PUBLIC: Array<[string, string]> = [
  ["0.0.0.0", "unspecified"],
  ["0.1.2.3", "unspecified"],
  ["10.0.0.1", "private"],
  ["172.16.5.4", "private"],
  ["172.31.255.255", "private"],
  ["192.168.1.1", "private"],
  ["100.64.0.1", "CGNAT (shared address space)"],
  ["100.127.255.254", "CGNAT (shared address space)"],
  ["127.0.0.1", "loopback"],
  ["127.255.0.9", "loopback"],
  ["169.254.169.254", "link-local"],
  ["192.0.0.8", "IETF protocol assignment"],
  ["192.0.2.2", "documentation"],
  ["198.51.100.7", "documentation"],
  ["203.0.113.9", "documentation"],
  ["198.18.0.1", "benchmarking"],
  ["224.0.0.251", "multicast"],
  ["239.255.255.250", "multicast"],
  ["240.0.0.1", "reserved"],
  ["255.255.255.255", "broadcast"],
  ["::", "unspecified"],
  ["::1", "loopback"],
  ["0:0:0:0:0:0:0:1", "loopback"],
  ["[::1]", "loopback"],
  ["::ffff:127.0.0.1", "IPv4-mapped 127.0.0.1, loopback"],
  ["::ffff:7f00:1", "IPv4-mapped 127.0.0.1, loopback"],
  ["::ffff:a9fe:a9fe", "IPv4-mapped 169.254.169.254, link-local"],
  ["::ffff:8.8.8.8", "IPv4-mapped 8.8.8.8"],
  ["::127.0.0.1", "IPv4-compatible 127.0.0.1, loopback"],
  ["64:ff9b::7f00:1", "NAT64 127.0.0.1, loopback"],
  ["64:ff9b:1::1", "NAT64 local-use"],
  ["2002:7f00:1::1", "6to4 127.0.0.1, loopback"],
  ["2002:a9fe:a9fe::", "6to4 169.254.169.254, link-local"],
  ["fc00::1", "unique-local"],
  ["fd12:3456::1", "unique-local"],
  ["fe80::1", "link-local"],
  ["fe80::1%eth0", "link-local"],
  ["febf::1", "link-local"],
  ["fec0::1", "site-local"],
  ["ff02::1", "multicast"],
  ["100::1", "reserved"],
  ["2001:db8::1", "documentation"],
  ["2001:0:4136:e378::1", "Teredo"],
  ["2001:10::1", "ORCHID"],
];

const PUBLIC = [
  "8.8.8.8",
  "1.1.1.1",
  "93.184.216.34",
  "100.63.255.255",
  "100.128.0.1",
  "172.15.0.1",
  "172.32.0.1",
  "169.255.0.1",
  "2606:4700::1",
  "2a00:1450:4001:82a::200e",
  "64:ff9b::808:808",
  "2002:808:808::1",
];

describe("address classification", () => {
  it.each(NON_PUBLIC)("%s is not public (%s)", (address, kind) => {
    expect(nonPublicAddressKind(address)).toBe(kind);
  });

  it.each(PUBLIC)("%s is public", (address) => {
    expect(nonPublicAddressKind(address)).toBeNull();
  });

  it("calls a name that is not an address just that", () => {
    expect(nonPublicAddressKind("example.com")).toBe("not an IP address");
  });

  it("knows the names that are local by definition, however they are written", () => {
    for (const name of [
      "localhost",
      "LOCALHOST",
      "localhost.",
      "app.localhost",
      "printer.local",
      "metadata.google.internal",
      "nas.home.arpa",
      "router.lan",
    ]) {
      expect(localNameKind(name), name).not.toBeNull();
    }
    for (const name of ["www.topcv.vn", "itviec.com", "localhost.example.com", "local.vn", "internal.example.org"]) {
      expect(localNameKind(name), name).toBeNull();
    }
  });
});
