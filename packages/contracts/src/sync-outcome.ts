import type { CrawlStats } from "./stats";
import { isFinalSyncJobStatus, type SyncJobStatus } from "./sync-job-status";

/**
 * How a finished sync job ended, as an admin needs to read it: a completed sync job that lost pages or postings on
 * the way is not the same green "Completed" as a clean one.
 */
export const SYNC_OUTCOMES = [
  "completed",
  "completed_with_warnings",
  "completed_with_errors",
  "failed",
  "cancelled",
] as const;
export type SyncOutcome = (typeof SYNC_OUTCOMES)[number];

/**
 * The outcome of a final sync job, null while it is active. Errors: pages or detail pages that failed (every
 * `errors` count); warnings: postings dropped as invalid, or pages skipped (robots.txt).
 */
export function syncOutcomeOf(job: { status: SyncJobStatus; stats: CrawlStats }): SyncOutcome | null {
  if (!isFinalSyncJobStatus(job.status)) return null;
  if (job.status !== "completed") return job.status;
  const { stats } = job;
  if (stats.errors > 0 || stats.pages_failed > 0) return "completed_with_errors";
  if (stats.jobs_invalid > 0 || stats.pages_skipped > 0) return "completed_with_warnings";
  return "completed";
}
