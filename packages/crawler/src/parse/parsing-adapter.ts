import type { CssConfig, SourceKind } from "@jobsync/contracts";
import type { JobDetail, ListingPage, SiteAdapter } from "../adapters/adapter";
import type { CssPreview } from "../adapters/css/css-preview";
import { PageTooComplexError } from "../adapters/page-too-complex-error";
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

/**
 * Pages up to this many characters are parsed on the calling thread. Handing a page to a worker has a fixed cost
 * (the copy of the page and of the result, the worker's wake-up, a colder JIT) larger than parsing a small page:
 * a 9 KB detail page costs ~0.5 ms of CPU here and 1.1–2.8 ms through the pool (BENCHMARKS.md, B1). A page this
 * small cannot hold the event loop long: its parse is bounded by its size and by the depth limit (~5 ms at most for
 * 64 K characters). Bigger pages (listings, real 1.5 MB detail pages) and anything hostile-sized go to the pool.
 */
export const IN_PLACE_MAX_CHARS = 64 * 1024;

/** The adapter of one data source (kind and validated config), parsing off the event loop all but small pages. */
export function createParsingAdapter(
  kind: SourceKind,
  config: unknown,
  pool: ParsePool = sharedParsePool(),
  inPlaceMaxChars: number = IN_PLACE_MAX_CHARS,
): ParsingAdapter {
  const local = adapterForSource(kind, config);
  const parsing: ParsingAdapter = {
    kind: local.kind,
    ...(local.homeUrl !== undefined ? { homeUrl: local.homeUrl } : {}),
    availabilityUrl: (baseUrl, c) => local.availabilityUrl(baseUrl, c),
    listingTargets: (baseUrl, c) => local.listingTargets(baseUrl, c),
    toDraft: (card, detail, context) => local.toDraft(card, detail, context),
    parseListing: (body, url) =>
      body.length <= inPlaceMaxChars
        ? inPlace(() => local.parseListing(body, url), url)
        : pool.run<ListingPage>({ op: "listing", kind, config, body, url }),
  };
  const parseDetail = local.parseDetail?.bind(local);
  if (parseDetail) {
    parsing.parseDetail = (body, url) =>
      body.length <= inPlaceMaxChars
        ? inPlace(() => parseDetail(body, url), url)
        : pool.run<JobDetail>({ op: "detail", kind, config, body, url });
  }
  return parsing;
}

/** A parse on this thread, failing as the pool fails: a rejected promise, the depth limit naming the page. */
function inPlace<T>(parse: () => T, url: string): Promise<T> {
  try {
    return Promise.resolve(parse());
  } catch (error) {
    // the depth limit is found deep inside the parser, which does not know the page's URL (as in parse-task.ts)
    const known =
      error instanceof PageTooComplexError && error.url === "" ? new PageTooComplexError(error.reason, url) : error;
    return Promise.reject(known);
  }
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
