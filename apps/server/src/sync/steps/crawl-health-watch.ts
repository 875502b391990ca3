import type { QualityTally } from "@jobsync/contracts";
import type { CrawlEvent } from "@jobsync/crawler";
import { PageQuality } from "../quality/draft-quality";
import type { StepReporter, SyncEnv } from "../sync-context";

/**
 * What Crawl Jobs watches for source health, from the crawl's events: cards per listing page and detail pages that
 * failed to parse (counted live and handed to the next batch, so its checkpoint keeps them); a listing page that
 * answered 200 with no card and is not the board's "no results" page (a `layout_changed` alarm, with a snapshot);
 * the first page of each distinct error kind (a snapshot); and the first listing page, held for a drift alarm.
 */
export class CrawlHealthWatch {
  private readonly pages = new PageQuality();
  private readonly emptyFirstPages = new Set<number>();

  constructor(
    private readonly env: SyncEnv,
    private readonly report: StepReporter,
  ) {}

  see(event: CrawlEvent): void {
    const { env } = this;
    switch (event.type) {
      case "page_fetched": {
        const empty = event.cards === 0 && !event.noResults;
        env.progress.apply({ op: "quality_add", tally: this.pages.listingPage(event.cards, empty) });
        if (!empty) {
          env.snapshots.hold(event.url, event.body);
          return;
        }
        if (event.page === 1) this.emptyFirstPages.add(event.targetIndex);
        const message = `${event.target} page ${event.page} answered 200 with no job cards and is not the site's "no results" page: the site's layout may have changed`;
        this.report.warn(message);
        env.progress.apply({
          op: "alarm",
          alarm: { kind: "layout_changed", field: "cards_per_page", baseline: null, actual: 0, message },
        });
        env.snapshots.keep("layout_changed", event.url, message, event.body);
        return;
      }
      case "page_failed":
        if (event.body !== undefined) env.snapshots.keep(`error:${event.kind}`, event.url, event.error, event.body);
        return;
      case "detail_fetched":
        env.progress.apply({ op: "quality_add", tally: this.pages.detail(false) });
        return;
      case "detail_failed":
        if (event.kind === "parse") env.progress.apply({ op: "quality_add", tally: this.pages.detail(true) });
        if (event.body !== undefined) env.snapshots.keep(`error:${event.kind}`, event.url, event.error, event.body);
        return;
      default:
        return;
    }
  }

  /** Page counters since the last batch, for the batch about to go out. */
  take(): QualityTally {
    return this.pages.take();
  }

  /** Page 1 of every search answered 200 with no job cards. */
  everyFirstPageEmpty(targets: number): boolean {
    return targets > 0 && this.emptyFirstPages.size === targets;
  }
}
