import { topcvConfigSchema } from "@jobsync/contracts";
import { type FixtureBoard, startFixtureBoard } from "@jobsync/fixture-board";
import { load } from "cheerio";
import { afterEach, describe, expect, it } from "vitest";
import { adapterFor } from "../../src/adapters";
import type { CrawlItem } from "../../src/crawl/crawl-events";
import { crawlListings } from "../../src/crawl/crawl-listings";
import { BrowserFetcher } from "../../src/fetch/browser-fetcher";
import type { Fetcher } from "../../src/fetch/fetcher";
import { HttpFetcher } from "../../src/fetch/http-fetcher";

/** The real TopCV adapter against the fixture board: what is crawled must equal exactly what was served. */
const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((x) => x.close()));
});

/** The text of an HTML fragment, whitespace removed: serialisers differ (quotes, entities), the content must not. */
const squash = (html: string | null) =>
  load(html ?? "")
    .text()
    .replace(/\s+/g, "");

function expectServed(board: FixtureBoard, keywords: string[], maxPages: number, maxJobs: number, items: CrawlItem[]) {
  const seen = new Set<string>();
  const expected = keywords
    .flatMap((k) => board.expectedCards(k, maxPages))
    .filter((c) => !seen.has(c.external_id) && seen.add(c.external_id))
    .slice(0, maxJobs);
  expect(items.map((i) => i.card.external_id)).toEqual(expected.map((c) => c.external_id));
  items.forEach((item, i) => {
    const card = expected[i];
    if (!card) throw new Error("more items than expected");
    const {
      external_id,
      url,
      title,
      company,
      company_url,
      salary_text,
      location_text,
      experience,
      tags,
      logo_url,
      updated_label,
    } = card;
    expect(item.card).toMatchObject({
      external_id,
      url,
      title,
      company,
      company_url,
      salary_text,
      location_text,
      experience,
      tags,
      logo_url,
      updated_label,
    });
    expect(`${item.target} ${item.page}`).toBe(`${card.keyword} ${card.page}`);
  });
}

function expectDetails(board: FixtureBoard, items: CrawlItem[]) {
  for (const item of items) {
    const posting = board.posting(item.card.external_id);
    const detail = item.detail;
    if (!detail) throw new Error(`no detail for ${item.card.url}`);
    expect(detail).toMatchObject({
      title: posting.title,
      salary_text: posting.salary_text,
      locations: posting.locations,
      experience: posting.experience,
      level: posting.level,
      deadline_text: posting.deadline_text,
      tags: posting.tags,
      company_name: posting.company,
      company_size: posting.company_size,
    });
    expect(squash(detail.description_html)).toContain(squash(posting.description_html));
    expect(squash(detail.requirements_html)).toContain(squash(posting.requirements_html));
  }
}

async function crawl(board: FixtureBoard, fetcher: Fetcher, input: Record<string, unknown>) {
  const adapter = adapterFor("topcv");
  const config = topcvConfigSchema.parse(input);
  return crawlListings({
    adapter,
    fetcher,
    targets: adapter.listingTargets(board.url, config),
    maxJobs: config.max_jobs,
    concurrency: 3,
    fetchDetails: config.fetch_details,
  });
}

describe("crawl of the fixture board with the TopCV adapter", () => {
  it("over HTTP, through retries and rate limits, saves exactly what was served", async () => {
    const board = await startFixtureBoard({
      seed: 21,
      pagesPerKeyword: 4,
      pageWeightBytes: 100_000,
      hostilePostings: true,
      faults: [
        { kind: "listing", type: "rate_limit", retryAfter: 0, everyNth: 5 },
        { kind: "detail", type: "status", status: 503, probability: 0.15 },
        { kind: "any", type: "latency", ms: 30, everyNth: 7 },
      ],
    });
    open.push(board);
    const fetcher = new HttpFetcher({
      kind: "http",
      timeoutMillis: 5000,
      requestDelayMillis: 0,
      retryBaseDelayMillis: 5,
      maxRetries: 5,
    });
    open.push(fetcher);
    const keywords = ["python-developer", "java-developer", "ke-toan"];
    const result = await crawl(board, fetcher, {
      search_keywords: keywords,
      max_pages: 3,
      max_jobs: 120,
      fetch_details: true,
    });

    expect(result.errors).toEqual([]);
    expect(result.stoppedBecause).toBe("max_jobs");
    expectServed(board, keywords, 3, 120, result.items);
    expectDetails(board, result.items);
    expect(board.stats().byRoute.detail).toBeGreaterThan(120); // the 503s were retried

    // hostile postings come through as data, and the adapter's drafts neutralise them
    const adapter = adapterFor("topcv");
    const hostile = result.items.filter((i) => board.posting(i.card.external_id).hostile);
    expect(hostile.length).toBeGreaterThan(5);
    for (const item of hostile) {
      const draft = adapter.toDraft(item.card, item.detail, { crawledAt: new Date("2026-05-01T00:00:00Z") });
      expect(draft.title).toContain("<script>"); // a title is text: kept, escaped wherever it is shown
      expect(draft.description_html ?? "").not.toMatch(/<script|onerror|onload|javascript:|expression\(|<iframe/i);
    }
  });

  it("in real Chromium, saves exactly what was served", async () => {
    const board = await startFixtureBoard({ seed: 4, pagesPerKeyword: 3, pageWeightBytes: 50_000 });
    open.push(board);
    const fetcher = new BrowserFetcher({
      kind: "browser",
      timeoutMillis: 20_000,
      requestDelayMillis: 0,
      browserPages: 3,
    });
    open.push(fetcher);
    const result = await crawl(board, fetcher, {
      search_keywords: ["sales"],
      max_pages: 2,
      max_jobs: 60,
      fetch_details: true,
    });
    expect(result.errors).toEqual([]);
    expect(result.stoppedBecause).toBe("max_jobs");
    expectServed(board, ["sales"], 2, 60, result.items);
    expectDetails(board, result.items);
    expect(board.stats().requests.filter((r) => /\.(png|woff2|mp4|jpg)/.test(r.url))).toEqual([]);
  });
});
