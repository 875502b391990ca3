import { describe, expect, it } from "vitest";
import {
  AbortedError,
  BlockedError,
  FetchError,
  HttpStatusError,
  NetworkError,
  ResponseTooLargeError,
  RobotsDisallowedError,
  TimeoutError,
  TooManyRedirectsError,
} from "../../src/fetch/errors";
import type { FetcherOptions, RetryInfo } from "../../src/fetch/fetcher";
import { HttpFetcher } from "../../src/fetch/http-fetcher";
import { arrivals, board, boardReceived, gaps, track } from "./board-support";

function http(options: Partial<FetcherOptions> = {}): HttpFetcher {
  return track(
    new HttpFetcher({
      kind: "http",
      timeoutMillis: 5000,
      requestDelayMillis: 0,
      retryBaseDelayMillis: 10,
      retryMaxDelayMillis: 50,
      ...options,
    }),
  );
}

describe("HttpFetcher: the normal path", () => {
  it("fetches pages over a keep-alive connection, with our user agent, and reports it", async () => {
    const b = await board();
    const fetcher = http();
    const expected = b.expectedCards("ke-toan", 3);
    for (let page = 1; page <= 3; page++) {
      const res = await fetcher.fetch({ url: b.listingUrl("ke-toan", page), purpose: "listing" });
      expect(res.status).toBe(200);
      expect(res.attempts).toBe(1);
      expect(res.finalUrl).toBe(b.listingUrl("ke-toan", page));
      expect(res.headers["content-type"]).toBe("text/html; charset=UTF-8");
      for (const card of expected.filter((c) => c.page === page))
        expect(res.body).toContain(`data-job-id="${card.external_id}"`);
    }
    const log = b.stats();
    expect(log.requests.map((r) => r.kind)).toEqual(["robots", "listing", "listing", "listing"]);
    // the three pages share one connection (robots.txt may still hold its own when page 1 leaves)
    expect(new Set(log.requests.slice(1).map((r) => r.connection)).size).toBeLessThanOrEqual(2);
    expect(log.connections).toBeLessThanOrEqual(2);
    expect(log.requests[1]?.userAgent).toMatch(/^jobsync-bot\/[\d.]+ \(/);
    expect(fetcher.stats()).toMatchObject({ requests: 4, retries: 0, blocked: 0, robotsDisallowed: 0 });
    expect(fetcher.stats().bytes).toBeGreaterThan(0);
  });

  it("decodes br, gzip and deflate bodies", async () => {
    for (const encoding of ["br", "gzip", "deflate"] as const) {
      const b = await board({ compression: [encoding] });
      const res = await http().fetch({ url: b.listingUrl("ke-toan") });
      expect(b.stats().requests.at(-1)?.encoding).toBe(encoding);
      expect(res.bytes).toBeLessThan(Buffer.byteLength(res.body) / 2);
      expect(res.body).toContain('id="job-listing-paginate-text"');
    }
  });

  it("follows a redirect to the canonical URL", async () => {
    const b = await board();
    const card = b.expectedCards("ke-toan", 1)[0];
    if (!card) throw new Error("no card");
    const res = await http().fetch({ url: `${b.url}/viec-lam/old-slug/${card.external_id}.html` });
    expect(res.finalUrl).toBe(card.url);
    expect(b.stats().byRouteStatus.detail).toEqual({ "301": 1, "200": 1 });
  });

  it("decodes a windows-1258 page announced in the header or only in its <meta>", async () => {
    for (const declare of ["header", "meta"] as const) {
      const b = await board({ faults: [{ kind: "listing", type: "charset", declare }] });
      const res = await http().fetch({ url: b.listingUrl("ke-toan") });
      for (const card of b.expectedCards("ke-toan", 1))
        expect(res.body).toContain(`>${card.company.replace(/&/g, "&amp;")}<`);
      expect(res.body).toContain("Bạn sẽ không nhìn thấy tin tuyển dụng này");
    }
  });

  it("rejects bad URLs and bad options with precise errors", async () => {
    const fetcher = http();
    await expect(fetcher.fetch({ url: "not a url" })).rejects.toThrow('not a valid URL: "not a url"');
    await expect(fetcher.fetch({ url: "ftp://example.com/x" })).rejects.toThrow(/only http and https/);
    expect(() => new HttpFetcher({ kind: "http", timeoutMillis: 0, requestDelayMillis: 0 })).toThrow(
      /timeoutMillis must be an integer >= 1/,
    );
    expect(() => new HttpFetcher({ kind: "http", timeoutMillis: 10, requestDelayMillis: -1 })).toThrow(
      /requestDelayMillis/,
    );
    await fetcher.close();
    await fetcher.close();
    await expect(fetcher.fetch({ url: "http://127.0.0.1:9/" })).rejects.toThrow(/fetcher is closed/);
  });
});

describe("HttpFetcher: retries", () => {
  it("retries 5xx with backoff, counts them, tells onRetry, then succeeds", async () => {
    const b = await board({ faults: [{ kind: "listing", type: "status", status: 503, firstN: 2 }] });
    const seen: RetryInfo[] = [];
    const perRequest: RetryInfo[] = [];
    const fetcher = http({ onRetry: (info) => seen.push(info) });
    const res = await fetcher.fetch({ url: b.listingUrl("ke-toan"), onRetry: (info) => perRequest.push(info) });
    expect(res.attempts).toBe(3);
    expect(b.stats().byRouteStatus.listing).toEqual({ "503": 2, "200": 1 });
    expect(fetcher.stats().retries).toBe(2);
    expect(seen.map((s) => s.attempt)).toEqual([1, 2]);
    expect(perRequest).toEqual(seen);
    expect(seen[0]?.reason).toMatch(/HTTP 503/);
    for (const info of seen) expect(info.delayMs).toBeGreaterThanOrEqual(5);
  });

  it("gives up after maxRetries with HttpStatusError; never retries a 4xx", async () => {
    const b = await board({ faults: [{ kind: "listing", type: "status", status: 500 }] });
    const error = await http({ maxRetries: 2 })
      .fetch({ url: b.listingUrl("ke-toan") })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpStatusError);
    expect((error as HttpStatusError).status).toBe(500);
    expect(b.stats().byRoute.listing).toBe(3);
    const missing = await http()
      .fetch({ url: `${b.url}/nothing` })
      .catch((e: unknown) => e);
    expect(missing).toMatchObject({ name: "HttpStatusError", status: 404, retryable: false });
    expect(b.stats().byRoute.other).toBe(1);
  });

  it("retries connection resets and times out a server that never answers", async () => {
    const b = await board({ faults: [{ kind: "listing", type: "reset", firstN: 1 }] });
    expect((await http().fetch({ url: b.listingUrl("ke-toan") })).attempts).toBe(2);
    b.setFaults([{ kind: "listing", type: "hang" }]);
    const fetcher = http({ timeoutMillis: 150, maxRetries: 1 });
    await expect(fetcher.fetch({ url: b.listingUrl("ke-toan", 2) })).rejects.toBeInstanceOf(TimeoutError);
    expect(b.stats().requests.filter((r) => r.url.includes("page=2"))).toHaveLength(2);
  });

  it("reports a site that refuses connections as a NetworkError (robots.txt cannot be read either)", async () => {
    const b = await board();
    await b.setOffline(true);
    const error = await http({ maxRetries: 1 })
      .fetch({ url: b.listingUrl("ke-toan") })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).message).toMatch(/robots\.txt: ECONNREFUSED/);
  });

  it("honours a 429 Retry-After in seconds without spending a retry", async () => {
    const b = await board({ faults: [{ kind: "listing", type: "rate_limit", retryAfter: 1, firstN: 1 }] });
    const seen: RetryInfo[] = [];
    const fetcher = http({ maxRetries: 0, onRetry: (info) => seen.push(info) });
    const res = await fetcher.fetch({ url: b.listingUrl("ke-toan") });
    expect(res.attempts).toBe(2);
    expect(seen[0]).toMatchObject({ delayMs: 1000, reason: "HTTP 429, Retry-After 1 s" });
    const [limited, served] = b.stats().requests.filter((r) => r.kind === "listing");
    expect(limited?.status).toBe(429);
    expect(served?.status).toBe(200);
    expect((served?.at ?? 0) - (limited?.at ?? 0)).toBeGreaterThanOrEqual(990);
    expect(fetcher.stats()).toMatchObject({ retries: 0, rateLimitWaits: 1 });
  });

  it("honours a 429 Retry-After given as an HTTP date", async () => {
    const b = await board();
    b.setFaults([
      { kind: "listing", type: "rate_limit", retryAfter: new Date(Date.now() + 2000).toUTCString(), firstN: 1 },
    ]);
    const res = await http({ maxRetries: 0 }).fetch({ url: b.listingUrl("ke-toan") });
    expect(res.attempts).toBe(2);
    const times = arrivals(b, "listing");
    expect(gaps(times)[0]).toBeGreaterThanOrEqual(900);
  });

  it("caps Retry-After and bounds the number of 429 waits", async () => {
    const b = await board({ faults: [{ kind: "listing", type: "rate_limit", retryAfter: 3600 }] });
    const seen: RetryInfo[] = [];
    const fetcher = http({ maxRetryAfterMillis: 20, maxRateLimitWaits: 2, onRetry: (info) => seen.push(info) });
    const error = await fetcher.fetch({ url: b.listingUrl("ke-toan") }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "HttpStatusError", status: 429 });
    expect(seen.map((s) => s.delayMs)).toEqual([20, 20]);
    expect(b.stats().byRoute.listing).toBe(3);
  });
});

