import { StaticResolver } from "@jobsync/crawler";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, createTestApp, type TestApp } from "../support/test-app";

/**
 * A data source's base_url: http/https only, and (unless ALLOW_PRIVATE_HOSTS=1) never a loopback, private,
 * link-local or unspecified host, however the address is spelled.
 */
const PRIVATE_SPELLINGS = [
  "http://127.0.0.1",
  "http://127.1",
  "http://2130706433",
  "http://0x7f000001",
  "http://0177.0.0.1",
  "http://127.0.0.1.",
  "http://localhost",
  "http://localhost.",
  "http://LOCALHOST:3000",
  "http://app.localhost",
  "http://printer.local",
  "http://metadata.google.internal",
  "http://0.0.0.0",
  "http://0",
  "http://10.0.0.1",
  "http://172.16.5.4",
  "http://192.168.1.1",
  "http://169.254.169.254/latest/meta-data",
  "http://100.64.0.1",
  "http://[::1]",
  "http://[0:0:0:0:0:0:0:1]",
  "http://[::]",
  "http://[::ffff:127.0.0.1]",
  "http://[::ffff:7f00:1]",
  "http://[::ffff:a9fe:a9fe]",
  "http://[::127.0.0.1]",
  "http://[fd00::1]",
  "http://[fe80::1]",
  "http://user:pass@127.0.0.1:8080/path",
];
const BAD_SCHEMES = [
  "file:///etc/passwd",
  "javascript:alert(1)",
  "ftp://example.com",
  "data:text/html,<script>alert(1)</script>",
  "gopher://example.com",
  "ws://example.com",
  "//example.com",
  "example.com",
  "http://",
  `https://${"a".repeat(2050)}.com`,
];
const PUBLIC = [
  "https://www.topcv.vn",
  "http://93.184.216.34",
  "https://itviec.com:443/it-jobs",
  "http://[2606:4700::1]",
];

describe("base_url policy", () => {
  let strict: TestApp;
  let open: TestApp;
  let n = 0;
  beforeAll(async () => {
    // public names answer public addresses (nothing connects to them: a save only resolves)
    const dns = new StaticResolver({ "www.topcv.vn": "104.18.22.118", "itviec.com": "104.18.38.200" });
    strict = await createTestApp("pglite", { allowPrivateHosts: false, lookup: dns.lookup });
    open = await createTestApp("pglite", { allowPrivateHosts: true, lookup: dns.lookup });
  });
  afterAll(async () => {
    await strict.close();
    await open.close();
  });

  const create = (t: TestApp, base_url: string) =>
    t.app.inject({
      method: "POST",
      url: "/api/v1/admin/data-sources",
      headers: bearer(t.adminToken),
      payload: { site_name: `Policy-${++n}`, kind: "topcv", base_url, is_active: false },
    });
  const patch = (t: TestApp, siteName: string, base_url: string) =>
    t.app.inject({
      method: "PATCH",
      url: `/api/v1/admin/data-sources/${siteName}`,
      headers: bearer(t.adminToken),
      payload: { base_url },
    });

  it("refuses every spelling of a private or loopback host, on create and on update", async () => {
    const created = await create(strict, "https://www.topcv.vn");
    expect(created.statusCode, created.body).toBe(201);
    const name = created.json().site_name as string;
    for (const url of PRIVATE_SPELLINGS) {
      const res = await create(strict, url);
      expect(res.statusCode, `${url}: ${res.body}`).toBe(400);
      expect(res.json().error.message, url).toMatch(/ALLOW_PRIVATE_HOSTS|private|loopback|local/);
      const updated = await patch(strict, name, url);
      expect(updated.statusCode, `PATCH ${url}: ${updated.body}`).toBe(400);
    }
    const stored = await strict.app.inject({
      method: "GET",
      url: `/api/v1/admin/data-sources/${name}`,
      headers: bearer(strict.adminToken),
    });
    expect(stored.json().base_url).toBe("https://www.topcv.vn");
  });

  it("refuses any private IPv4 address in any notation (property)", async () => {
    const privateIpv4 = fc.oneof(
      fc.tuple(fc.constant(127), fc.nat(255), fc.nat(255), fc.nat(255)),
      fc.tuple(fc.constant(10), fc.nat(255), fc.nat(255), fc.nat(255)),
      fc.tuple(fc.constant(172), fc.integer({ min: 16, max: 31 }), fc.nat(255), fc.nat(255)),
      fc.tuple(fc.constant(192), fc.constant(168), fc.nat(255), fc.nat(255)),
      fc.tuple(fc.constant(169), fc.constant(254), fc.nat(255), fc.nat(255)),
    );
    const spell = (octets: number[], how: number) => {
      const [a, b, c, d] = octets as [number, number, number, number];
      const int = ((a << 24) >>> 0) + (b << 16) + (c << 8) + d;
      const hex = (x: number) => x.toString(16).padStart(4, "0");
      switch (how) {
        case 0:
          return `${a}.${b}.${c}.${d}`;
        case 1:
          return String(int);
        case 2:
          return `0x${int.toString(16)}`;
        case 3:
          return `0${a.toString(8)}.${b}.${c}.${d}`;
        case 4:
          return `[::ffff:${a}.${b}.${c}.${d}]`;
        case 5:
          return `[::ffff:${hex((a << 8) + b)}:${hex((c << 8) + d)}]`;
        default:
          return `${a}.${b}.${c}.${d}.`;
      }
    };
    await fc.assert(
      fc.asyncProperty(privateIpv4, fc.integer({ min: 0, max: 6 }), fc.nat(65535), async (octets, how, port) => {
        const url = `http://${spell(octets, how)}:${port || 80}/`;
        const res = await create(strict, url);
        expect(res.statusCode, `${url}: ${res.body}`).toBe(400);
      }),
      { numRuns: 150 },
    );
  });

  it("accepts only http and https, with a message naming base_url", async () => {
    for (const url of BAD_SCHEMES) {
      const res = await create(open, url);
      expect(res.statusCode, `${url}: ${res.body}`).toBe(400);
      expect(res.json().error.message, url).toContain("base_url");
    }
  });

  it("accepts public hosts, and private ones only when ALLOW_PRIVATE_HOSTS=1", async () => {
    for (const url of PUBLIC) expect((await create(strict, url)).statusCode, url).toBe(201);
    for (const url of ["http://127.0.0.1:3001", "http://localhost:3001", "http://[::1]:3001"]) {
      expect((await create(open, url)).statusCode, url).toBe(201);
    }
  });
});
