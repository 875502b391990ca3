import { type FixtureBoard, type FixtureBoardOptions, startFixtureBoard } from "@jobsync/fixture-board";
import { load } from "cheerio";
import { afterEach } from "vitest";
import {
  type JobDetail,
  type ListingCard,
  type ListingPage,
  type ListingTarget,
  ParseError,
} from "../../src/adapters/adapter";
import { detectChallenge } from "../../src/fetch/challenge";
import { BlockedError } from "../../src/fetch/errors";
import type { FetcherOptions } from "../../src/fetch/fetcher";
import { HttpFetcher } from "../../src/fetch/http-fetcher";

/** A tiny adapter for the board's markup: just enough to test the loop, independent of the real TopCV adapter. */
export function tinyAdapter(options: { ignorePagination?: boolean } = {}) {
  return {
    parseListing(body: string, url: string): ListingPage {
      const challenge = detectChallenge(body);
      if (challenge) throw new BlockedError(url, challenge);
      const $ = load(body);
      if ($(".job-list-search-result").length === 0) throw new ParseError("not a listing page", url);
      const cards: ListingCard[] = $("div.job-item-search-result[data-job-id]")
        .toArray()
        .map((el) => {
          const href = $(el).find("h3.title a").attr("href") ?? "";
          return {
            external_id: $(el).attr("data-job-id") ?? "",
            url: href.split("?")[0] ?? href,
            title: $(el).find("h3.title a span").text().trim(),
            company: null,
            company_url: null,
            salary_text: null,
            location_text: null,
            experience: null,
            tags: [],
            logo_url: null,
            updated_label: null,
          };
        });
      const text = $("#job-listing-paginate-text").text().replace(/\s+/g, " ");
      const match = /(\d+)\s*\/\s*(\d+)/.exec(text);
      const pagination =
        match && !options.ignorePagination ? { current: Number(match[1]), total: Number(match[2]) } : null;
      const next = $("a[rel=next]").attr("data-href") ?? null;
      return { cards, pagination, nextUrl: next, isLastPage: options.ignorePagination ? false : next === null };
    },
    parseDetail(body: string, url: string): JobDetail {
      const $ = load(body);
      const title = $("h1.job-detail__info--title, .premium-job-basic-information__content--title")
        .first()
        .text()
        .trim();
      if (!title) throw new ParseError("no title on the detail page", url);
      return {
        title,
        salary_text: null,
        locations: [],
        experience: null,
        level: null,
        deadline_text: null,
        description_html: null,
        requirements_html: null,
        benefits_html: null,
        working_time_html: null,
        tags: [],
        company_name: null,
        company_url: null,
        company_size: null,
        company_address: null,
      };
    },
  };
}

export const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((x) => x.close()));
});

export async function board(options: FixtureBoardOptions = {}): Promise<FixtureBoard> {
  const b = await startFixtureBoard({ pageWeightBytes: 0, cardsPerPage: 10, ...options });
  open.push(b);
  return b;
}

export function fetcher(options: Partial<FetcherOptions> = {}): HttpFetcher {
  const f = new HttpFetcher({
    kind: "http",
    timeoutMillis: 5000,
    requestDelayMillis: 0,
    retryBaseDelayMillis: 5,
    maxRetries: 1,
    ...options,
  });
  open.push(f);
  return f;
}

export function targets(b: FixtureBoard, keywords: string[], maxPages: number): ListingTarget[] {
  return keywords.map((keyword) => ({
    label: keyword,
    maxPages,
    pageUrl: (page: number) => b.listingUrl(keyword, page),
  }));
}

/** The first `max` unique cards in (keyword, page) order: what a crawl must keep. */
export function firstUnique(b: FixtureBoard, keywords: string[], maxPages: number, max: number) {
  const seen = new Set<string>();
  return keywords
    .flatMap((k) => b.expectedCards(k, maxPages))
    .filter((c) => !seen.has(c.external_id) && seen.add(c.external_id))
    .slice(0, max);
}

/** The listing pages the board served, in order, as "keyword page". */
export const listingPages = (b: FixtureBoard) =>
  b
    .stats()
    .requests.filter((r) => r.kind === "listing")
    .map((r) => `${r.url.slice(14, r.url.indexOf("?"))} ${new URLSearchParams(r.url.split("?")[1]).get("page")}`);
