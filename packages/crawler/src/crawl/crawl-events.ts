import type { JobDetail, ListingCard } from "../adapters/adapter";
import type { CrawlErrorKind } from "./error-kind";

/**
 * What the crawl loop tells its caller while it runs, so the server can turn it into step progress and details.
 * `targetIndex` is the target's position in the list given; `target` its label (the keyword).
 */
export type CrawlEvent =
  /** Page 1 of a target told how many pages there are; `pagesPlanned` is the new total over all targets. */
  | {
      type: "target_planned";
      target: string;
      targetIndex: number;
      totalPages: number | null;
      plannedPages: number;
      pagesPlanned: number;
    }
  /** Incremental crawling: `knownPages` pages in a row held no new posting, so the target ends at `page`. */
  | {
      type: "target_caught_up";
      target: string;
      targetIndex: number;
      page: number;
      knownPages: number;
      pagesPlanned: number;
    }
  | {
      type: "page_fetched";
      target: string;
      targetIndex: number;
      page: number;
      totalPages: number | null;
      url: string;
      cards: number;
      /** Cards on this page not seen earlier in this crawl (same external_id under another keyword = not new). */
      newCards: number;
      /** The board says the search has no results (its "no results" page): 0 cards, not a broken page. */
      noResults: boolean;
      /** The page as fetched (the same string the parser read; kept only by whoever wants a snapshot). */
      body: string;
      pagesFetched: number;
      pagesPlanned: number;
      uniqueCards: number;
    }
  | {
      type: "page_failed";
      target: string;
      targetIndex: number;
      page: number;
      url: string;
      error: string;
      kind: CrawlErrorKind;
      /** The page, when it arrived and could not be used (a parse error, a challenge page). */
      body?: string;
    }
  /** The settled prefix reached this page: `kept` of its cards are new and handed on (after their detail pages). */
  | { type: "page_kept"; target: string; targetIndex: number; page: number; kept: number; keptTotal: number }
  /** A page handled by an earlier attempt (the checkpoint), not fetched again. */
  | { type: "page_restored"; target: string; targetIndex: number; page: number; url: string; pagesPlanned: number }
  | { type: "retry"; phase: "listing" | "detail"; url: string; attempt: number; reason: string; delayMs: number }
  | { type: "detail_fetched"; externalId: string; url: string; done: number; total: number }
  /** The detail page says the posting is gone (404/410, "no longer accepting"): not an error, the item is marked. */
  | { type: "detail_gone"; externalId: string; url: string; reason: string; done: number; total: number }
  | {
      type: "detail_failed";
      externalId: string;
      url: string;
      error: string;
      kind: CrawlErrorKind;
      done: number;
      total: number;
      /** The page, when it arrived and could not be used (a parse error, a challenge page). */
      body?: string;
    }
  | { type: "stopped"; reason: Exclude<StopReason, "completed">; message: string };

export type StopReason = "completed" | "max_jobs" | "cancelled" | "blocked";

export interface CrawlItem {
  card: ListingCard;
  /** Null when details were not fetched or the detail page failed. */
  detail: JobDetail | null;
  /** Label of the target (keyword) and page where the card was first found. */
  target: string;
  page: number;
  /** Why its detail page says the posting is gone (404/410, "no longer accepting"); absent when it is not. */
  gone?: string;
}

/** A listing page a batch completes, as a checkpoint records it: restored instead of fetched on a resume. */
export interface CoveredPage {
  url: string;
  target: string;
  page: number;
  outcome: "fetched" | "failed";
  /** The target's page count as known when the page was read. */
  totalPages: number | null;
  /** The page ended its target (last page, or no cards). */
  last: boolean;
  /** The cards this page contributed, in order (their postings are in this batch or an earlier one). */
  keptIds: string[];
}

/**
 * What the crawl hands on while it runs: at most `batchSize` kept postings of one listing page, with their detail
 * pages, in (target, page, card) order. `pages` are the listing pages the batch completes (its own page with its last
 * batch, and failed pages met before it); `detailUrls` the detail pages fetched for its items.
 */
export interface CrawlBatch {
  seq: number;
  items: CrawlItem[];
  pages: CoveredPage[];
  detailUrls: string[];
  detailsFetched: number;
  detailsFailed: number;
}

/** Where an earlier attempt got to: its covered pages, the postings it handed on and the detail pages it read. */
export interface CrawlCheckpoint {
  pages: readonly CoveredPage[];
  /** External ids of every item already handed on (also of pages only partly covered). */
  itemIds: ReadonlySet<string>;
  detailUrls: ReadonlySet<string>;
}

/** Per search: how deep the board goes and how deep the crawl went (for "112 pages on the board, 100 crawled"). */
export interface TargetDepth {
  target: string;
  totalPages: number | null;
  maxPages: number;
  /** Pages read (fetched, failed or restored). */
  pagesRead: number;
}

export interface CrawlError {
  url: string;
  message: string;
  kind: CrawlErrorKind;
  phase: "listing" | "detail";
}

/** The end of a streaming crawl: counts and why it stopped (the postings went out in batches). */
export interface CrawlStreamResult {
  pagesPlanned: number;
  pagesFetched: number;
  pagesFailed: number;
  detailsFetched: number;
  detailsFailed: number;
  /** Cards seen on all fetched pages, duplicates included. */
  cardsSeen: number;
  /** Postings handed on in batches (restored ones excluded). */
  itemsEmitted: number;
  /** Pages restored from the checkpoint instead of fetched. */
  pagesRestored: number;
  stoppedBecause: StopReason;
  /** The first errors (at most 100). */
  errors: CrawlError[];
  targets: TargetDepth[];
}

export interface CrawlResult extends CrawlStreamResult {
  /** At most `maxJobs` unique cards, in (target order, page order, card order): the same under any concurrency. */
  items: CrawlItem[];
}
