import { describe, expect, it } from "vitest";
import { PrivateAddressError, RobotsDisallowedError } from "../../src/fetch/errors";
import { HttpFetcher } from "../../src/fetch/http-fetcher";
import { createGuardedFetch } from "../../src/net/guarded-agent";
import { NetworkPolicy } from "../../src/net/network-policy";
import { StaticResolver } from "../../src/net/static-resolver";
import { board, INTERNAL_SECRET, internalService, track } from "../fetch/board-support";

/**
 * The network policy at connect time, over real sockets: a board on loopback plays the public site (its endpoint is
 * exempt, as the demo board's is), an "internal" service on another loopback port plays what must never be reached,
 * and a resolver of the test's own answers every name — no outside network, no /etc/hosts.
 */
async function setup(options: { allowPrivate?: boolean } = {}) {
  const b = await board();
  const internal = await internalService();
  const dns = new StaticResolver({ "board.test": "127.0.0.1" });
  const policy = new NetworkPolicy({
    allowPrivate: options.allowPrivate ?? false,
    switchName: "ALLOW_PRIVATE_HOSTS",
    lookup: dns.lookup,
    exemptEndpoints: [`127.0.0.1:${b.port}`],
  });
  const fetcher = track(
    new HttpFetcher({ kind: "http", timeoutMillis: 5000, requestDelayMillis: 0, maxRetries: 0, network: policy }),
  );
  return { b, internal, dns, policy, fetcher, boardUrl: `http://board.test:${b.port}` };
}

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => error,
  );

