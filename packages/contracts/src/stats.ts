import { z } from "zod";

/** Reasons a crawled posting counts as a duplicate, in the order Check Duplicates applies them. */
export const DUPLICATE_REASONS = ["same_id", "same_url", "same_content"] as const;
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];

const count = z.int().min(0);

/** Live counters of a sync job. */
export const crawlStatsSchema = z.object({
  pages_fetched: count,
  pages_failed: count,
  pages_skipped: count,
  /** Listing pages an earlier attempt had saved: restored from the checkpoint, not fetched again. */
  pages_restored: count,
  requests_retried: count,
  jobs_found: count,
  details_fetched: count,
  jobs_processed: count,
  jobs_invalid: count,
  jobs_filtered: count,
  /** Postings whose detail page says they are gone (404/410, "no longer accepting"): not saved, closed if stored. */
  jobs_gone: count,
  duplicates: count,
  duplicates_by_reason: z.object({ same_id: count, same_url: count, same_content: count }),
  jobs_added: count,
  jobs_updated: count,
  jobs_unchanged: count,
  errors: count,
});
export type CrawlStats = z.infer<typeof crawlStatsSchema>;

export function emptyCrawlStats(): CrawlStats {
  return {
    pages_fetched: 0,
    pages_failed: 0,
    pages_skipped: 0,
    pages_restored: 0,
    requests_retried: 0,
    jobs_found: 0,
    details_fetched: 0,
    jobs_processed: 0,
    jobs_invalid: 0,
    jobs_filtered: 0,
    jobs_gone: 0,
    duplicates: 0,
    duplicates_by_reason: { same_id: 0, same_url: 0, same_content: 0 },
    jobs_added: 0,
    jobs_updated: 0,
    jobs_unchanged: 0,
    errors: 0,
  };
}

/** Counters that are plain numbers (everything but the per-reason map), for increment operations. */
export type NumericStatKey = Exclude<keyof CrawlStats, "duplicates_by_reason">;
