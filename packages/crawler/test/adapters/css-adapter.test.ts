import { cssConfigSchema } from "@jobsync/contracts";
import { type FixtureBoard, startFixtureBoard } from "@jobsync/fixture-board";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { previewCssListing } from "../../src/adapters/css/css-preview";
import { pageUrl, startUrl } from "../../src/adapters/css/css-urls";
import { pageUrlsFromNextLink } from "../../src/adapters/css/next-page-pattern";
import { adapterFor, adapterForSource } from "../../src/adapters/registry";
import { crawlListings } from "../../src/crawl/crawl-listings";
import { createFetcher } from "../../src/fetch/create-fetcher";
import { BlockedError } from "../../src/fetch/errors";
import { topcvLikeCssConfig } from "./css-fixtures";
import { readSample } from "./samples";
import { zeroResultPage } from "./topcv-zero-result-page";

/** The no-code CSS source: config validation, URLs, and the same postings as the TopCV adapter on the fixture board. */
let board: FixtureBoard;

beforeAll(async () => {
  board = await startFixtureBoard({ seed: 11, pagesPerKeyword: 3, pageWeightBytes: 32 * 1024 });
});
afterAll(async () => {
  await board?.close();
});

describe("css config validation", () => {
  const valid = {
    start_urls: ["/jobs"],
    selectors: { card: ".job", title: "h2", link: "a" },
  };

  it("fills defaults", () => {
    expect(cssConfigSchema.parse(valid)).toMatchObject({ max_pages: 5, fetcher: "http", drop_query_params: [] });
  });

  it.each([
    [{ ...valid, selectors: { ...valid.selectors, card: "div[" } }, "selectors.card", "is not a valid CSS selector"],
    [{ ...valid, selectors: { ...valid.selectors, title: "h2::before" } }, "selectors.title", "pseudo-element"],
    [{ ...valid, selectors: { ...valid.selectors, salary: "p:hover" } }, "selectors.salary", ":hover"],
    [{ ...valid, selectors: { ...valid.selectors, link: "a@1bad" } }, "selectors.link", "not an attribute name"],
    [{ ...valid, selectors: { card: ".job", title: "h2" } }, "selectors.link", "link"],
    [{ ...valid, selectors: { ...valid.selectors, colour: "x" } }, "selectors", "colour"],
    [{ ...valid, start_urls: [] }, "start_urls", "from 1 to 20"],
    [{ ...valid, start_urls: ["ftp://x"] }, "start_urls.0", "http(s) URL or a path"],
    [{ ...valid, page_url_template: "?page=2" }, "page_url_template", "{page}"],
    [{ ...valid, detail_selectors: { description: "::x" } }, "detail_selectors.description", "detail_selectors"],
  ])("refuses %j at %s", (config, path, message) => {
    const result = cssConfigSchema.safeParse(config);
    expect(result.success).toBe(false);
    const issue = result.error?.issues.find((i) => i.path.join(".").startsWith(path));
    expect(issue, JSON.stringify(result.error?.issues)).toBeDefined();
    expect(`${issue?.path.join(".")} ${issue?.message}`).toContain(message);
  });

  it("the unconfigured adapter refuses to parse", () => {
    expect(() => adapterFor("css").parseListing("<p>", "https://x.test/")).toThrow(/needs the source config/);
  });
});

describe("pages learned from the next link", () => {
  it.each([
    ["https://b.test/jobs?q=a&page=2", 5, "https://b.test/jobs?q=a&page=5"],
    ["https://b.test/jobs/page/2?q=a", 3, "https://b.test/jobs/page/3?q=a"],
    ["https://b.test/viec-lam-2022/p-2", 4, "https://b.test/viec-lam-2022/p-4"],
  ])("%s → page %i is %s", (next, page, expected) => {
    expect(pageUrlsFromNextLink(next)?.(page)).toBe(expected);
  });

  it("does not guess when the link does not say 2", () => {
    expect(pageUrlsFromNextLink("https://b.test/jobs?cursor=abc")).toBeNull();
    expect(pageUrlsFromNextLink("not a url")).toBeNull();
  });

  it("reads page 1 only when its next link has no page number", () => {
    const config = cssConfigSchema.parse({
      start_urls: ["/jobs"],
      selectors: { card: ".job", title: "h2", link: "a", next_page: "a.next" },
    });
    const css = adapterForSource("css", config);
    const [target] = css.listingTargets("https://b.test", config);
    expect(target?.maxPages).toBe(5);
    const html = '<div class="job"><h2>A</h2><a href="/j/1">x</a></div><a class="next" href="/jobs?cursor=zz">›</a>';
    expect(css.parseListing(html, "https://b.test/jobs")).toMatchObject({ isLastPage: true, nextUrl: null });
  });
});