describe("HTTP fetcher under the network policy", () => {
  it("reaches the exempt board by name, and refuses a name resolving to loopback, 169.254.169.254 or ::1", async () => {
    const { internal, dns, fetcher, boardUrl } = await setup();
    expect((await fetcher.fetch({ url: `${boardUrl}/` })).status).toBe(200);
    dns.set("evil.test", "127.0.0.1").set("metadata.test", "169.254.169.254").set("six.test", "::1");
    const cases: Array<[string, RegExp]> = [
      [
        `http://evil.test:${internal.port}/`,
        /^refused: evil\.test resolves to a private address \(127\.0\.0\.1, loopback\)/,
      ],
      [
        `http://metadata.test/latest/meta-data`,
        /^refused: metadata\.test resolves to a private address \(169\.254\.169\.254, link-local\)/,
      ],
      [`http://six.test:${internal.port}/`, /^refused: six\.test resolves to a private address \(::1, loopback\)/],
      [`${internal.url}/`, /^refused: 127\.0\.0\.1 is a private address \(loopback\)/],
      [
        `http://[::ffff:127.0.0.1]:${internal.port}/`,
        /^refused: ::ffff:7f00:1 is a private address \(IPv4-mapped 127\.0\.0\.1, loopback\)/,
      ],
      [`http://localhost:${internal.port}/`, /^refused: localhost is a local name \(localhost\)/],
    ];
    for (const [url, message] of cases) {
      const error = await refusal(fetcher.fetch({ url }));
      expect(error, url).toBeInstanceOf(PrivateAddressError);
      expect((error as Error).message, url).toMatch(message);
      expect((error as Error).message).toContain("set ALLOW_PRIVATE_HOSTS=1 to allow it");
    }
    expect(internal.requests).toEqual([]);
  });

  it("checks every redirect hop, robots.txt's too", async () => {
    const { b, internal, dns, fetcher, boardUrl } = await setup();
    dns.set("evil.test", "127.0.0.1");
    b.setFaults([
      { path: "/go-internal", type: "redirect", location: `${internal.url}/secret` },
      { path: "/go-name", type: "redirect", location: `http://evil.test:${internal.port}/secret` },
      { path: "/go-mapped", type: "redirect", location: `http://[::ffff:127.0.0.1]:${internal.port}/secret` },
      { path: "/go-metadata", type: "redirect", location: "http://169.254.169.254/latest/meta-data/" },
    ]);
    for (const path of ["/go-internal", "/go-name", "/go-mapped", "/go-metadata"]) {
      const error = await refusal(fetcher.fetch({ url: `${boardUrl}${path}` }));
      expect(error, path).toBeInstanceOf(PrivateAddressError);
    }
    // robots.txt redirected inside: the site cannot be read, nothing of it is fetched
    b.setFaults([{ path: "/robots.txt", type: "redirect", location: `${internal.url}/robots.txt` }]);
    const other = track(
      new HttpFetcher({
        kind: "http",
        timeoutMillis: 5000,
        requestDelayMillis: 0,
        maxRetries: 0,
        network: (fetcher as unknown as { options: { network: NetworkPolicy } }).options.network,
      }),
    );
    const verdict = await other.robotsVerdict(`${boardUrl}/`);
    expect(verdict.outcome).toBe("unreachable");
    expect(verdict.error).toBeInstanceOf(PrivateAddressError);
    expect(await refusal(other.fetch({ url: `${boardUrl}/` }))).toBeInstanceOf(PrivateAddressError);
    expect(internal.requests).toEqual([]);
  });

  it("refuses a name whose answer changed to a private address after it was first checked (DNS rebinding)", async () => {
    const { b, internal, dns, policy, fetcher } = await setup();
    dns.set("rebind.test", "127.0.0.1");
    const url = `http://rebind.test:${b.port}/`;
    expect((await fetcher.fetch({ url })).status).toBe(200); // first answer: the (exempt) board
    // the name now answers another loopback address; the next connection (a later sync job's) asks again
    dns.set("rebind.test", "127.0.0.2");
    const later = track(
      new HttpFetcher({ kind: "http", timeoutMillis: 5000, requestDelayMillis: 0, maxRetries: 0, network: policy }),
    );
    const error = await refusal(later.fetch({ url }));
    expect(error).toBeInstanceOf(PrivateAddressError);
    expect((error as Error).message).toMatch(
      /^refused: rebind\.test resolves to a private address \(127\.0\.0\.2, loopback\)/,
    );
    // a mixed answer connects only to the addresses allowed
    dns.set("rebind.test", ["127.0.0.2", "127.0.0.1"]);
    const third = track(
      new HttpFetcher({ kind: "http", timeoutMillis: 5000, requestDelayMillis: 0, maxRetries: 0, network: policy }),
    );
    expect((await third.fetch({ url })).status).toBe(200);
    expect(dns.asked.filter((name) => name === "rebind.test").length).toBeGreaterThanOrEqual(3);
    expect(internal.requests).toEqual([]);
  });

  it("passes all of it with ALLOW_PRIVATE_HOSTS=1, so the refusals above are the policy's doing", async () => {
    const { b, internal, dns, fetcher } = await setup({ allowPrivate: true });
    dns.set("evil.test", "127.0.0.1").set("six.test", "::1");
    const res = await fetcher.fetch({ url: `http://evil.test:${internal.port}/a` });
    expect(res.body).toContain(INTERNAL_SECRET);
    b.setFaults([{ path: "/go-internal", type: "redirect", location: `${internal.url}/b` }]);
    expect((await fetcher.fetch({ url: `http://board.test:${b.port}/go-internal` })).body).toContain(INTERNAL_SECRET);
    expect((await fetcher.fetch({ url: `${internal.url}/c` })).status).toBe(200);
    // robots.txt of each origin first (evil.test:port, then 127.0.0.1:port)
    expect(internal.requests).toEqual(["/robots.txt", "/a", "/robots.txt", "/b", "/c"]);
  });

  it("names the reason when robots.txt answers 5xx", async () => {
    const { b, fetcher, boardUrl } = await setup();
    b.setFaults([{ path: "/robots.txt", type: "status", status: 503 }]);
    const error = await refusal(fetcher.fetch({ url: `${boardUrl}/tim-viec-lam-x?type_keyword=1&page=1&sba=1` }));
    expect(error).toBeInstanceOf(RobotsDisallowedError);
    expect((error as Error).message).toMatch(
      /^disallowed: robots\.txt answered HTTP 503, so nothing may be crawled \(RFC 9309\): http/,
    );
    expect(b.stats().byRoute.listing).toBeUndefined();
  });

  it("reads a 2 MB robots.txt up to 500 KiB, a rule cut in half included, and honours its Crawl-delay", async () => {
    const line = "# padding padding padding padding padding padding padding\n";
    const filler = (bytes: number) => line.repeat(Math.floor(bytes / line.length));
    const head = "User-agent: *\nCrawl-delay: 0.2\nDisallow: /early\n";
    const early = head + filler(500 * 1024 - head.length - 40);
    // the 500 KiB boundary falls inside this rule: its half must not forbid more than the site meant
    const cut = `Disallow: /tim-viec-lam-${"x".repeat(80)}\n`;
    const text = `${early}${cut}Disallow: /late\n${filler(1_600_000)}`;
    expect(text.length).toBeGreaterThan(2_000_000);
    const b = await board({ robotsTxt: text, compression: false });
    const fetcher = track(new HttpFetcher({ kind: "http", timeoutMillis: 5000, requestDelayMillis: 0, maxRetries: 0 }));
    const verdict = await fetcher.robotsVerdict(`${b.url}/late`);
    expect(verdict).toMatchObject({ outcome: "rules", allowed: true, truncated: true, crawlDelaySecs: 0.2 });
    expect(verdict.summary).toBe(
      "robots.txt read (HTTP 200); only its first 500 KiB, as RFC 9309 allows; Crawl-delay 0.2 s",
    );
    await expect(fetcher.fetch({ url: `${b.url}/early` })).rejects.toBeInstanceOf(RobotsDisallowedError);
    expect((await fetcher.fetch({ url: b.listingUrl("ke-toan", 1) })).status).toBe(200);
    // the Crawl-delay spaces requests to the host: two more pages, at least 200 ms apart
    await fetcher.fetch({ url: b.listingUrl("ke-toan", 2) });
    await fetcher.fetch({ url: b.listingUrl("ke-toan", 3) });
    const times = b
      .stats()
      .requests.filter((r) => r.kind === "listing")
      .map((r) => r.at);
    for (let i = 1; i < times.length; i++)
      expect((times[i] as number) - (times[i - 1] as number)).toBeGreaterThanOrEqual(195);
  });
});

