import { type FixtureBoard, startFixtureBoard } from "@jobsync/fixture-board";
import { describe, expect, it } from "vitest";
import type { ListingTarget } from "../../src/adapters/adapter";
import type { CrawlEvent } from "../../src/crawl/crawl-events";
import { type CrawlListingsOptions, crawlListings } from "../../src/crawl/crawl-listings";
import { board, fetcher, firstUnique, listingPages, open, targets, tinyAdapter } from "./crawl-support";

function run(
  b: FixtureBoard,
  overrides: Partial<CrawlListingsOptions> & { keywords?: string[]; maxPages?: number } = {},
) {
  const events: CrawlEvent[] = [];
  const { keywords = ["ke-toan", "python-developer"], maxPages = 5, ...rest } = overrides;
  const promise = crawlListings({
    adapter: tinyAdapter(),
    fetcher: fetcher(),
    targets: targets(b, keywords, maxPages),
    maxJobs: 1000,
    concurrency: 3,
    fetchDetails: false,
    onEvent: (e) => events.push(e),
    ...rest,
  });
  return { promise, events };
}

describe("crawlListings: pagination", () => {
  it("reads page 1 of every target, then pages 2..min(maxPages, total), and keeps every unique card in order", async () => {
    const b = await board({ pagesPerKeyword: (k) => (k === "ke-toan" ? 3 : 7) });
    const { promise, events } = run(b, { maxPages: 5 });
    const result = await promise;
    expect(result.stoppedBecause).toBe("completed");
    expect(result.pagesPlanned).toBe(3 + 5);
    expect(result.pagesFetched).toBe(8);
    expect(result.pagesFailed).toBe(0);
    expect(result.errors).toEqual([]);
    const expected = firstUnique(b, ["ke-toan", "python-developer"], 5, 1000);
    expect(result.items.map((i) => i.card.external_id)).toEqual(expected.map((c) => c.external_id));
    expect(result.items.map((i) => `${i.target} ${i.page}`)).toEqual(expected.map((c) => `${c.keyword} ${c.page}`));
    expect(result.cardsSeen).toBe(b.expectedCards("ke-toan", 5).length + b.expectedCards("python-developer", 5).length);
    // page 1 of both searches before any page 2; no page past the last, none past maxPages
    const order = listingPages(b);
    expect(order.slice(0, 2).sort()).toEqual(["ke-toan 1", "python-developer 1"]);
    expect(order).not.toContain("ke-toan 4");
    expect(order).not.toContain("python-developer 6");
    const planned = events.filter((e) => e.type === "target_planned");
    expect(planned.map((e) => e.type === "target_planned" && [e.target, e.totalPages, e.plannedPages])).toEqual(
      expect.arrayContaining([
        ["ke-toan", 3, 3],
        ["python-developer", 7, 5],
      ]),
    );
    const fetched = events.filter((e) => e.type === "page_fetched");
    expect(fetched).toHaveLength(8);
    expect(fetched.at(-1)).toMatchObject({ pagesFetched: 8, pagesPlanned: 8 });
  });

  it("stops a target at the first page without cards when the board gives no page count", async () => {
    const b = await board({ pagesPerKeyword: 2 });
    const { promise } = run(b, {
      adapter: tinyAdapter({ ignorePagination: true }),
      keywords: ["ke-toan"],
      maxPages: 10,
      concurrency: 1,
    });
    const result = await promise;
    expect(result.stoppedBecause).toBe("completed");
    expect(listingPages(b)).toEqual(["ke-toan 1", "ke-toan 2", "ke-toan 3"]);
    expect(result.pagesPlanned).toBe(3);
    expect(result.items).toHaveLength(b.expectedCards("ke-toan").length);
  });

  it("counts a posting listed under two keywords once, under the first", async () => {
    const b = await board({ pagesPerKeyword: 3 });
    const result = await run(b, { keywords: ["java-developer", "javascript-developer"] }).promise;
    const ids = result.items.map((i) => i.card.external_id);
    expect(new Set(ids).size).toBe(ids.length);
    const java = new Set(b.expectedCards("java-developer").map((c) => c.external_id));
    const shared = b.expectedCards("javascript-developer").filter((c) => java.has(c.external_id));
    expect(shared.length).toBeGreaterThan(0);
    for (const card of shared)
      expect(result.items.find((i) => i.card.external_id === card.external_id)?.target).toBe("java-developer");
    expect(result.cardsSeen - result.items.length).toBe(shared.length);
  });
});

