import { NotInArchiveError } from "../archive/archive-fetcher";
import { HttpStatusError } from "../fetch/errors";
import type { RetryInfo } from "../fetch/fetcher";
import { BatchAssembler, type PendingPage } from "./batch-assembler";
import type { CrawlError, CrawlEvent, CrawlItem, CrawlStreamResult, StopReason } from "./crawl-events";
import type { CrawlStreamOptions } from "./crawl-options";
import { type CrawlErrorKind, errorKind, errorMessage } from "./error-kind";
import { goneReason, goneStatusReason } from "./gone-page";
import { KnownPagesTracker } from "./known-pages";
import { ListingPlan } from "./listing-plan";
import { validateCrawlOptions } from "./validate-options";
import { WorkPool } from "./work-pool";

/** Listing pages read ahead of the settled prefix (cards only, a few KB each): bounds memory on huge crawls. */
const LISTING_WINDOW = 64;
const MAX_ERRORS = 100;

interface ListingTask {
  targetIndex: number;
  page: number;
}

const byPrefixOrder = (a: ListingTask, b: ListingTask) =>
  (a.page === 1 ? 0 : 1) - (b.page === 1 ? 0 : 1) || a.targetIndex - b.targetIndex || a.page - b.page;

/**
 * Crawl the listing pages of every target and the detail pages of the kept cards, handing the postings on in
 * batches while it goes (`onBatch`), in (target, page, card) order. No database: the caller stores the batches and
 * their checkpoints, and gives the checkpoint back to resume.
 *
 * Page 1 of every target is read first (it tells the page count), then pages 2..min(maxPages, total), with
 * `concurrency` requests in flight, detail pages of earlier pages before listing pages further on. A target stops at
 * its last page or at a page without cards. The crawl stops reading listing pages once the first `maxJobs` unique
 * cards are known; it stops everything when every target's page 1 or `maxConsecutiveBlocks` pages in a row are
 * blocked, or when `signal` aborts — then the pages already complete are still handed on, and only the page in flight
 * is lost. A failed page is recorded in `errors` and the crawl goes on.
 */
