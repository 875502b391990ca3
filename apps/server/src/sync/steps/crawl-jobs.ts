import { type CrawlStats, emptyCrawlStats, LAYOUT_CHANGED_FAILURE } from "@jobsync/contracts";
import {
  type CrawlBatch,
  type CrawlEvent,
  type CrawlStreamResult,
  crawlStream,
  type TargetDepth,
} from "@jobsync/crawler";
import type { Channel } from "../stream/channel";
import type { Progressed } from "../stream/stage-runner";
import {
  type PlannedSync,
  StepFailure,
  type StepReporter,
  type StepResult,
  type StreamBatch,
  type SyncEnv,
  type SyncJobInput,
  stopWhy,
} from "../sync-context";
import { CrawlHealthWatch } from "./crawl-health-watch";
import { CrawlProgress } from "./crawl-progress";

/**
 * A re-process reads pages from a file, not a site (no one to be polite to, a page "fetched" in a millisecond): it
 * keeps this many times the crawl's concurrency in flight, so the parse pool always has pages queued (B11).
 */
const REPROCESS_CONCURRENCY_FACTOR = 4;

/** Step details shown per kind of line before they are only counted (the step keeps its last 50 lines anyway). */
const MAX_GONE_LINES = 5;
const MAX_RETRY_LINES = 20;

/** The counters a crawled batch adds: what a resume starts from once the batch is saved. */
function crawlTally(batch: CrawlBatch): CrawlStats {
  const failed = batch.pages.filter((p) => p.outcome === "failed").length;
  return {
    ...emptyCrawlStats(),
    pages_fetched: batch.pages.length - failed,
    pages_failed: failed,
    details_fetched: batch.detailsFetched,
    jobs_found: batch.items.length,
    errors: failed + batch.detailsFailed,
  };
}

/** "python-developer: 112 pages on the board, 100 crawled" for every search a cap stopped early. */
export function cutSearches(targets: readonly TargetDepth[]): TargetDepth[] {
  return targets.filter((t) => t.totalPages !== null && t.totalPages > t.pagesRead);
}

export interface CrawlOutcome {
  result: StepResult;
  crawl: CrawlStreamResult;
}

/**
 * Crawl Jobs: reads the listing pages of every search and the detail pages of the postings kept, and hands the
 * postings on in batches (a listing page's postings, at most SYNC_BATCH_SIZE) while it goes on crawling. Pages an
 * earlier attempt saved are restored from the checkpoint, not fetched again. A page that fails is recorded and the
 * crawl goes on; a board that blocks us, or from which no page could be read, fails the step.
 */
