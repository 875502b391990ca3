import { resolveSyncOptions } from "@jobsync/contracts";
import { type CrawlEvent, crawlListings } from "@jobsync/crawler";
import { requireValue, StepFailure, type SyncContext, type SyncStep } from "../sync-context";

/** How far the crawl is: listing pages (planned total refined as each search tells its page count) then details. */
class CrawlProgress {
  pagesPlanned: number;
  pagesDone = 0;
  detailsPlanned = 0;
  detailsDone = 0;

  constructor(ctx: SyncContext) {
    this.pagesPlanned = ctx.targets.reduce((n, t) => n + t.maxPages, 0);
  }

  percent(): number {
    const total = this.pagesPlanned + this.detailsPlanned;
    return total === 0 ? 0 : Math.min(99, ((this.pagesDone + this.detailsDone) / total) * 100);
  }
}

/**
 * Crawl Jobs: fetch the listing pages of every search (stopping at the last page or at max_jobs), then the detail
 * page of each posting kept. A page that fails is recorded and the crawl goes on; a board that blocks us, or from
 * which no page could be fetched, fails the step.
 */
export const crawlJobsStep: SyncStep = {
  key: "crawl_jobs",
  async run(ctx, report) {
    const adapter = requireValue(ctx.adapter, "site adapter");
    const fetcher = requireValue(ctx.fetcher, "fetcher");
    const settings = requireValue(ctx.settings, "configuration");
    const tracker = new CrawlProgress(ctx);
    const stopAfterKnownPages = ctx.fullRefresh ? 0 : resolveSyncOptions(ctx.source.config).stopAfterKnownPages;
    const known = ctx.runtime.knownExternalIds;
    const incremental =
      stopAfterKnownPages > 0 && known
        ? { stopAfterKnownPages, knownIds: (ids: string[]) => known(ctx.source.id, ids) }
        : {};
    if (ctx.fullRefresh) report.detail("full refresh: every planned page is read");
    const onEvent = (event: CrawlEvent) => {
      switch (event.type) {
        case "target_planned":
          tracker.pagesPlanned = event.pagesPlanned;
          report.detail(
            `${event.target}: ${event.totalPages ?? "?"} pages on the board, ${event.plannedPages} to crawl`,
          );
          break;
        case "page_fetched":
          tracker.pagesDone += 1;
          tracker.pagesPlanned = event.pagesPlanned;
          ctx.progress.apply(
            { op: "stat_increment", key: "pages_fetched", by: 1 },
            { op: "stat_set", key: "jobs_found", value: Math.min(event.uniqueCards, ctx.maxJobs) },
          );
          report.detail(
            `${event.target} page ${event.page}${event.totalPages ? `/${event.totalPages}` : ""}: ${event.cards} cards, ${event.newCards} new`,
          );
          break;
        case "page_failed":
          tracker.pagesDone += 1;
          if (event.kind === "robots") {
            ctx.progress.apply({ op: "stat_increment", key: "pages_skipped", by: 1 });
            report.detail(`skipped ${event.url}: ${event.error}`);
          } else {
            ctx.progress.apply({ op: "stat_increment", key: "pages_failed", by: 1 });
            report.error(`${event.target} page ${event.page}: ${event.error}`);
          }
          break;
        case "detail_fetched":
          tracker.detailsPlanned = event.total;
          tracker.detailsDone = event.done;
          ctx.progress.apply({ op: "stat_increment", key: "details_fetched", by: 1 });
          break;
        case "detail_failed":
          tracker.detailsPlanned = event.total;
          tracker.detailsDone = event.done;
          report.error(`detail page ${event.url}: ${event.error}`);
          break;
        case "retry":
          ctx.progress.apply({ op: "stat_increment", key: "requests_retried", by: 1 });
          if (ctx.progress.state.stats.requests_retried <= 20) {
            report.detail(
              `retry ${event.attempt} of ${event.url} in ${Math.round(event.delayMs / 100) / 10} s: ${event.reason}`,
            );
          }
          break;
        case "stopped":
          report.detail(`stopped: ${event.message}`);
          break;
        case "target_caught_up":
          tracker.pagesPlanned = event.pagesPlanned;
          report.detail(
            `${event.target}: no new postings in ${event.knownPages} page${event.knownPages === 1 ? "" : "s"} in a row, stopped after page ${event.page} (incremental)`,
          );
          break;
      }
      report.progress(tracker.percent(), `${ctx.progress.state.stats.jobs_found} job postings found`);
    };
    const result = await crawlListings({
      adapter,
      fetcher,
      targets: ctx.targets,
      maxJobs: ctx.maxJobs,
      concurrency: ctx.runtime.crawlConcurrency,
      fetchDetails: settings.fetchDetails,
      signal: ctx.signal,
      onEvent,
      ...incremental,
    });
    ctx.items = result.items;
    // jobs_found is the number of unique postings kept, whatever the events counted on the way
    ctx.progress.apply({ op: "stat_set", key: "jobs_found", value: result.items.length });
    if (result.stoppedBecause === "cancelled" || ctx.signal.aborted) {
      throw new StepFailure("cancelled");
    }
    if (result.stoppedBecause === "blocked") {
      const reason = result.errors.find((e) => e.kind === "blocked")?.message ?? "challenge page";
      throw new StepFailure(reason.startsWith("blocked by the site") ? reason : `blocked by the site: ${reason}`);
    }
    if (result.pagesFetched === 0) {
      const first = result.errors[0]?.message ?? "no page answered";
      throw new StepFailure(`no listing page could be fetched: ${first}`);
    }
    const why = result.stoppedBecause === "max_jobs" ? ` (stopped at max_jobs ${ctx.maxJobs})` : "";
    return {
      status: "completed",
      message: `${result.items.length} job postings from ${result.pagesFetched} listing pages${why}`,
    };
  },
};
