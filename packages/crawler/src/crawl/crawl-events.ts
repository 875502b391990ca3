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
    }
  | { type: "retry"; phase: "listing" | "detail"; url: string; attempt: number; reason: string; delayMs: number }
  | { type: "detail_fetched"; externalId: string; url: string; done: number; total: number }
  | {
      type: "detail_failed";
      externalId: string;
      url: string;
      error: string;
      kind: CrawlErrorKind;
      done: number;
      total: number;
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
}

export interface CrawlError {
  url: string;
  message: string;
  kind: CrawlErrorKind;
  phase: "listing" | "detail";
}

export interface CrawlResult {
  /** At most `maxJobs` unique cards, in (target order, page order, card order): the same under any concurrency. */
  items: CrawlItem[];
  pagesPlanned: number;
  pagesFetched: number;
  pagesFailed: number;
  detailsFetched: number;
  detailsFailed: number;
  /** Cards seen on all fetched pages, duplicates included. */
  cardsSeen: number;
  stoppedBecause: StopReason;
  errors: CrawlError[];
}
