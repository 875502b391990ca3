import type { CssConfig } from "@jobsync/contracts";
import type { ListingTarget, SiteAdapter } from "../adapter";
import { topcvDraft } from "../topcv/to-draft";
import { compileDetail, parseCssDetail } from "./css-detail";
import { compileListing, parseCssListing } from "./css-listing";
import { pageUrl, startUrl } from "./css-urls";

function listingTargets(baseUrl: string, config: CssConfig): ListingTarget[] {
  return config.start_urls.map((start) => {
    const first = startUrl(baseUrl, start);
    return {
      label: first,
      pageUrl: (page: number) => pageUrl(first, config.page_url_template, page),
      maxPages: config.page_url_template === undefined ? 1 : config.max_pages,
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
  return {
    kind: "css",
    availabilityUrl: (baseUrl) => startUrl(baseUrl, config.start_urls[0] ?? "/"),
    listingTargets: (baseUrl) => listingTargets(baseUrl, config),
    parseListing: (body, url) => parseCssListing(body, url, listing, config),
    ...(detail ? { parseDetail: (body: string, url: string) => parseCssDetail(body, url, detail) } : {}),
    toDraft: (card, d, context) => topcvDraft(card, d, context),
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
  toDraft: (card, detail, context) => topcvDraft(card, detail, context),
  configure: configuredCssAdapter,
};