describe("crawlListings: maxJobs", () => {
  it("stops once maxJobs unique cards are known, keeping the same first cards under any concurrency", async () => {
    const b = await board({
      pagesPerKeyword: 6,
      seed: 5,
      faults: [{ kind: "listing", type: "latency", ms: 40, probability: 0.5 }],
    });
    const keywords = ["ke-toan", "python-developer", "sales"];
    const expected = firstUnique(b, keywords, 6, 25).map((c) => c.external_id);
    for (const concurrency of [1, 4]) {
      b.resetStats();
      const result = await run(b, { keywords, maxPages: 6, maxJobs: 25, concurrency }).promise;
      expect(result.stoppedBecause).toBe("max_jobs");
      expect(result.items.map((i) => i.card.external_id)).toEqual(expected);
      expect(result.pagesFetched).toBeLessThan(result.pagesPlanned);
    }
    // with one request at a time nothing is fetched past the cut: page 1 of each search, then ke-toan 2 and 3
    const sequential = await startFixtureBoard({ pageWeightBytes: 0, cardsPerPage: 10, pagesPerKeyword: 6, seed: 5 });
    open.push(sequential);
    await run(sequential, { keywords, maxPages: 6, maxJobs: 25, concurrency: 1 }).promise;
    expect(listingPages(sequential)).toEqual(["ke-toan 1", "python-developer 1", "sales 1", "ke-toan 2", "ke-toan 3"]);
  });

  it("validates its options", async () => {
    const b = await board();
    await expect(run(b, { maxJobs: 0 }).promise).rejects.toThrow("maxJobs must be an integer >= 1, got 0");
    await expect(run(b, { concurrency: 1.5 }).promise).rejects.toThrow(/concurrency must be an integer/);
    await expect(run(b, { maxPages: 0 }).promise).rejects.toThrow(
      'targets[0] ("ke-toan"): maxPages must be an integer >= 1, got 0',
    );
  });
});

describe("crawlListings: failures", () => {
  it("records a failed page with its kind and goes on", async () => {
    const b = await board({ pagesPerKeyword: 3 });
    b.setFaults([
      { path: "/tim-viec-lam-ke-toan", type: "status", status: 404, firstN: 1 },
      { kind: "listing", type: "status", status: 503, firstN: 1 },
    ]);
    const { promise, events } = run(b, { keywords: ["ke-toan", "sales"], concurrency: 1 });
    const result = await promise;
    expect(result.stoppedBecause).toBe("completed");
    // ke-toan page 1 answered 404 (not retried): that search is lost; sales went on after a retry per page
    expect(result.pagesFailed).toBe(1);
    expect(result.errors).toEqual([
      {
        url: b.listingUrl("ke-toan", 1),
        message: `HTTP 404 from ${b.listingUrl("ke-toan", 1)}`,
        kind: "http",
        phase: "listing",
      },
    ]);
    expect(result.pagesFetched).toBe(3);
    expect(result.items.map((i) => i.card.external_id)).toEqual(b.expectedCards("sales").map((c) => c.external_id));
    expect(events.filter((e) => e.type === "retry")).toHaveLength(3);
    expect(events.find((e) => e.type === "page_failed")).toMatchObject({ target: "ke-toan", page: 1, kind: "http" });
  });

  it("records parse errors and timeouts as such", async () => {
    const b = await board({ pagesPerKeyword: 2 });
    b.setFaults([{ kind: "listing", type: "truncated", keepFraction: 0.005, firstN: 3 }]);
    const result = await run(b, { keywords: ["ke-toan"], concurrency: 1, fetcher: fetcher({ maxRetries: 0 }) }).promise;
    expect(result.errors.map((e) => e.kind)).toEqual(["parse"]);
    b.setFaults([{ kind: "listing", type: "hang" }]);
    const timedOut = await run(b, { keywords: ["sales"], fetcher: fetcher({ timeoutMillis: 100, maxRetries: 0 }) })
      .promise;
    expect(timedOut.errors.map((e) => e.kind)).toEqual(["timeout"]);
    expect(timedOut.stoppedBecause).toBe("completed");
  });

  it("stops as blocked when page 1 of every search is a challenge", async () => {
    const b = await board({ pagesPerKeyword: 3, faults: [{ kind: "listing", type: "challenge" }] });
    const { promise, events } = run(b, { keywords: ["ke-toan", "sales"], maxConsecutiveBlocks: 10 });
    const result = await promise;
    expect(result.stoppedBecause).toBe("blocked");
    expect(result.errors.map((e) => e.kind)).toEqual(["blocked", "blocked"]);
    expect(b.stats().byRoute.listing).toBe(2);
    expect(events.find((e) => e.type === "stopped")).toMatchObject({
      type: "stopped",
      reason: "blocked",
      message: "page 1 of every search is blocked",
    });
  });

  it("stops as blocked after N blocked pages in a row, keeping what it had", async () => {
    const b = await board({ pagesPerKeyword: 8 });
    b.setFaults([{ path: "/tim-viec-lam-walled", type: "challenge" }]);
    // page 1 is readable, every further page hits the wall
    const walled: ListingTarget = {
      label: "ke-toan",
      maxPages: 8,
      pageUrl: (page) => (page === 1 ? b.listingUrl("ke-toan", 1) : b.listingUrl("walled", page)),
    };
    const result = await run(b, { targets: [walled], concurrency: 1, maxConsecutiveBlocks: 3 }).promise;
    expect(result.stoppedBecause).toBe("blocked");
    expect(result.pagesFailed).toBe(3);
    expect(result.items.map((i) => i.card.external_id)).toEqual(
      b.expectedCards("ke-toan", 1).map((c) => c.external_id),
    );
  });
});

