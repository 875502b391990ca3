import type { CssConfig } from "@jobsync/contracts";
import type { ListingTarget, SiteAdapter } from "../adapter";
import { buildDraft } from "../build-draft";
import { compileDetail, parseCssDetail } from "./css-detail";
import { compileListing, parseCssListing } from "./css-listing";
import { pageUrl, startUrl } from "./css-urls";
import { pageUrlsFromNextLink } from "./next-page-pattern";

/** Without a template, page N follows the pattern of page 1's next link (learned while parsing page 1). */
type LearnedPages = Map<string, (page: number) => string>;

function listingTargets(baseUrl: string, config: CssConfig, learned: LearnedPages = new Map()): ListingTarget[] {
  const follows = config.page_url_template === undefined && config.selectors.next_page !== undefined;
  return config.start_urls.map((start) => {
    const first = startUrl(baseUrl, start);
    return {
      label: first,
      pageUrl: (page: number) => {
        if (page <= 1 || !follows) return pageUrl(first, config.page_url_template, page);
        return learned.get(first)?.(page) ?? first;
      },
      maxPages: config.page_url_template !== undefined || follows ? config.max_pages : 1,
    };
  });
}

function notConfigured(): never {
  throw new Error("the css adapter needs the source config: use adapterForSource(kind, config)");
}

/** The adapter of one css source: its selectors compiled once. Detail pages only when detail selectors are given. */
export function configuredCssAdapter(config: CssConfig): SiteAdapter<CssConfig> {
  const listing = compileListing(config.selectors);
  const detail = config.detail_selectors ? compileDetail(config.detail_selectors) : null;
  // one configured adapter per sync job: what page 1 of each start URL taught about its next pages
  const learned: LearnedPages = new Map();
  const firstPages = new Set<string>();
  const follows = config.page_url_template === undefined && config.selectors.next_page !== undefined;
  return {
    kind: "css",
    availabilityUrl: (baseUrl) => startUrl(baseUrl, config.start_urls[0] ?? "/"),
    listingTargets: (baseUrl) => {
      const targets = listingTargets(baseUrl, config, learned);
      for (const target of targets) firstPages.add(target.pageUrl(1));
      return targets;
    },
    parseListing(body, url) {
      const page = parseCssListing(body, url, listing, config);
      if (!follows || !firstPages.has(url) || page.isLastPage) return page;
      const pattern = page.nextUrl === null ? null : pageUrlsFromNextLink(page.nextUrl);
      if (pattern === null) return { ...page, isLastPage: true, nextUrl: null };
      learned.set(url, pattern);
      return page;
    },
    ...(detail ? { parseDetail: (body: string, url: string) => parseCssDetail(body, url, detail) } : {}),
    toDraft: (card, d, context) => buildDraft(card, d, context),
    configure: configuredCssAdapter,
  };
}

/**
 * The no-code source: a board described by CSS selectors in its config. Unconfigured it can only be configured;
 * `adapterForSource("css", config)` returns the adapter of that config.
 */
export const cssAdapter: SiteAdapter<CssConfig> = {
  kind: "css",
  availabilityUrl: (baseUrl, config) => startUrl(baseUrl, config.start_urls[0] ?? "/"),
  listingTargets: listingTargets,
  parseListing: notConfigured,
  toDraft: (card, detail, context) => buildDraft(card, detail, context),
  configure: configuredCssAdapter,
};
