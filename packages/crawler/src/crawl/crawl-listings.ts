import type { JobDetail, ListingTarget } from "../adapters/adapter";
import type { Fetcher, RetryInfo } from "../fetch/fetcher";
import type { PageParsers } from "../parse/parsing-adapter";
import type { CrawlError, CrawlEvent, CrawlItem, CrawlResult, StopReason } from "./crawl-events";
import { type CrawlErrorKind, errorKind, errorMessage } from "./error-kind";
import { KnownPagesTracker } from "./known-pages";
import { ListingPlan } from "./listing-plan";
import { runPool } from "./run-pool";

export interface CrawlListingsOptions {
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

function validate(options: CrawlListingsOptions): void {
  const { maxJobs, concurrency, maxConsecutiveBlocks, stopAfterKnownPages } = options;
  if (stopAfterKnownPages !== undefined && (!Number.isInteger(stopAfterKnownPages) || stopAfterKnownPages < 0)) {
    throw new RangeError(`stopAfterKnownPages must be an integer >= 0, got ${stopAfterKnownPages}`);
  }
  if (stopAfterKnownPages && !options.knownIds) throw new RangeError("stopAfterKnownPages needs knownIds");
  if (!Number.isInteger(maxJobs) || maxJobs < 1)
    throw new RangeError(`maxJobs must be an integer >= 1, got ${maxJobs}`);
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new RangeError(`concurrency must be an integer >= 1, got ${concurrency}`);
  }
  if (maxConsecutiveBlocks !== undefined && (!Number.isInteger(maxConsecutiveBlocks) || maxConsecutiveBlocks < 1)) {
    throw new RangeError(`maxConsecutiveBlocks must be an integer >= 1, got ${maxConsecutiveBlocks}`);
  }
  options.targets.forEach((target, i) => {
    if (!Number.isInteger(target.maxPages) || target.maxPages < 1) {
      throw new RangeError(
        `targets[${i}] ("${target.label}"): maxPages must be an integer >= 1, got ${target.maxPages}`,
      );
    }
  });
}

interface ListingTask {
  targetIndex: number;
  page: number;
}

/**
 * Crawl the listing pages of every target, then (optionally) the detail pages of the kept cards. No database:
 * the caller gets events while it runs and the result at the end.
 *
 * Page 1 of every target is read first (it tells the page count), then pages 2..min(maxPages, total), with
 * `concurrency` requests in flight; a target stops at its last page or at a page without cards. The crawl stops
 * once the first `maxJobs` unique cards in (target, page) order are known, when every target's page 1 is blocked or
 * `maxConsecutiveBlocks` pages in a row are, or when `signal` aborts (in-flight requests are aborted and what was
 * collected is returned). A failed page is recorded in `errors` and the crawl goes on.
 */
