import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { BrowserFetcher, type BrowserFetcherOptions } from "../../src/fetch/browser-fetcher";
import { processesWithMarker, processTree } from "../../src/fetch/browser-processes";
import { PrivateAddressError, ResponseTooLargeError, TimeoutError } from "../../src/fetch/errors";
import { NetworkPolicy } from "../../src/net/network-policy";
import { StaticResolver } from "../../src/net/static-resolver";
import { board, INTERNAL_SECRET, internalService, track } from "./board-support";

function browser(options: Partial<BrowserFetcherOptions> = {}): BrowserFetcher {
  return track(
    new BrowserFetcher({ kind: "browser", timeoutMillis: 15_000, requestDelayMillis: 0, maxRetries: 0, ...options }),
  );
}

/** Proportional set size (MB) of a set of processes, summed: shared pages divided among their sharers. */
function pssMb(pids: number[]): number {
  let kb = 0;
  for (const pid of pids) {
    try {
      kb += Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, "utf8"))?.[1] ?? 0);
    } catch {
      // gone
    }
  }
  return kb / 1024;
}

describe("browser fetcher: what a page's load tells", () => {
  it("uses a page whose HTML arrived although a script held its load, and says what happened when it did not", async () => {
    const b = await board();
    // a page whose only script never answers: domcontentloaded never comes
    b.setFaults([
      { kind: "listing", type: "inject", html: '<script src="/static/js/hold.js"></script>' },
      { path: "/static/js/hold.js", type: "hang" },
    ]);
    const fetcher = browser({ timeoutMillis: 2_000 });
    const res = await fetcher.fetch({ url: b.listingUrl("ke-toan", 1) });
    expect(res.status).toBe(200);
    for (const card of b.expectedCards("ke-toan", 1)) expect(res.body).toContain(`data-job-id="${card.external_id}"`);
    expect(b.stats().requests.map((r) => r.url)).toContain("/static/js/hold.js");

    // the server answers at once, then stops sending: a timeout, that says the server did answer
    b.setFaults([{ kind: "listing", type: "truncated", mode: "stall", keepFraction: 0.3 }]);
    const error = await fetcher.fetch({ url: b.listingUrl("ke-toan", 2) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toMatch(
      /did not load within 2 s: it answered HTTP 200 after \d\.\d s, but its HTML did not finish arriving$/,
    );
    // a server that never answers is still "no answer"
    b.setFaults([{ kind: "listing", type: "hang" }]);
    const silent = await fetcher.fetch({ url: b.listingUrl("ke-toan", 3) }).catch((e: unknown) => e);
    expect((silent as Error).message).toMatch(/^no answer from .* within 2 s$/);
  });

  it("does not let a style sheet that never answers hold the page: style sheets are blocked", async () => {
    const b = await board();
    b.setFaults([{ path: "/static/css/*", type: "hang" }]);
    const res = await browser({ timeoutMillis: 5_000 }).fetch({ url: b.listingUrl("ke-toan", 1) });
    expect(res.status).toBe(200);
    expect(b.stats().requests.filter((r) => r.url.startsWith("/static/css/"))).toEqual([]);
  });
});

describe("browser fetcher under the network policy (guard proxy)", () => {
  async function setup(allowPrivate: boolean) {
    const b = await board();
    const internal = await internalService();
    const dns = new StaticResolver({ "board.test": "127.0.0.1", "internal.test": "127.0.0.1", "six.test": "::1" });
    const network = new NetworkPolicy({
      allowPrivate,
      switchName: "ALLOW_PRIVATE_HOSTS",
      lookup: dns.lookup,
      exemptEndpoints: [`127.0.0.1:${b.port}`],
    });
    return {
      b,
      internal,
      fetcher: browser({ network, timeoutMillis: 8_000 }),
      boardUrl: `http://board.test:${b.port}`,
    };
  }

  /** A page whose own code reaches for internal addresses: fetch(), an iframe, a script, an image. */
  const reaching = (port: number) =>
    [
      `<script>fetch("http://127.0.0.1:${port}/fetch").catch(() => {});</script>`,
      `<script>fetch("http://six.test:${port}/fetch6").catch(() => {});</script>`,
      `<iframe src="http://internal.test:${port}/iframe"></iframe>`,
      `<script src="http://127.0.0.1:${port}/script.js"></script>`,
      `<script>new WebSocket("ws://127.0.0.1:${port}/ws");</script>`,
    ].join("");

  it("keeps a page's own requests off internal addresses and refuses a redirect into them", async () => {
    const { b, internal, fetcher, boardUrl } = await setup(false);
    b.setFaults([
      { kind: "listing", type: "inject", html: reaching(internal.port) },
      { path: "/go-internal", type: "redirect", location: `http://internal.test:${internal.port}/secret` },
      { path: "/go-literal", type: "redirect", location: `http://[::ffff:127.0.0.1]:${internal.port}/secret` },
    ]);
    const res = await fetcher.fetch({ url: `${boardUrl}/tim-viec-lam-ke-toan?type_keyword=1&page=1&sba=1` });
    expect(res.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 500)); // the page's scripts had their chance
    for (const path of ["/go-internal", "/go-literal"]) {
      const error = await fetcher.fetch({ url: `${boardUrl}${path}` }).catch((e: unknown) => e);
      expect(error, path).toBeInstanceOf(PrivateAddressError);
      expect((error as Error).message, path).toMatch(
        /^refused: (internal\.test resolves to|::ffff:7f00:1 is) a private address/,
      );
    }
    expect(internal.requests).toEqual([]);
  });

  it("lets all of it through with ALLOW_PRIVATE_HOSTS=1 (so the refusals are the policy's)", async () => {
    const { b, internal, fetcher, boardUrl } = await setup(true);
    b.setFaults([
      { kind: "listing", type: "inject", html: reaching(internal.port) },
      { path: "/go-internal", type: "redirect", location: `http://internal.test:${internal.port}/secret` },
    ]);
    await fetcher.fetch({ url: `${boardUrl}/tim-viec-lam-ke-toan?type_keyword=1&page=1&sba=1` });
    const reached = await fetcher.fetch({ url: `${boardUrl}/go-internal` });
    expect(reached.body).toContain(INTERNAL_SECRET);
    for (let i = 0; i < 50 && internal.requests.length < 5; i++) await new Promise((r) => setTimeout(r, 100));
    expect(new Set(internal.requests)).toEqual(new Set(["/fetch", "/iframe", "/script.js", "/secret", "/ws"]));
  });
});

describe("browser fetcher: an endless response", () => {
  it("stops it at the size cap while bytes arrive, keeps Chromium's memory bounded, and goes on", async () => {
    const b = await board();
    b.setFaults([{ kind: "listing", type: "endless" }]);
    const fetcher = browser({ timeoutMillis: 30_000, maxResponseBytes: 10 * 1024 * 1024 });
    await fetcher.start();
    let peak = 0;
    const sampler = setInterval(() => {
      peak = Math.max(peak, pssMb(processTree(processesWithMarker(fetcher.instanceId))));
    }, 50);
    const error = await fetcher.fetch({ url: b.listingUrl("ke-toan", 1) }).catch((e: unknown) => e);
    clearInterval(sampler);
    // the byte cap as bytes arrive, or the renderer's memory limit: whichever the page meets first (machine-dependent)
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect((error as Error).message).toMatch(/is larger than 10 MB$|needed more than 512 MB in the browser/);
    // the whole Chromium process tree (browser, zygotes, renderers, utilities), summed: was 1.9 GB for one renderer
    expect(peak).toBeGreaterThan(0);
    expect(peak).toBeLessThan(1024);
    b.setFaults([]);
    expect((await fetcher.fetch({ url: b.listingUrl("ke-toan", 2) })).status).toBe(200);
    console.info(`endless response: Chromium process tree peaked at ${Math.round(peak)} MB (PSS, summed)`);
  });
});