describe("crawlListings: cancellation", () => {
  it("stops promptly when cancelled, aborting requests in flight, and returns what it has", async () => {
    const b = await board({ pagesPerKeyword: 5 });
    b.setFaults([{ kind: "listing", type: "hang", path: "/tim-viec-lam-sales" }]);
    const controller = new AbortController();
    const events: CrawlEvent[] = [];
    const promise = crawlListings({
      adapter: tinyAdapter(),
      fetcher: fetcher({ timeoutMillis: 120_000 }),
      targets: targets(b, ["ke-toan", "sales"], 5),
      maxJobs: 1000,
      concurrency: 2,
      fetchDetails: false,
      signal: controller.signal,
      onEvent: (e) => {
        events.push(e);
        if (e.type === "page_fetched" && e.pagesFetched === 3) controller.abort();
      },
    });
    const result = await promise;
    expect(result.stoppedBecause).toBe("cancelled");
    expect(result.pagesFetched).toBe(3);
    expect(result.errors).toEqual([]); // cancelled requests are not failures
    expect(result.items.length).toBe(30);
    expect(events.filter((e) => e.type === "stopped")).toEqual([
      { type: "stopped", reason: "cancelled", message: "the sync job was cancelled" },
    ]);
  });

  it("returns at once when the signal is already aborted", async () => {
    const b = await board();
    const result = await run(b, { signal: AbortSignal.abort() }).promise;
    expect(result).toMatchObject({ stoppedBecause: "cancelled", pagesFetched: 0, items: [] });
    expect(b.stats().total).toBe(0);
  });
});

describe("crawlListings: detail pages", () => {
  it("fetches each kept card's detail page with the same concurrency, recording failures and gone postings", async () => {
    const b = await board({ pagesPerKeyword: 2 });
    const cards = b.expectedCards("ke-toan");
    const broken = cards[3];
    const gone = cards[5];
    if (!broken || !gone) throw new Error("no card");
    b.setFaults([
      { path: new URL(broken.url).pathname, type: "status", status: 500 },
      { path: new URL(gone.url).pathname, type: "status", status: 410 },
    ]);
    const { promise, events } = run(b, { keywords: ["ke-toan"], maxJobs: 12, fetchDetails: true });
    const result = await promise;
    expect(result.stoppedBecause).toBe("max_jobs");
    expect(result.items).toHaveLength(12);
    expect(result.detailsFetched).toBe(10);
    expect(result.detailsFailed).toBe(1);
    for (const item of result.items) {
      if (item.card.external_id === broken.external_id || item.card.external_id === gone.external_id) {
        expect(item.detail).toBeNull();
      } else expect(item.detail?.title).toBe(b.posting(item.card.external_id).title);
    }
    // a posting whose page answers 410 is gone, not an error: the item says why
    expect(result.items.find((i) => i.card.external_id === gone.external_id)?.gone).toBe("the page answers HTTP 410");
    expect(result.items.filter((i) => i.gone)).toHaveLength(1);
    expect(result.errors).toEqual([
      { url: broken.url, message: `HTTP 500 from ${broken.url}`, kind: "http", phase: "detail" },
    ]);
    expect(b.stats().byRoute.detail).toBe(13); // the 500 was retried once
    expect(events.filter((e) => e.type === "detail_gone")).toHaveLength(1);
    expect(events.filter((e) => e.type === "detail_fetched").at(-1)).toMatchObject({ total: 12 });
  });

  it("skips detail pages when not asked, and for cards that carry their detail", async () => {
    const b = await board({ pagesPerKeyword: 1 });
    const adapter = tinyAdapter();
    const withDetail = {
      ...adapter,
      parseListing: (body: string, url: string) => {
        const page = adapter.parseListing(body, url);
        return {
          ...page,
          cards: page.cards.map((c) => ({
            ...c,
            detail: adapter.parseDetail("<h1 class=job-detail__info--title>inline</h1>", c.url),
          })),
        };
      },
    };
    const result = await run(b, { keywords: ["ke-toan"], adapter: withDetail, fetchDetails: true }).promise;
    expect(result.items.every((i) => i.detail?.title === "inline")).toBe(true);
    expect(b.stats().byRoute.detail).toBeUndefined();
    const plain = await run(b, { keywords: ["ke-toan"], fetchDetails: false }).promise;
    expect(plain.items.every((i) => i.detail === null)).toBe(true);
    expect(b.stats().byRoute.detail).toBeUndefined();
  });
});