export async function crawlListings(options: CrawlListingsOptions): Promise<CrawlResult> {
  validate(options);
  const { adapter, fetcher, targets, signal } = options;
  const emit = (event: CrawlEvent) => options.onEvent?.(event);
  const plan = new ListingPlan(targets, options.maxJobs);
  const errors: CrawlError[] = [];
  const stop = new AbortController();
  const maxBlocks = options.maxConsecutiveBlocks ?? 3;
  let stoppedBecause: StopReason = "completed";
  let consecutiveBlocks = 0;
  let pagesFetched = 0;
  let pagesFailed = 0;
  let cardsSeen = 0;
  const knownPages =
    options.stopAfterKnownPages && options.knownIds ? new KnownPagesTracker(options.stopAfterKnownPages) : null;

  const halt = (reason: Exclude<StopReason, "completed">, message: string) => {
    if (stop.signal.aborted) return;
    stoppedBecause = reason;
    stop.abort();
    emit({ type: "stopped", reason, message });
  };
  const onCancel = () => halt("cancelled", "the sync job was cancelled");
  if (signal?.aborted) onCancel();
  else signal?.addEventListener("abort", onCancel, { once: true });

  const countBlock = (kind: CrawlErrorKind | null) => {
    consecutiveBlocks = kind === "blocked" ? consecutiveBlocks + 1 : 0;
    if (consecutiveBlocks >= maxBlocks)
      halt("blocked", `${consecutiveBlocks} blocked pages in a row: the site is blocking us`);
  };
  const retryListener = (phase: "listing" | "detail") => (info: RetryInfo) =>
    emit({ type: "retry", phase, url: info.url, attempt: info.attempt, reason: info.reason, delayMs: info.delayMs });

  // Listing pages: page 1 of every target first, then the rest in (target, page) order.
  const queue: ListingTask[] = targets.map((_t, targetIndex) => ({ targetIndex, page: 1 }));
  const taskAborts = new Map<string, AbortController>();

  const runListing = async ({ targetIndex, page }: ListingTask): Promise<void> => {
    if (!plan.wanted(targetIndex, page)) return;
    const url = plan.url(targetIndex, page);
    const target = plan.label(targetIndex);
    const own = new AbortController();
    const key = `${targetIndex}:${page}`;
    taskAborts.set(key, own);
    try {
      const response = await fetcher.fetch({
        url,
        purpose: "listing",
        signal: AbortSignal.any([stop.signal, own.signal]),
        onRetry: retryListener("listing"),
      });
      const parsed = await adapter.parseListing(response.body, response.finalUrl);
      const known =
        knownPages && options.knownIds && parsed.cards.length > 0
          ? await options.knownIds(parsed.cards.map((c) => c.external_id))
          : null;
      if (stop.signal.aborted || !plan.wanted(targetIndex, page)) return;
      if (page === 1) {
        const more = plan.readFirstPage(targetIndex, parsed);
        queue.push(...more.map((p) => ({ targetIndex, page: p })));
        queue.sort(
          (a, b) => (a.page === 1 ? 0 : 1) - (b.page === 1 ? 0 : 1) || a.targetIndex - b.targetIndex || a.page - b.page,
        );
      }
      const newCards = plan.settlePage(targetIndex, page, parsed);
      pagesFetched++;
      cardsSeen += parsed.cards.length;
      countBlock(null);
      if (page === 1) {
        emit({
          type: "target_planned",
          target,
          targetIndex,
          totalPages: plan.totalPages(targetIndex),
          plannedPages: plan.plannedPages(targetIndex),
          pagesPlanned: plan.pagesPlanned(),
        });
      }
      // pages past a last or empty page are not needed any more
      for (const [other, controller] of taskAborts) {
        const [t, p] = other.split(":").map(Number);
        if (t === targetIndex && p !== undefined && !plan.wanted(targetIndex, p)) controller.abort();
      }
      emit({
        type: "page_fetched",
        target,
        targetIndex,
        page,
        totalPages: plan.totalPages(targetIndex),
        url,
        cards: parsed.cards.length,
        newCards,
        pagesFetched,
        pagesPlanned: plan.pagesPlanned(),
        uniqueCards: plan.uniqueCards(),
      });
      if (knownPages && parsed.cards.length > 0) {
        const hadNew = parsed.cards.some((c) => !known?.has(c.external_id));
        const endAt = knownPages.record(targetIndex, page, hadNew);
        if (endAt !== null && plan.wanted(targetIndex, endAt + 1)) {
          plan.endAt(targetIndex, endAt);
          for (const [other, controller] of taskAborts) {
            const [t, p] = other.split(":").map(Number);
            if (t === targetIndex && p !== undefined && !plan.wanted(targetIndex, p)) controller.abort();
          }
          emit({
            type: "target_caught_up",
            target,
            targetIndex,
            page: endAt,
            knownPages: options.stopAfterKnownPages ?? 0,
            pagesPlanned: plan.pagesPlanned(),
          });
        }
      }
      if (plan.maxJobsReached()) halt("max_jobs", `${options.maxJobs} jobs collected (max_jobs)`);
    } catch (error) {
      if (stop.signal.aborted || own.signal.aborted) return; // stopped by us: not a failure of the page
      const kind = errorKind(error);
      const message = errorMessage(error);
      plan.settleFailure(targetIndex, page, kind);
      knownPages?.record(targetIndex, page, null);
      pagesFailed++;
      errors.push({ url, message, kind, phase: "listing" });
      emit({ type: "page_failed", target, targetIndex, page, url, error: message, kind });
      if (page === 1) {
        emit({
          type: "target_planned",
          target,
          targetIndex,
          totalPages: null,
          plannedPages: 1,
          pagesPlanned: plan.pagesPlanned(),
        });
      }
      countBlock(kind);
      if (kind === "blocked" && plan.allFirstPagesBlocked()) halt("blocked", "page 1 of every search is blocked");
      if (plan.maxJobsReached()) halt("max_jobs", `${options.maxJobs} jobs collected (max_jobs)`);
    } finally {
      taskAborts.delete(key);
    }
  };

  await runPool(() => queue.shift(), runListing, options.concurrency, stop.signal);

  const kept = plan.kept();
  // boards whose listing carries whole postings (JSON APIs) hand the detail over with the card
  const items: CrawlItem[] = kept.map(({ card, targetIndex, page }) => ({
    card,
    detail: card.detail ?? null,
    target: plan.label(targetIndex),
    page,
  }));

  // Detail pages of the kept cards.
  let detailsFetched = 0;
  let detailsFailed = 0;
  const parseDetail = adapter.parseDetail?.bind(adapter);
  const detailsWanted =
    options.fetchDetails && parseDetail && (stoppedBecause === "completed" || stoppedBecause === "max_jobs");
  if (detailsWanted && items.length > 0) {
    const detailStop = new AbortController();
    const stopDetails = () => detailStop.abort();
    stop.signal.addEventListener("abort", stopDetails, { once: true });
    if (signal?.aborted) stopDetails();
    signal?.addEventListener("abort", stopDetails, { once: true });
    const wanted = items.filter((item) => item.card.detail === undefined);
    let next = 0;
    const total = wanted.length;
    await runPool(
      () => (next < wanted.length ? wanted[next++] : undefined),
      async (item: CrawlItem) => {
        const { url, external_id: externalId } = item.card;
        try {
          const response = await fetcher.fetch({
            url,
            purpose: "detail",
            signal: AbortSignal.any([detailStop.signal]), // its own signal: listeners do not pile up on one
            onRetry: retryListener("detail"),
          });
          const detail: JobDetail = await parseDetail(response.body, response.finalUrl);
          if (detailStop.signal.aborted) return;
          item.detail = detail;
          detailsFetched++;
          countBlock(null);
          emit({ type: "detail_fetched", externalId, url, done: detailsFetched + detailsFailed, total });
        } catch (error) {
          if (detailStop.signal.aborted) return;
          const kind = errorKind(error);
          const message = errorMessage(error);
          detailsFailed++;
          errors.push({ url, message, kind, phase: "detail" });
          emit({
            type: "detail_failed",
            externalId,
            url,
            error: message,
            kind,
            done: detailsFetched + detailsFailed,
            total,
          });
          // the max_jobs stop is over: blocks now stop the details phase
          consecutiveBlocks = kind === "blocked" ? consecutiveBlocks + 1 : 0;
          if (consecutiveBlocks >= maxBlocks) {
            stoppedBecause = "blocked";
            emit({ type: "stopped", reason: "blocked", message: `${consecutiveBlocks} blocked detail pages in a row` });
            detailStop.abort();
          }
        }
      },
      options.concurrency,
      detailStop.signal,
    );
    if (signal?.aborted) stoppedBecause = "cancelled";
  }
  signal?.removeEventListener("abort", onCancel);

  return {
    items,
    pagesPlanned: plan.pagesPlanned(),
    pagesFetched,
    pagesFailed,
    detailsFetched,
    detailsFailed,
    cardsSeen,
    stoppedBecause,
    errors,
  };
}