describe("guarded fetch (webhooks, expiry re-check)", () => {
  it("refuses a private address with the policy's own switch, and reaches public ones", async () => {
    const internal = await internalService();
    const dns = new StaticResolver({ "hook.test": "127.0.0.1" });
    const strict = createGuardedFetch(
      new NetworkPolicy({ allowPrivate: false, switchName: "ALLOW_PRIVATE_WEBHOOKS", lookup: dns.lookup }),
    );
    const error = await refusal(strict.fetch(`http://hook.test:${internal.port}/hook`, { method: "POST", body: "{}" }));
    expect((error as { cause?: unknown }).cause).toBeInstanceOf(PrivateAddressError);
    expect((error as { cause: Error }).cause.message).toMatch(
      /^refused: hook\.test resolves to a private address \(127\.0\.0\.1, loopback\); set ALLOW_PRIVATE_WEBHOOKS=1/,
    );
    await strict.close();
    const open = createGuardedFetch(
      new NetworkPolicy({ allowPrivate: true, switchName: "ALLOW_PRIVATE_WEBHOOKS", lookup: dns.lookup }),
    );
    expect((await open.fetch(`http://hook.test:${internal.port}/hook`, { method: "POST", body: "{}" })).status).toBe(
      200,
    );
    await open.close();
    expect(internal.requests).toEqual(["/hook"]);
  });
});