export async function crawlStream(options: CrawlStreamOptions): Promise<CrawlStreamResult> {
  validateCrawlOptions(options);
  const { adapter, fetcher, signal } = options;
  const emit = (event: CrawlEvent) => options.onEvent?.(event);
  const plan = new ListingPlan(options.targets, options.maxJobs);
  const checkpoint = options.checkpoint;
  const restorable = new Map((checkpoint?.pages ?? []).map((p) => [p.url, p]));
  const errors: CrawlError[] = [];
  const listingStop = new AbortController();
  const allStop = new AbortController();
  const maxBlocks = options.maxConsecutiveBlocks ?? 3;
  const parseDetail = options.fetchDetails ? adapter.parseDetail?.bind(adapter) : undefined;
  const pool = new WorkPool(options.concurrency);
  const assembler = new BatchAssembler(options.batchSize ?? 50, options.onBatch, () => pool.wake());
  const counts = { pagesFetched: 0, pagesFailed: 0, pagesRestored: 0, cardsSeen: 0, details: 0, detailsDone: 0 };
  const tally = { detailsFetched: 0, detailsFailed: 0 };
  let stoppedBecause: StopReason = "completed";
  let consecutiveBlocks = 0;
  let inFlightListings = 0;
  const knownPages =
    options.stopAfterKnownPages && options.knownIds ? new KnownPagesTracker(options.stopAfterKnownPages) : null;

  const recordError = (error: CrawlError) => {
    if (errors.length < MAX_ERRORS) errors.push(error);
  };
  const haltListings = (reason: "max_jobs", message: string) => {
    if (listingStop.signal.aborted) return;
    stoppedBecause = reason;
    listingStop.abort();
    emit({ type: "stopped", reason, message });
  };
  const haltAll = (reason: "blocked" | "cancelled", message: string) => {
    if (allStop.signal.aborted) return;
    stoppedBecause = reason;
    listingStop.abort();
    allStop.abort();
    emit({ type: "stopped", reason, message });
    pool.wake();
  };
  const onCancel = () => haltAll("cancelled", "the sync job was cancelled");
  if (signal?.aborted) onCancel();
  else signal?.addEventListener("abort", onCancel, { once: true });
  assembler.onFailure = () => haltAll("cancelled", "the consumer of the crawl stopped");

  const countBlock = (kind: CrawlErrorKind | null, what: string) => {
    consecutiveBlocks = kind === "blocked" ? consecutiveBlocks + 1 : 0;
    if (consecutiveBlocks >= maxBlocks) haltAll("blocked", `${consecutiveBlocks} blocked ${what} in a row`);
  };
  const retryListener = (phase: "listing" | "detail") => (info: RetryInfo) =>
    emit({ type: "retry", phase, url: info.url, attempt: info.attempt, reason: info.reason, delayMs: info.delayMs });

  const queue: ListingTask[] = options.targets.map((_t, targetIndex) => ({ targetIndex, page: 1 }));
  const queueMore = (targetIndex: number, pages: number[]) => {
    queue.push(...pages.map((page) => ({ targetIndex, page })));
    queue.sort(byPrefixOrder);
  };
  const taskAborts = new Map<string, { targetIndex: number; page: number; controller: AbortController }>();
  const abortUnwanted = () => {
    for (const task of taskAborts.values()) if (!plan.wanted(task.targetIndex, task.page)) task.controller.abort();
  };

  /** The prefix reached new pages: their kept cards become items, whose detail pages are queued in order. */
  const takeReady = () => {
    for (const ready of plan.takeReady()) {
      const label = plan.label(ready.targetIndex);
      const items: CrawlItem[] = ready.kept
        .filter((card) => !checkpoint?.itemIds.has(card.external_id))
        .map((card) => ({ card, detail: card.detail ?? null, target: label, page: ready.page }));
      const needDetail = parseDetail ? items.filter((item) => item.card.detail === undefined) : [];
      counts.details += needDetail.length;
      assembler.add({
        covered: {
          url: plan.url(ready.targetIndex, ready.page),
          target: label,
          page: ready.page,
          outcome: ready.outcome === "failed" ? "failed" : "fetched",
          totalPages: ready.totalPages,
          last: ready.last,
          keptIds: ready.keptIds,
        },
        restored: ready.outcome === "restored",
        items,
        needDetail,
      });
      if (ready.outcome !== "restored") {
        emit({
          type: "page_kept",
          target: label,
          targetIndex: ready.targetIndex,
          page: ready.page,
          kept: items.length,
          keptTotal: plan.keptCount(),
        });
      }
    }
    assembler.pump();
  };

  /** A page an earlier attempt covered: restored from the checkpoint, not fetched. */
  const restore = (task: ListingTask): boolean => {
    const saved = restorable.get(plan.url(task.targetIndex, task.page));
    if (!saved) return false;
    const more = plan.restorePage(task.targetIndex, task.page, {
      totalPages: saved.totalPages,
      last: saved.last,
      failed: saved.outcome === "failed",
      keptIds: saved.keptIds,
    });
    if (more.length > 0) queueMore(task.targetIndex, more);
    counts.pagesRestored++;
    emit({
      type: "page_restored",
      target: plan.label(task.targetIndex),
      targetIndex: task.targetIndex,
      page: task.page,
      url: saved.url,
      pagesPlanned: plan.pagesPlanned(),
    });
    takeReady();
    if (plan.maxJobsReached()) haltListings("max_jobs", `${options.maxJobs} jobs collected (max_jobs)`);
    return true;
  };

  const runListing = async ({ targetIndex, page }: ListingTask): Promise<void> => {
    const url = plan.url(targetIndex, page);
    const target = plan.label(targetIndex);
    const own = new AbortController();
    const key = `${targetIndex}:${page}`;
    taskAborts.set(key, { targetIndex, page, controller: own });
    inFlightListings++;
    let body: string | undefined;
    try {
      const response = await fetcher.fetch({
        url,
        purpose: "listing",
        signal: AbortSignal.any([listingStop.signal, own.signal]),
        onRetry: retryListener("listing"),
      });
      body = response.body;
      const parsed = await adapter.parseListing(response.body, response.finalUrl);
      const known =
        knownPages && options.knownIds && parsed.cards.length > 0
          ? await options.knownIds(parsed.cards.map((c) => c.external_id))
          : null;
      if (listingStop.signal.aborted || !plan.wanted(targetIndex, page)) return;
      if (page === 1) queueMore(targetIndex, plan.readFirstPage(targetIndex, parsed));
      const newCards = plan.settlePage(targetIndex, page, parsed);
      counts.pagesFetched++;
      counts.cardsSeen += parsed.cards.length;
      countBlock(null, "pages");
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
      abortUnwanted(); // pages past a last or empty page are not needed any more
      emit({
        type: "page_fetched",
        target,
        targetIndex,
        page,
        totalPages: plan.totalPages(targetIndex),
        url,
        cards: parsed.cards.length,
        newCards,
        noResults: parsed.noResults === true,
        body: response.body,
        pagesFetched: counts.pagesFetched,
        pagesPlanned: plan.pagesPlanned(),
        uniqueCards: plan.uniqueCards(),
      });
      if (knownPages && parsed.cards.length > 0) {
        const hadNew = parsed.cards.some((c) => !known?.has(c.external_id));
        const endAt = knownPages.record(targetIndex, page, hadNew);
        if (endAt !== null && plan.wanted(targetIndex, endAt + 1)) {
          plan.endAt(targetIndex, endAt);
          abortUnwanted();
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
    } catch (error) {
      if (listingStop.signal.aborted || own.signal.aborted) return; // stopped by us: not a failure of the page
      if (!plan.wanted(targetIndex, page)) return; // past its target's end by now: not needed any more
      if (page > 1 && error instanceof NotInArchiveError && error.neverFetched) {
        // a re-process: the sync job that wrote the (whole) archive stopped this search before this page (max_jobs,
        // a cancel), so the search ends before it here too, as it did then — not a failure of the page
        plan.endAt(targetIndex, page - 1);
        abortUnwanted();
        return;
      }
      const kind = errorKind(error);
      const message = errorMessage(error);
      plan.settleFailure(targetIndex, page, kind);
      knownPages?.record(targetIndex, page, null);
      counts.pagesFailed++;
      recordError({ url, message, kind, phase: "listing" });
      emit({ type: "page_failed", target, targetIndex, page, url, error: message, kind, ...(body ? { body } : {}) });
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
      countBlock(kind, "pages");
      if (kind === "blocked" && plan.allFirstPagesBlocked()) haltAll("blocked", "page 1 of every search is blocked");
    } finally {
      inFlightListings--;
      taskAborts.delete(key);
      takeReady();
      if (plan.maxJobsReached()) haltListings("max_jobs", `${options.maxJobs} jobs collected (max_jobs)`);
    }
  };

  const runDetail = async (page: PendingPage, item: CrawlItem): Promise<void> => {
    const { url, external_id: externalId } = item.card;
    const done = () => counts.detailsDone + 1;
    let body: string | undefined;
    try {
      const response = await fetcher.fetch({
        url,
        purpose: "detail",
        signal: AbortSignal.any([allStop.signal]), // its own signal: listeners do not pile up on one
        onRetry: retryListener("detail"),
      });
      const gone = goneReason(response.status, response.body);
      if (gone) {
        item.gone = gone;
        emit({ type: "detail_gone", externalId, url, reason: gone, done: done(), total: counts.details });
      } else {
        body = response.body;
        item.detail = await parseDetail!(response.body, response.finalUrl);
        if (allStop.signal.aborted) return;
        page.detailsFetched++;
        tally.detailsFetched++;
        emit({ type: "detail_fetched", externalId, url, done: done(), total: counts.details });
      }
      countBlock(null, "detail pages");
    } catch (error) {
      if (allStop.signal.aborted) return; // the page stays incomplete: it is fetched again on a resume
      const gone = error instanceof HttpStatusError ? goneStatusReason(error.status) : null;
      if (gone) {
        item.gone = gone;
        emit({ type: "detail_gone", externalId, url, reason: gone, done: done(), total: counts.details });
      } else {
        const kind = errorKind(error);
        const message = errorMessage(error);
        page.detailsFailed++;
        tally.detailsFailed++;
        recordError({ url, message, kind, phase: "detail" });
        emit({
          type: "detail_failed",
          externalId,
          url,
          error: message,
          kind,
          done: done(),
          total: counts.details,
          ...(body ? { body } : {}),
        });
        countBlock(kind, "detail pages");
      }
    }
    counts.detailsDone++;
    page.detailUrls.push(url);
    page.detailsLeft--;
    assembler.pump();
  };

  const nextListing = (): ListingTask | undefined => {
    if (listingStop.signal.aborted) return undefined;
    for (let i = 0; i < queue.length; ) {
      const task = queue[i] as ListingTask;
      if (!plan.wanted(task.targetIndex, task.page)) {
        queue.splice(i, 1);
        continue;
      }
      if (restore(task)) {
        queue.splice(i, 1);
        if (listingStop.signal.aborted) return undefined;
        i = 0;
        continue;
      }
      const buffered = plan.waitingPages + assembler.pendingPages + inFlightListings;
      if (buffered < LISTING_WINDOW || plan.isPrefixHead(task.targetIndex, task.page)) {
        queue.splice(i, 1);
        return task;
      }
      i++;
    }
    return undefined;
  };

  const next = (): (() => Promise<void>) | undefined => {
    if (allStop.signal.aborted) return undefined;
    const detail = assembler.nextDetail();
    if (detail) return () => runDetail(detail.page, detail.item);
    const listing = nextListing();
    return listing ? () => runListing(listing) : undefined;
  };

  try {
    await pool.run(next, () => allStop.signal.aborted || (assembler.idle && !nextListingPossible()));
    await pool.drain();
    // what is complete still goes on (a cancel keeps every page whose details were read); the page in flight is lost
    await assembler.finish();
  } finally {
    signal?.removeEventListener("abort", onCancel);
  }
  if (assembler.error) throw assembler.error;

  function nextListingPossible(): boolean {
    return !listingStop.signal.aborted && queue.some((t) => plan.wanted(t.targetIndex, t.page));
  }

  return {
    pagesPlanned: plan.pagesPlanned(),
    pagesFetched: counts.pagesFetched,
    pagesFailed: counts.pagesFailed,
    pagesRestored: counts.pagesRestored,
    detailsFetched: tally.detailsFetched,
    detailsFailed: tally.detailsFailed,
    cardsSeen: counts.cardsSeen,
    itemsEmitted: assembler.itemsEmitted,
    stoppedBecause,
    errors,
    targets: options.targets.map((t, i) => ({
      target: t.label,
      totalPages: plan.totalPages(i),
      maxPages: t.maxPages,
      pagesRead: plan.pagesRead(i),
    })),
  };
}