describe("HttpFetcher: per-host delay", () => {
  it("spaces request starts to one host by requestDelayMillis, also under concurrency", async () => {
    const b = await board({ pagesPerKeyword: 8 });
    const fetcher = http({ requestDelayMillis: 120 });
    await Promise.all(Array.from({ length: 6 }, (_, i) => fetcher.fetch({ url: b.listingUrl("ke-toan", i + 1) })));
    const times = arrivals(b); // robots.txt included: it is a request to the host too
    expect(times).toHaveLength(7);
    for (const gap of gaps(times)) expect(gap).toBeGreaterThanOrEqual(120);
  });

  it("does not delay requests to another host", async () => {
    const [one, two] = [await board(), await board()];
    const fetcher = http({ requestDelayMillis: 60_000 });
    // first request to each host goes at once (robots.txt): both robots files arrive without waiting a minute
    const pending = [one, two].map((b) => fetcher.fetch({ url: b.listingUrl("ke-toan") }).catch((e: unknown) => e));
    await boardReceived(one, "robots");
    await boardReceived(two, "robots");
    await fetcher.close(); // and closing cancels the waits for the next slot
    for (const outcome of await Promise.all(pending)) expect(outcome).toBeInstanceOf(AbortedError);
  });
});

describe("HttpFetcher: robots.txt", () => {
  it("reads robots.txt once per host and refuses what it disallows", async () => {
    const b = await board();
    const fetcher = http();
    await fetcher.fetch({ url: b.listingUrl("ke-toan", 1) });
    const error = await fetcher.fetch({ url: `${b.url}/ung-tuyen/123` }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RobotsDisallowedError);
    await Promise.all([2, 3].map((page) => fetcher.fetch({ url: b.listingUrl("ke-toan", page) })));
    expect(b.stats().byRoute).toEqual({ robots: 1, listing: 3 });
    expect(fetcher.stats().robotsDisallowed).toBe(1);
  });

  it("uses our own group, and obeys Allow over a shorter Disallow", async () => {
    const robotsTxt =
      "User-agent: *\nDisallow: /\n\nUser-agent: jobsync-bot\nDisallow: /tim-viec-lam-\nAllow: /tim-viec-lam-ke-toan\n";
    const b = await board({ robotsTxt });
    const fetcher = http();
    expect((await fetcher.fetch({ url: b.listingUrl("ke-toan") })).status).toBe(200);
    await expect(fetcher.fetch({ url: b.listingUrl("python-developer") })).rejects.toBeInstanceOf(
      RobotsDisallowedError,
    );
    const stranger = http({ userAgent: "otherbot/1.0" });
    await expect(stranger.fetch({ url: b.listingUrl("ke-toan") })).rejects.toBeInstanceOf(RobotsDisallowedError);
  });

  it("allows everything when robots.txt is 4xx, disallows everything when it is 5xx", async () => {
    const missing = await board({
      robotsTxt: "User-agent: *\nDisallow: /\n",
      faults: [{ kind: "robots", type: "status", status: 404 }],
    });
    expect((await http().fetch({ url: missing.listingUrl("ke-toan") })).status).toBe(200);
    const broken = await board({ faults: [{ kind: "robots", type: "status", status: 503 }] });
    const error = await http({ maxRetries: 1 })
      .fetch({ url: broken.listingUrl("ke-toan") })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RobotsDisallowedError);
    expect(broken.stats().byRoute).toEqual({ robots: 2 }); // retried once, and no page was fetched
  });

  it("can be switched off", async () => {
    const b = await board({ robotsTxt: "User-agent: *\nDisallow: /\n" });
    expect((await http({ respectRobotsTxt: false }).fetch({ url: b.listingUrl("ke-toan") })).status).toBe(200);
    expect(b.stats().byRoute.robots).toBeUndefined();
  });
});

