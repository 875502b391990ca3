import {
  type BatchSummary,
  type CrawlJobProgress,
  type CrawlStats,
  emptyCrawlStats,
  isActiveSyncJobStatus,
  isFinalSyncJobStatus,
  type NumericStatKey,
  type SyncJobStatus,
} from "@jobsync/contracts";

/** Sum two sets of statistics, counter by counter. */
export function addStats(a: CrawlStats, b: CrawlStats): CrawlStats {
  const sum = emptyCrawlStats();
  for (const key of Object.keys(sum) as Array<keyof CrawlStats>) {
    if (key === "duplicates_by_reason") continue;
    sum[key as NumericStatKey] = a[key as NumericStatKey] + b[key as NumericStatKey];
  }
  sum.duplicates_by_reason = {
    same_id: a.duplicates_by_reason.same_id + b.duplicates_by_reason.same_id,
    same_url: a.duplicates_by_reason.same_url + b.duplicates_by_reason.same_url,
    same_content: a.duplicates_by_reason.same_content + b.duplicates_by_reason.same_content,
  };
  return sum;
}

/** The combined view of a batch: counts by status, mean progress, summed statistics. */
export function summarizeBatch(jobs: readonly CrawlJobProgress[]): BatchSummary {
  const byStatus: Partial<Record<SyncJobStatus, number>> = {};
  for (const job of jobs) byStatus[job.status] = (byStatus[job.status] ?? 0) + 1;
  const progress = jobs.length === 0 ? 0 : jobs.reduce((total, job) => total + job.progress, 0) / jobs.length;
  return {
    total: jobs.length,
    active: jobs.filter((job) => isActiveSyncJobStatus(job.status)).length,
    by_status: byStatus,
    progress: Math.round(progress * 10) / 10,
    finished: jobs.every((job) => isFinalSyncJobStatus(job.status)),
    stats: jobs.reduce((total, job) => addStats(total, job.stats), emptyCrawlStats()),
  };
}
