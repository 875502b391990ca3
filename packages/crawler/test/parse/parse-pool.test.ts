import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { ParseError } from "../../src/adapters/adapter";
import { MAX_HTML_DEPTH } from "../../src/adapters/html-document";
import { PageTooComplexError } from "../../src/adapters/page-too-complex-error";
import { adapterFor } from "../../src/adapters/registry";
import { AbortedError, BlockedError } from "../../src/fetch/errors";
import { defaultParseThreads, ParsePool } from "../../src/parse/parse-pool";
import { createParsingAdapter, previewCssListingOffThread } from "../../src/parse/parsing-adapter";

const SAMPLES = new URL("../../../../../shared/samples/", import.meta.url);
const sample = (path: string) => readFileSync(new URL(path, SAMPLES), "utf8");
const LISTING_URL = "https://www.topcv.vn/tim-viec-lam-ke-toan?type_keyword=1&page=1&sba=1";
const deepPage = (depth: number) => `<!DOCTYPE html><html><body>${"<div>".repeat(depth)}deep</body></html>`;

/** The event loop's worst lag (ms) while `work` runs, sampled every 5 ms: what /healthz would wait. */
async function worstLag<T>(work: () => Promise<T>): Promise<{ value: T | unknown; lagMs: number }> {
  let last = performance.now();
  let lagMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    lagMs = Math.max(lagMs, now - last - 5);
    last = now;
  }, 5);
  const value = await work().catch((error: unknown) => error);
  clearInterval(timer);
  return { value, lagMs };
}

const pools: ParsePool[] = [];
const pool = (options: ConstructorParameters<typeof ParsePool>[0] = {}) => {
  const p = new ParsePool(options);
  pools.push(p);
  return p;
};
afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
});

describe("the pool's default size", () => {
  it("leaves a core to the calling thread, with 1 worker at least and 4 at most", () => {
    expect([1, 2, 3, 4, 5, 8, 64].map((cores) => defaultParseThreads(cores))).toEqual([1, 1, 2, 3, 4, 4, 4]);
    expect(new ParsePool().threads).toBe(defaultParseThreads());
  });
});

