import { describe, expect, it } from "vitest";
import type { CoveredPage, CrawlBatch, CrawlCheckpoint } from "../../src/crawl/crawl-events";
import type { CrawlStreamOptions } from "../../src/crawl/crawl-options";
import { crawlStream } from "../../src/crawl/crawl-stream";
import { board, fetcher, firstUnique, listingPages, targets, tinyAdapter } from "./crawl-support";

type RunOptions = Partial<CrawlStreamOptions> & { keywords?: string[]; maxPages?: number };

async function stream(b: Awaited<ReturnType<typeof board>>, overrides: RunOptions = {}) {
  const batches: CrawlBatch[] = [];
  const { keywords = ["ke-toan", "python-developer"], maxPages = 4, ...rest } = overrides;
  const result = await crawlStream({
    adapter: tinyAdapter(),
    fetcher: fetcher(),
    targets: targets(b, keywords, maxPages),
    maxJobs: 1000,
    concurrency: 3,
    fetchDetails: true,
    onBatch: async (batch) => {
      batches.push(batch);
    },
    ...rest,
  });
  return { result, batches };
}

/** What a caller stores after each saved batch, folded into the checkpoint a resume gets. */
function checkpointOf(batches: CrawlBatch[]): CrawlCheckpoint {
  return {
    pages: batches.flatMap((b) => b.pages),
    itemIds: new Set(batches.flatMap((b) => b.items.map((i) => i.card.external_id))),
    detailUrls: new Set(batches.flatMap((b) => b.detailUrls)),
  };
}

const ids = (batches: CrawlBatch[]) => batches.flatMap((b) => b.items.map((i) => i.card.external_id));

describe("crawlStream: batches", () => {
  it("hands the postings on in order, one listing page at a time, split at batchSize, every page covered once", async () => {
    const b = await board({ pagesPerKeyword: 3, cardsPerPage: 10 });
    const { result, batches } = await stream(b, { batchSize: 4 });
    const expected = firstUnique(b, ["ke-toan", "python-developer"], 4, 1000).map((c) => c.external_id);
    expect(ids(batches)).toEqual(expected);
    expect(batches.map((x) => x.seq)).toEqual(batches.map((_x, i) => i));
    expect(batches.every((x) => x.items.length <= 4)).toBe(true);
    // every batch holds the cards of one listing page; a page's covering comes with its last batch
    for (const batch of batches) expect(new Set(batch.items.map((i) => `${i.target} ${i.page}`)).size).toBeLessThan(2);
    const covered = batches.flatMap((x) => x.pages.map((p) => `${p.target} ${p.page}`));
    expect(covered).toEqual([
      "ke-toan 1",
      "ke-toan 2",
      "ke-toan 3",
      "python-developer 1",
      "python-developer 2",
      "python-developer 3",
    ]);
    // each item's detail page was read before its batch went out, and is listed with it
    for (const batch of batches) {
      expect(batch.detailUrls).toEqual(batch.items.map((i) => i.card.url));
      expect(batch.items.every((i) => i.detail?.title)).toBe(true);
    }
    expect(result.itemsEmitted).toBe(expected.length);
    expect(result.targets).toEqual([
      { target: "ke-toan", totalPages: 3, maxPages: 4, pagesRead: 3 },
      { target: "python-developer", totalPages: 3, maxPages: 4, pagesRead: 3 },
    ]);
  });

  it("waits for the consumer: a slow consumer holds the crawl back instead of piling pages up in memory", async () => {
    const b = await board({ pagesPerKeyword: 12, cardsPerPage: 5 });
    let release: () => void = () => {};
    let consumed = 0;
    const maxAhead: number[] = [];
    const done = stream(b, {
      keywords: ["ke-toan"],
      maxPages: 12,
      fetchDetails: false,
      onBatch: async () => {
        consumed++;
        if (consumed === 1) await new Promise<void>((resolve) => (release = resolve));
      },
    });
    // while the first batch is not taken, the crawl reads at most its window ahead, never the whole search
    await new Promise((resolve) => setTimeout(resolve, 500));
    maxAhead.push(b.stats().byRoute.listing ?? 0);
    release();
    const { result } = await done;
    expect(result.itemsEmitted).toBe(60);
    expect(maxAhead[0]).toBeLessThanOrEqual(12);
  });

  it("stops when the consumer fails, and says why", async () => {
    const b = await board({ pagesPerKeyword: 6 });
    await expect(
      stream(b, {
        onBatch: async (batch) => {
          if (batch.seq === 2) throw new Error("disk full");
        },
      }),
    ).rejects.toThrow("disk full");
    expect(b.stats().byRoute.listing ?? 0).toBeLessThan(12);
  });

  it("records failed and empty pages on the next batch, so a checkpoint holds every page read", async () => {
    const b = await board({ pagesPerKeyword: 3, cardsPerPage: 10 });
    b.setFaults([{ path: "/tim-viec-lam-gone", type: "status", status: 404 }]);
    const holed = {
      label: "holed",
      maxPages: 3,
      pageUrl: (page: number) => (page === 2 ? b.listingUrl("gone", 2) : b.listingUrl("ke-toan", page)),
    };
    // the second search lists the same postings again: its pages hand nothing on, but they are read and covered
    const again = { ...targets(b, ["ke-toan"], 3)[0]!, label: "again" };
    const { batches, result } = await stream(b, { targets: [holed, again], fetchDetails: false });
    const pages = batches.flatMap((x) => x.pages.map((p) => `${p.target} ${p.page} ${p.outcome}`));
    expect(pages).toEqual([
      "holed 1 fetched",
      "holed 2 failed",
      "holed 3 fetched",
      "again 1 fetched",
      "again 2 fetched",
      "again 3 fetched",
    ]);
    expect(result.pagesFailed).toBe(1);
    // the last batch carries only covered pages
    expect(batches.at(-1)?.items).toEqual([]);
  });
});