describe("HttpFetcher: limits and blocks", () => {
  it("refuses a body over the size limit: declared, chunked, or a gzip bomb", async () => {
    const b = await board();
    const fetcher = http({ maxResponseBytes: 1_000_000, maxRetries: 0 });
    for (const framing of ["content-length", "chunked", "gzip"] as const) {
      b.setFaults([{ kind: "listing", type: "oversized", bytes: 12 * 1024 * 1024, framing }]);
      const error = await fetcher.fetch({ url: b.listingUrl("ke-toan") }).catch((e: unknown) => e);
      expect(error, framing).toBeInstanceOf(ResponseTooLargeError);
    }
    expect(fetcher.stats().bytes).toBeLessThan(3_000_000);
    b.setFaults([{ kind: "listing", type: "oversized", bytes: 900_000, framing: "gzip" }]);
    expect((await fetcher.fetch({ url: b.listingUrl("ke-toan") })).body).toHaveLength(900_000);
  });

  it("stops a redirect loop at the limit", async () => {
    const b = await board({ faults: [{ kind: "listing", type: "redirect_loop" }] });
    const error = await http({ maxRedirects: 3 })
      .fetch({ url: b.listingUrl("ke-toan") })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TooManyRedirectsError);
    expect(b.stats().byRoute.listing).toBe(4);
  });

  it("reports a challenge page as BlockedError, whatever its status, and never retries it", async () => {
    for (const status of [403, 429, 503, 200] as const) {
      const b = await board({ faults: [{ kind: "listing", type: "challenge", status }] });
      const fetcher = http();
      const error = await fetcher.fetch({ url: b.listingUrl("ke-toan") }).catch((e: unknown) => e);
      expect(error, String(status)).toBeInstanceOf(BlockedError);
      expect((error as BlockedError).reason).toMatch(/Cloudflare/);
      expect(b.stats().byRoute.listing).toBe(1);
      expect(fetcher.stats().blocked).toBe(1);
    }
  });
});