describe("parsing off the event loop", () => {
  it("gives the same answers as parsing in place, real TopCV and ITviec pages", async () => {
    const p = pool({ threads: 2 });
    const topcv = createParsingAdapter("topcv", {}, p);
    const listing = sample("topcv/listing-ke-toan-page1-of-112.html");
    expect(await topcv.parseListing(listing, LISTING_URL)).toEqual(
      adapterFor("topcv").parseListing(listing, LISTING_URL),
    );
    const detail = sample("topcv/detail-2100892-excerpt.html");
    const detailUrl = "https://www.topcv.vn/viec-lam/ke-toan/2100892.html";
    expect(await topcv.parseDetail?.(detail, detailUrl)).toEqual(adapterFor("topcv").parseDetail?.(detail, detailUrl));
    const itviec = createParsingAdapter("itviec", {}, p);
    const company = sample("itviec/company-jobs-page.html");
    const companyUrl = "https://itviec.com/companies/mb-bank";
    expect(await itviec.parseListing(company, companyUrl)).toEqual(
      adapterFor("itviec").parseListing(company, companyUrl),
    );
    // what stays on this thread is the adapter's own
    expect(topcv.listingTargets("https://www.topcv.vn", { search_keywords: ["ke-toan"], max_pages: 2 })).toHaveLength(
      1,
    );
  });

  it("fails 100,000- and 250,000-deep pages as too complex at once, the event loop free all along", async () => {
    const topcv = createParsingAdapter("topcv", {}, pool());
    await topcv.parseListing(sample("topcv/listing-ke-toan-page112-last.html"), LISTING_URL); // a warm worker
    for (const depth of [100_000, 250_000]) {
      const { value, lagMs } = await worstLag(() => topcv.parseListing(deepPage(depth), "https://evil.test/deep"));
      expect(value, `${depth}`).toBeInstanceOf(PageTooComplexError);
      expect((value as Error).message).toBe(
        `page too complex (more than ${MAX_HTML_DEPTH} nested elements) (https://evil.test/deep)`,
      );
      expect(value).toBeInstanceOf(ParseError); // a page error: the sync goes on
      // the old failure was a 28 s stall; a shared machine's scheduler alone can add up to a second
      expect(lagMs, `event loop lag while a ${depth}-deep page was parsed`).toBeLessThan(5000);
    }
    // in place too, the depth limit answers before the parser's cost grows with depth
    expect(() => adapterFor("topcv").parseListing(deepPage(250_000), "https://evil.test/deep")).toThrow(
      /^page too complex \(more than 1000 nested elements\)$/,
    );
  });

  it("stops a page past the time budget by replacing its worker, and parses the next one", async () => {
    const p = pool({ threads: 1, budgetMillis: 5 });
    const topcv = createParsingAdapter("topcv", {}, p);
    const listing = sample("topcv/listing-ke-toan-page1-of-112.html");
    const error = await topcv.parseListing(listing, LISTING_URL).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PageTooComplexError);
    expect((error as Error).message).toBe(`page too complex (still parsing after 0.005 s) (${LISTING_URL})`);
    expect(p.replaced).toBe(1);
    const roomy = createParsingAdapter("topcv", {}, pool({ threads: 1 }));
    expect((await roomy.parseListing(listing, LISTING_URL)).cards).toHaveLength(50);
  });

  it("hands back the parser's own errors: ParseError with the URL, BlockedError with the reason", async () => {
    const topcv = createParsingAdapter("topcv", {}, pool());
    const notListing = await topcv.parseListing("<html><body>hello</body></html>", "https://x.test/p").catch((e) => e);
    expect(notListing).toBeInstanceOf(ParseError);
    expect((notListing as ParseError).url).toBe("https://x.test/p");
    expect((notListing as Error).message).toMatch(/^not a TopCV listing page: .*\(https:\/\/x\.test\/p\)$/);
    const challenge = await topcv
      .parseListing(sample("topcv/cloudflare-challenge-excerpt.html"), LISTING_URL)
      .catch((e: unknown) => e);
    expect(challenge).toBeInstanceOf(BlockedError);
    expect((challenge as BlockedError).reason).toBe(
      (() => {
        try {
          adapterFor("topcv").parseListing(sample("topcv/cloudflare-challenge-excerpt.html"), LISTING_URL);
        } catch (e) {
          return (e as BlockedError).reason;
        }
        return null;
      })(),
    );
  });

  it("runs Test selectors' preview there too, and drops a queued page whose sync was cancelled", async () => {
    const p = pool({ threads: 1 });
    const html = '<ul><li class="job"><a href="/j/1">Kế toán</a></li><li class="job"><a href="/j/2">Dev</a></li></ul>';
    const config = {
      start_urls: ["/jobs"],
      selectors: { card: "li.job", title: "a", link: "a" },
      fetcher: "http",
      timeout: 10,
      request_delay: 0,
      max_pages: 1,
      max_jobs: 10,
      fetch_details: false,
    };
    const preview = await previewCssListingOffThread(html, "https://board.test/jobs", config as never, 50, p);
    expect(preview.cards.map((c) => c.title)).toEqual(["Kế toán", "Dev"]);
    const busy = p.run({
      op: "css-preview",
      config: config as never,
      body: html,
      url: "https://board.test/a",
      maxCards: 5,
    });
    const controller = new AbortController();
    const queued = p.run(
      { op: "css-preview", config: config as never, body: html, url: "https://board.test/b", maxCards: 5 },
      controller.signal,
    );
    controller.abort();
    await expect(queued).rejects.toBeInstanceOf(AbortedError);
    await expect(busy).resolves.toBeTruthy();
  });
});