describe("crawlStream: targets that end early", () => {
  it("a search stopped by the incremental rule hands on the next search's pages, in order", async () => {
    const b = await board({ pagesPerKeyword: 4, cardsPerPage: 10 });
    const known = new Set(b.expectedCards("ke-toan").map((c) => c.external_id));
    const { batches, result } = await stream(b, {
      keywords: ["ke-toan", "sales"],
      fetchDetails: false,
      concurrency: 4,
      stopAfterKnownPages: 1,
      knownIds: async (ids) => new Set(ids.filter((id) => known.has(id))),
    });
    const pages = batches.flatMap((x) => x.pages.map((p) => `${p.target} ${p.page}`));
    expect(pages).toEqual(["ke-toan 1", "sales 1", "sales 2", "sales 3", "sales 4"]);
    const seen = new Set<string>();
    const expected = [...b.expectedCards("ke-toan", 1), ...b.expectedCards("sales", 4)]
      .filter((c) => !seen.has(c.external_id) && seen.add(c.external_id))
      .map((c) => c.external_id);
    expect(ids(batches)).toEqual(expected);
    expect(result.itemsEmitted).toBe(expected.length);
  });
});

describe("crawlStream: resume from a checkpoint", () => {
  it("restores covered pages and handed-on postings instead of fetching them again, and ends with the same postings", async () => {
    const b = await board({ pagesPerKeyword: 5, cardsPerPage: 10 });
    const keywords = ["ke-toan", "python-developer"];
    const full = firstUnique(b, keywords, 5, 1000).map((c) => c.external_id);
    // attempt 1 dies after its third batch was stored
    const first: CrawlBatch[] = [];
    await expect(
      stream(b, {
        keywords,
        maxPages: 5,
        batchSize: 4,
        concurrency: 1,
        onBatch: async (batch) => {
          if (batch.seq === 3) throw new Error("worker killed");
          first.push(batch);
        },
      }),
    ).rejects.toThrow("worker killed");
    const savedIds = new Set(ids(first));
    const savedDetails = new Set(first.flatMap((x) => x.detailUrls));
    b.resetStats();
    const { batches, result } = await stream(b, {
      keywords,
      maxPages: 5,
      batchSize: 4,
      checkpoint: checkpointOf(first),
    });
    // together the two attempts handed on every posting exactly once, in order
    expect([...ids(first), ...ids(batches)]).toEqual(full);
    // page 1 of ke-toan was covered (all its batches stored): not fetched again; page 2 was only partly stored
    const listings = listingPages(b);
    expect(listings).not.toContain("ke-toan 1");
    expect(listings).toContain("ke-toan 2");
    const details = b
      .stats()
      .requests.filter((r) => r.kind === "detail")
      .map((r) => `${b.url}${r.url}`);
    for (const url of details) expect(savedDetails.has(url)).toBe(false);
    expect(result.pagesRestored).toBe(1);
    for (const id of ids(batches)) expect(savedIds.has(id)).toBe(false);
  });

  it("counts restored postings towards maxJobs", async () => {
    const b = await board({ pagesPerKeyword: 5, cardsPerPage: 10 });
    const first: CrawlBatch[] = [];
    await expect(
      stream(b, {
        keywords: ["ke-toan"],
        maxPages: 5,
        maxJobs: 25,
        fetchDetails: false,
        concurrency: 1,
        onBatch: async (batch) => {
          if (batch.seq === 1) throw new Error("stop");
          first.push(batch);
        },
      }),
    ).rejects.toThrow("stop");
    const { batches, result } = await stream(b, {
      keywords: ["ke-toan"],
      maxPages: 5,
      maxJobs: 25,
      fetchDetails: false,
      checkpoint: checkpointOf(first),
    });
    expect(ids(first).length + ids(batches).length).toBe(25);
    expect(result.stoppedBecause).toBe("max_jobs");
  });

  it("does not try again a page the checkpoint recorded as failed", async () => {
    const b = await board({ pagesPerKeyword: 2, cardsPerPage: 5 });
    const failed: CoveredPage = {
      url: b.listingUrl("ke-toan", 1),
      target: "ke-toan",
      page: 1,
      outcome: "failed",
      totalPages: null,
      last: false,
      keptIds: [],
    };
    const { batches } = await stream(b, {
      keywords: ["ke-toan", "sales"],
      fetchDetails: false,
      checkpoint: { pages: [failed], itemIds: new Set(), detailUrls: new Set() },
    });
    expect(listingPages(b)).toEqual(["sales 1", "sales 2"]);
    expect(ids(batches)).toEqual(b.expectedCards("sales").map((c) => c.external_id));
  });
});

describe("crawlStream: cancel", () => {
  it("hands on every page whose details were read before the cancel; only the page in flight is lost", async () => {
    const b = await board({ pagesPerKeyword: 6, cardsPerPage: 5 });
    b.setFaults([{ kind: "detail", type: "latency", ms: 30 }]);
    const controller = new AbortController();
    const batches: CrawlBatch[] = [];
    const { result } = await stream(b, {
      keywords: ["ke-toan"],
      maxPages: 6,
      concurrency: 2,
      signal: controller.signal,
      onBatch: async (batch) => {
        batches.push(batch);
        if (batch.seq === 1) controller.abort();
      },
    });
    expect(result.stoppedBecause).toBe("cancelled");
    expect(batches.length).toBeGreaterThanOrEqual(2);
    expect(batches.every((x) => x.items.every((i) => i.detail !== null))).toBe(true);
    expect(ids(batches)).toEqual(
      b
        .expectedCards("ke-toan")
        .slice(0, ids(batches).length)
        .map((c) => c.external_id),
    );
  });
});
