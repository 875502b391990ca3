import type { CrawlStats, StepKey } from "@jobsync/contracts";
import type { TFunction } from "i18next";
import { formatCount } from "../../lib/format";

/**
 * A running step's own counts, from the sync job's counters: what it has done so far. Steps 5–8 can run at the
 * same time (the streaming pipeline), each with its own line. Steps without counts of their own have none.
 */
export function stepCounts(t: TFunction, key: StepKey, stats: CrawlStats): string | null {
  switch (key) {
    case "crawl_jobs":
      return t("syncJobs.counts.crawl", {
        pages: formatCount(stats.pages_fetched),
        details: formatCount(stats.details_fetched),
        found: formatCount(stats.jobs_found),
      });
    case "process_jobs":
      return t("syncJobs.counts.process", {
        processed: formatCount(stats.jobs_processed),
        invalid: formatCount(stats.jobs_invalid),
        filtered: formatCount(stats.jobs_filtered),
      });
    case "check_duplicates":
      return t("syncJobs.counts.duplicates", { count: stats.duplicates, duplicates: formatCount(stats.duplicates) });
    case "save_jobs":
      return t("syncJobs.counts.save", {
        added: formatCount(stats.jobs_added),
        updated: formatCount(stats.jobs_updated),
      });
    default:
      return null;
  }
}