export async function crawlJobs(
  job: SyncJobInput,
  env: SyncEnv,
  planned: PlannedSync,
  out: Channel<StreamBatch & Progressed>,
  report: StepReporter,
): Promise<CrawlOutcome> {
  const { adapter, fetcher, settings, options } = planned;
  const tracker = new CrawlProgress(
    planned.targets.reduce((n, t) => n + t.maxPages, 0),
    job.maxJobs,
    settings.fetchDetails && adapter.parseDetail !== undefined,
  );
  const stopAfterKnownPages = job.fullRefresh ? 0 : options.stopAfterKnownPages;
  const known = env.runtime.knownExternalIds;
  const incremental =
    stopAfterKnownPages > 0 && known
      ? { stopAfterKnownPages, knownIds: (ids: string[]) => known(job.source.id, ids) }
      : {};
  if (job.fullRefresh) report.detail("full refresh: every planned page is read");
  const damage = planned.archive?.mode === "read" ? planned.archive.source.damage : null;
  if (damage) {
    report.error(
      `the archive is damaged at offset ${damage.offset}: ${damage.reason}; the records before it are processed, the pages after it are missing`,
    );
  }
  const stats = () => env.progress.state.stats;
  const health = new CrawlHealthWatch(env, report);
  let goneLines = 0;
  const onEvent = (event: CrawlEvent) => {
    health.see(event);
    switch (event.type) {
      case "target_planned":
        tracker.pagesPlanned = event.pagesPlanned;
        report.detail(`${event.target}: ${event.totalPages ?? "?"} pages on the board, ${event.plannedPages} to crawl`);
        break;
      case "page_fetched":
        tracker.pagesDone += 1;
        tracker.pagesPlanned = event.pagesPlanned;
        env.progress.apply({ op: "stat_increment", key: "pages_fetched", by: 1 });
        report.detail(
          event.noResults
            ? `no results for ${event.target}`
            : `${event.target} page ${event.page}${event.totalPages ? `/${event.totalPages}` : ""}: ${event.cards} cards, ${event.newCards} new`,
        );
        break;
      case "page_restored":
        tracker.pagesDone += 1;
        tracker.pagesPlanned = event.pagesPlanned;
        env.progress.apply({ op: "stat_increment", key: "pages_restored", by: 1 });
        break;
      case "page_kept":
        tracker.kept += event.kept;
        env.progress.apply({ op: "stat_increment", key: "jobs_found", by: event.kept });
        break;
      case "page_failed":
        tracker.pagesDone += 1;
        if (event.kind === "blocked") env.runtime.pageBlocked?.(job.source.siteName);
        if (event.kind === "robots") {
          env.progress.apply({ op: "stat_increment", key: "pages_skipped", by: 1 });
          report.detail(`skipped ${event.url}: ${event.error}`);
        } else {
          env.progress.apply({ op: "stat_increment", key: "pages_failed", by: 1 });
          report.error(`${event.target} page ${event.page}: ${event.error}`);
        }
        break;
      case "detail_fetched":
        tracker.detailsDone += 1;
        env.progress.apply({ op: "stat_increment", key: "details_fetched", by: 1 });
        break;
      case "detail_gone":
        tracker.detailsDone += 1;
        if (goneLines++ < MAX_GONE_LINES) report.detail(`gone: ${event.url}: ${event.reason}`);
        break;
      case "detail_failed":
        tracker.detailsDone += 1;
        report.error(`detail page ${event.url}: ${event.error}`);
        break;
      case "retry":
        env.progress.apply({ op: "stat_increment", key: "requests_retried", by: 1 });
        if (stats().requests_retried <= MAX_RETRY_LINES) {
          report.detail(
            `retry ${event.attempt} of ${event.url} in ${Math.round(event.delayMs / 100) / 10} s: ${event.reason}`,
          );
        }
        break;
      case "stopped":
        if (event.reason === "max_jobs") tracker.closeListing();
        report.detail(`stopped: ${event.message}`);
        break;
      case "target_caught_up":
        tracker.pagesPlanned = event.pagesPlanned;
        report.detail(
          `${event.target}: no new postings in ${event.knownPages} page${event.knownPages === 1 ? "" : "s"} in a row, stopped after page ${event.page} (incremental)`,
        );
        break;
    }
    report.progress(tracker.percent(), `${stats().jobs_found} job postings found`);
  };
  const crawl = await crawlStream({
    adapter,
    fetcher,
    targets: planned.targets,
    maxJobs: job.maxJobs,
    concurrency:
      planned.archive?.mode === "read"
        ? env.runtime.crawlConcurrency * REPROCESS_CONCURRENCY_FACTOR
        : env.runtime.crawlConcurrency,
    fetchDetails: settings.fetchDetails,
    signal: env.signal,
    onEvent,
    batchSize: env.runtime.batchSize,
    ...(job.resume ? { checkpoint: job.resume.checkpoint } : {}),
    ...incremental,
    onBatch: async (batch) => {
      await out.push({
        seq: batch.seq,
        crawl: batch,
        itemIds: batch.items.map((i) => i.card.external_id),
        drafts: [],
        gone: [],
        plan: null,
        tally: crawlTally(batch),
        quality: health.take(),
        crawlPercent: tracker.percent(),
      });
    },
  });
  if (crawl.stoppedBecause === "cancelled" || env.signal.aborted) throw new StepFailure(stopWhy(env.signal));
  if (crawl.stoppedBecause === "blocked") {
    const reason = crawl.errors.find((e) => e.kind === "blocked")?.message ?? "challenge page";
    throw new StepFailure(reason.startsWith("blocked by the site") ? reason : `blocked by the site: ${reason}`);
  }
  if (crawl.pagesFetched === 0 && crawl.pagesRestored === 0) {
    const first = crawl.errors[0]?.message ?? "no page answered";
    throw new StepFailure(`no listing page could be fetched: ${first}`);
  }
  if (health.everyFirstPageEmpty(planned.targets.length)) throw new StepFailure(LAYOUT_CHANGED_FAILURE);
  for (const cut of cutSearches(crawl.targets)) {
    report.detail(
      `${cut.target}: ${cut.totalPages} pages on the board, ${cut.pagesRead} crawled (${cut.pagesRead >= cut.maxPages ? `max_pages ${cut.maxPages}` : `max_jobs ${job.maxJobs}`})`,
    );
  }
  const why = crawl.stoppedBecause === "max_jobs" ? ` (stopped at max_jobs ${job.maxJobs})` : "";
  const restored = crawl.pagesRestored > 0 ? `, ${crawl.pagesRestored} restored from the checkpoint` : "";
  return {
    result: {
      status: "completed",
      message: `${crawl.itemsEmitted} job postings from ${crawl.pagesFetched} listing pages${restored}${why}`,
    },
    crawl,
  };
}