describe("HttpFetcher: cancellation", () => {
  it("rejects at once with an already-aborted signal, sending nothing", async () => {
    const b = await board();
    await expect(http().fetch({ url: b.listingUrl("ke-toan"), signal: AbortSignal.abort() })).rejects.toBeInstanceOf(
      AbortedError,
    );
    expect(b.stats().total).toBe(0);
  });

  it("aborts a request in flight (not reported as a timeout)", async () => {
    const b = await board({ faults: [{ kind: "listing", type: "hang" }] });
    const controller = new AbortController();
    const pending = http({ timeoutMillis: 60_000 }).fetch({ url: b.listingUrl("ke-toan"), signal: controller.signal });
    await boardReceived(b, "listing");
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(AbortedError);
  });

  it("aborts during a backoff sleep and during a per-host wait", async () => {
    const b = await board({ faults: [{ kind: "listing", type: "status", status: 500 }] });
    const sleeping = new AbortController();
    const slowRetry = http({ retryBaseDelayMillis: 60_000, retryMaxDelayMillis: 60_000 });
    const pending = slowRetry.fetch({ url: b.listingUrl("ke-toan"), signal: sleeping.signal });
    await boardReceived(b, "listing");
    sleeping.abort();
    await expect(pending).rejects.toBeInstanceOf(AbortedError);

    const waiting = new AbortController();
    const slowHost = http({ requestDelayMillis: 60_000 });
    const queued = slowHost.fetch({ url: b.listingUrl("ke-toan", 2), signal: waiting.signal });
    await boardReceived(b, "robots", 2); // robots.txt took the slot; the page now waits a minute
    waiting.abort();
    await expect(queued).rejects.toThrow(AbortedError);
    expect(b.stats().byRoute.listing).toBe(1);
  });

  it("is a FetchError hierarchy callers can rely on", () => {
    expect(new AbortedError("u")).toBeInstanceOf(FetchError);
    expect(new HttpStatusError("u", 503).retryable).toBe(true);
    expect(new HttpStatusError("u", 404).retryable).toBe(false);
  });
});
