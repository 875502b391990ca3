import { boolean, intInRange, numberInRange, oneOf } from "../field-rules";
import { FETCHERS, MAX_PAGES_CEILING } from "./topcv";

/**
 * The crawl fields every HTML board's config carries (the guide's fields plus `fetcher` and `fetch_details`), with a
 * kind's own defaults. Spread into a kind's `z.strictObject({...})`.
 */
export function crawlOptionsShape(defaults: {
  fetcher: (typeof FETCHERS)[number];
  requestDelay: number;
  fetchDetails: boolean;
  maxPages: number;
}) {
  return {
    max_pages: intInRange("max_pages", 1, MAX_PAGES_CEILING).default(defaults.maxPages),
    request_delay: numberInRange("request_delay", 0, 60, "seconds").default(defaults.requestDelay),
    max_jobs: intInRange("max_jobs", 1, 10000).default(100),
    headless: boolean("headless").default(true),
    timeout: intInRange("timeout", 1, 300).default(30),
    fetcher: oneOf("fetcher", FETCHERS).default(defaults.fetcher),
    fetch_details: boolean("fetch_details").default(defaults.fetchDetails),
  };
}

/** The fields of a JSON API source (no browser, no detail pages: the API returns whole postings). */
export function apiOptionsShape() {
  return {
    request_delay: numberInRange("request_delay", 0, 60, "seconds").default(1),
    max_jobs: intInRange("max_jobs", 1, 10000).default(500),
    timeout: intInRange("timeout", 1, 300).default(30),
  };
}
