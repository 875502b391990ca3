import type { ListingTarget } from "../adapters/adapter";
import type { Fetcher } from "../fetch/fetcher";
import type { PageParsers } from "../parse/parsing-adapter";
import type { CrawlBatch, CrawlCheckpoint, CrawlEvent } from "./crawl-events";

/** What a crawl is told: the collecting crawl (crawl-listings.ts) and the streaming one (crawl-stream.ts). */

export interface CrawlOptions {
  /** Only the parsers are used: crawling is fetching and parsing, nothing else. They may parse off-thread. */
  adapter: PageParsers;
  fetcher: Pick<Fetcher, "fetch">;
  targets: readonly ListingTarget[];
  /** Stop once this many unique cards (by external_id) are known. */
  maxJobs: number;
  /** Requests in flight at once, over all targets (the fetcher's per-host delay still applies). */
  concurrency: number;
  /** Fetch and parse each kept card's detail page (when the adapter can parse details). */
  fetchDetails: boolean;
  signal?: AbortSignal;
  onEvent?: (event: CrawlEvent) => void;
  /** Stop as "blocked" after this many blocked pages in a row (default 3). */
  maxConsecutiveBlocks?: number;
  /**
   * Incremental crawling: which of these external ids the caller already has (it asks its database; the crawl
   * cannot). With `stopAfterKnownPages`, a target stops after that many listing pages in a row with no new id.
   */
  knownIds?: (externalIds: string[]) => Promise<ReadonlySet<string>>;
  /** 0 or absent: off (every planned page is read). Needs `knownIds`. */
  stopAfterKnownPages?: number;
}

export interface CrawlStreamOptions extends CrawlOptions {
  /** Told each batch in order; the crawl waits for it (back-pressure) and stops if it throws. */
  onBatch: (batch: CrawlBatch) => Promise<void>;
  /** Postings per batch at most (default 50: one TopCV listing page). */
  batchSize?: number;
  /** Where an earlier attempt got to: its pages are restored, its postings and detail pages not fetched again. */
  checkpoint?: CrawlCheckpoint;
}