describe("css URLs", () => {
  it("resolves start paths against the base URL and fills the page template", () => {
    const first = startUrl("https://board.test/vn/", "/jobs?q=a");
    expect(first).toBe("https://board.test/vn/jobs?q=a");
    expect(pageUrl(first, "?page={page}", 1)).toBe(first);
    expect(pageUrl(first, "?page={page}", 3)).toBe("https://board.test/vn/jobs?q=a&page=3");
    expect(pageUrl(first, "/jobs/page/{page}", 2)).toBe("https://board.test/jobs/page/2");
    expect(pageUrl(first, "https://other.test/p{page}", 2)).toBe("https://other.test/p2");
    expect(pageUrl(first, undefined, 2)).toBe(first);
  });
});

describe("a css source on the real TopCV page", () => {
  it("reads the 50 cards of the saved page as the TopCV adapter does", () => {
    const url = "https://www.topcv.vn/tim-viec-lam-ke-toan?type_keyword=1&page=1&sba=1";
    const html = readSample("topcv/listing-ke-toan-page1-of-112.html");
    // the real cards cut long titles in the text: the full one is in the tooltip attribute
    const base = topcvLikeCssConfig("ke-toan");
    const config = { ...base, selectors: { ...base.selectors, title: "h3.title a span@data-original-title" } };
    const ours = adapterForSource("css", config).parseListing(html, url);
    const theirs = adapterFor("topcv").parseListing(html, url);
    const fields = (c: (typeof ours.cards)[number]) => [
      c.external_id,
      c.url,
      c.title,
      c.company,
      c.salary_text,
      c.location_text,
    ];
    expect(ours.cards).toHaveLength(50);
    expect(ours.skipped).toEqual([]);
    expect(ours.cards.map(fields)).toEqual(theirs.cards.map(fields));
    expect(ours.isLastPage).toBe(false);
  });

  it("a no_results selector that matches makes a page of no results: no cards, last page", () => {
    const url = "https://www.topcv.vn/tim-viec-lam-ke-toan?type_keyword=1&page=1&sba=1";
    const base = topcvLikeCssConfig("ke-toan");
    const config = {
      ...base,
      selectors: { ...base.selectors, no_results: '.none-suitable-job:not([style*="none"])' },
    };
    const adapter = adapterForSource("css", config);
    // the real page: the box is there, hidden, so the 50 cards are results
    const real = adapter.parseListing(readSample("topcv/listing-ke-toan-page1-of-112.html"), url);
    expect(real.cards).toHaveLength(50);
    expect(real.noResults).toBeUndefined();
    // the reconstructed zero-result page: the box shown above 50 suggestions
    const none = adapter.parseListing(zeroResultPage({ withPagination: true }), url);
    expect(none).toMatchObject({ cards: [], isLastPage: true, nextUrl: null, noResults: true });
    const preview = previewCssListing(zeroResultPage({ withPagination: true }), url, config);
    expect(preview.matches.no_results).toBe(1);
    expect(preview.unmatched).not.toContain("selectors.no_results");
    expect(previewCssListing(readSample("topcv/listing-ke-toan-page1-of-112.html"), url, config).unmatched).toEqual([]);
  });
});

