import type { CssConfig, SourceKind } from "@jobsync/contracts";
import type { JobDetail, ListingPage, SiteAdapter } from "../adapters/adapter";
import type { CssPreview } from "../adapters/css/css-preview";
import { adapterForSource } from "../adapters/registry";
import { type ParsePool, sharedParsePool } from "./parse-pool";

/**
 * A site adapter whose page parsers run in the parse pool: the same interface with Promise results. Everything else
 * (URLs, drafts) stays on the calling thread — it is cheap and bounded.
 */
export interface ParsingAdapter<Config = unknown>
  extends Omit<SiteAdapter<Config>, "parseListing" | "parseDetail" | "configure"> {
  parseListing(body: string, pageUrl: string): Promise<ListingPage>;
  parseDetail?(body: string, url: string): Promise<JobDetail>;
}

/** What the crawl needs of an adapter: its parsers, run here or in the parse pool. */
export interface PageParsers {
  parseListing(body: string, pageUrl: string): ListingPage | Promise<ListingPage>;
  parseDetail?(body: string, url: string): JobDetail | Promise<JobDetail>;
}

/** The adapter of one data source (kind and validated config), parsing off the event loop. */
export function createParsingAdapter(
  kind: SourceKind,
  config: unknown,
  pool: ParsePool = sharedParsePool(),
): ParsingAdapter {
  const local = adapterForSource(kind, config);
  const parsing: ParsingAdapter = {
    kind: local.kind,
    ...(local.homeUrl !== undefined ? { homeUrl: local.homeUrl } : {}),
    availabilityUrl: (baseUrl, c) => local.availabilityUrl(baseUrl, c),
    listingTargets: (baseUrl, c) => local.listingTargets(baseUrl, c),
    toDraft: (card, detail, context) => local.toDraft(card, detail, context),
    parseListing: (body, url) => pool.run<ListingPage>({ op: "listing", kind, config, body, url }),
  };
  if (local.parseDetail) {
    parsing.parseDetail = (body, url) => pool.run<JobDetail>({ op: "detail", kind, config, body, url });
  }
  return parsing;
}

/** "Test selectors" in the parse pool: a css config's listing selectors on one fetched page. */
export function previewCssListingOffThread(
  body: string,
  url: string,
  config: CssConfig,
  maxCards: number,
  pool: ParsePool = sharedParsePool(),
): Promise<CssPreview> {
  return pool.run<CssPreview>({ op: "css-preview", config, body, url, maxCards });
}