describe("a css source on the fixture board", () => {
  it("parses every page with the same cards as the TopCV adapter", async () => {
    const config = topcvLikeCssConfig("java-developer");
    const css = adapterForSource("css", config);
    const topcv = adapterFor("topcv");
    const [target] = css.listingTargets(board.url, config);
    if (!target) throw new Error("one target");
    for (let page = 1; page <= 3; page++) {
      const url = target.pageUrl(page);
      const body = await (await fetch(url)).text();
      const ours = css.parseListing(body, url);
      const theirs = topcv.parseListing(body, url);
      expect(ours.skipped).toEqual([]);
      expect(ours.cards.length).toBeGreaterThan(0);
      expect(ours.cards.map((c) => [c.external_id, c.url, c.title, c.company, c.salary_text, c.location_text])).toEqual(
        theirs.cards.map((c) => [c.external_id, c.url, c.title, c.company, c.salary_text, c.location_text]),
      );
      expect(ours.isLastPage).toBe(page === 3);
    }
  });

  it("crawls a search through the crawl loop: the TopCV adapter's postings, same order", async () => {
    const config = topcvLikeCssConfig("python-developer");
    const fetcher = createFetcher({ kind: "http", timeoutMillis: 10_000, requestDelayMillis: 0 });
    try {
      const run = (kind: "css" | "topcv") =>
        crawlListings({
          adapter: adapterForSource(kind, config),
          fetcher,
          targets:
            kind === "css"
              ? adapterForSource("css", config).listingTargets(board.url, config)
              : adapterFor("topcv").listingTargets(board.url, { search_keywords: ["python-developer"], max_pages: 10 }),
          maxJobs: 10_000,
          concurrency: 2,
          fetchDetails: false,
        });
      const [ours, theirs] = [await run("css"), await run("topcv")];
      expect(ours.stoppedBecause).toBe("completed");
      expect(ours.items.map((i) => i.card.external_id)).toEqual(theirs.items.map((i) => i.card.external_id));
      expect(ours.items.length).toBe(board.expectedCards("python-developer").length);
    } finally {
      await fetcher.close();
    }
  });

  it("follows the next link's page pattern when there is no page template", async () => {
    const base = topcvLikeCssConfig("python-developer");
    const { page_url_template: _none, ...rest } = base;
    const config = { ...rest, selectors: { ...base.selectors, next_page: "a[rel=next]@data-href" } };
    const fetcher = createFetcher({ kind: "http", timeoutMillis: 10_000, requestDelayMillis: 0 });
    try {
      const css = adapterForSource("css", config);
      const result = await crawlListings({
        adapter: css,
        fetcher,
        targets: css.listingTargets(board.url, config),
        maxJobs: 10_000,
        concurrency: 2,
        fetchDetails: false,
      });
      expect(result.pagesFetched).toBe(3);
      expect(result.items.map((i) => i.card.external_id)).toEqual([
        ...new Set(board.expectedCards("python-developer").map((c) => c.external_id)),
      ]);
    } finally {
      await fetcher.close();
    }
  });

  it("previews a page: cards, per-selector matches, and the selectors that matched nothing", async () => {
    const config = topcvLikeCssConfig("java-developer", {
      selectors: {
        card: "div.job-item-search-result",
        title: "h3.title a span",
        link: "h3.title a",
        salary: ".no-such-salary",
        company: "a.company .company-name",
      },
    });
    const url = board.listingUrl("java-developer", 1);
    const preview = previewCssListing(await (await fetch(url)).text(), url, config, 5);
    expect(preview.card_count).toBe(50);
    expect(preview.cards).toHaveLength(5);
    expect(preview.matches).toEqual({ card: 1, title: 50, link: 50, salary: 0, company: 50 });
    expect(preview.unmatched).toEqual(["selectors.salary"]);
    // without an id selector the id is the link's path
    expect(preview.cards[0]?.external_id).toMatch(/^\/(viec-lam|brand)\//);
  });

  it("throws BlockedError on a challenge page", () => {
    const css = adapterForSource("css", topcvLikeCssConfig("x"));
    expect(() => css.parseListing(readSample("topcv/cloudflare-challenge-excerpt.html"), "https://x.test/")).toThrow(
      BlockedError,
    );
  });

  it("reads detail pages with the detail selectors", async () => {
    const config = topcvLikeCssConfig("java-developer", {
      detail_selectors: {
        title: "h1.job-detail__info--title",
        description: ".job-description__item:nth-of-type(1) .job-description__item--content",
      },
    });
    const css = adapterForSource("css", config);
    const card = board.expectedCards("java-developer", 1).find((c) => c.url.includes("/viec-lam/"));
    if (!card || !css.parseDetail) throw new Error("a standard posting and a detail parser");
    const detail = css.parseDetail(await (await fetch(card.url)).text(), card.url);
    expect(detail.title).toBe(board.posting(card.external_id).title);
    expect(detail.description_html).toContain("<li>");
    expect(adapterForSource("css", topcvLikeCssConfig("x")).parseDetail).toBeUndefined();
  });
});
