import { type CrawlStats, emptyCrawlStats, isFinalStepStatus } from "@jobsync/contracts";
import type { ProgressState } from "../sync/progress/progress-state";
import type { JobsyncMetrics } from "./jobsync-metrics";

interface Seen {
  source: string;
  stats: CrawlStats;
  stepsTimed: Set<string>;
}

const PAGE_OUTCOMES = {
  fetched: "pages_fetched",
  failed: "pages_failed",
  skipped: "pages_skipped",
  restored: "pages_restored",
} as const satisfies Record<string, keyof CrawlStats>;

const POSTING_OUTCOMES = {
  added: "jobs_added",
  updated: "jobs_updated",
  unchanged: "jobs_unchanged",
  duplicate: "duplicates",
  invalid: "jobs_invalid",
} as const satisfies Record<string, keyof CrawlStats>;

/**
 * Turns the progress a running sync job saves (its counters and steps, as the runner writes them) into metrics: the
 * growth of each counter since the last save, and the duration of each step once it ends. The crawler knows nothing
 * of it: what it counts reaches here through the progress it already reports.
 */
export class SyncMetricsObserver {
  private readonly jobs = new Map<string, Seen>();

  constructor(private readonly metrics: JobsyncMetrics) {}

  /** A sync job starts here (a later attempt starts from the counters its earlier attempts saved). */
  started(jobId: string, source: string, stats: CrawlStats = emptyCrawlStats()): void {
    this.jobs.set(jobId, { source, stats: structuredClone(stats), stepsTimed: new Set() });
  }

  saved(jobId: string, state: ProgressState): void {
    const seen = this.jobs.get(jobId);
    if (!seen) return;
    const { source } = seen;
    for (const [outcome, key] of Object.entries(PAGE_OUTCOMES)) {
      const grew = state.stats[key] - seen.stats[key];
      if (grew > 0) this.metrics.pages.inc({ source, outcome }, grew);
    }
    for (const [outcome, key] of Object.entries(POSTING_OUTCOMES)) {
      const grew = state.stats[key] - seen.stats[key];
      if (grew > 0) this.metrics.postings.inc({ source, outcome }, grew);
    }
    const retried = state.stats.requests_retried - seen.stats.requests_retried;
    if (retried > 0) this.metrics.retries.inc({ source }, retried);
    seen.stats = structuredClone(state.stats);
    for (const step of state.steps) {
      if (!isFinalStepStatus(step.status) || seen.stepsTimed.has(step.key)) continue;
      seen.stepsTimed.add(step.key);
      if (!step.started_at || !step.finished_at) continue;
      const secs = (Date.parse(step.finished_at) - Date.parse(step.started_at)) / 1000;
      if (secs >= 0) this.metrics.stepDuration.observe({ step: step.key, status: step.status }, secs);
    }
  }

  /** The sync job stopped running here (its last state was saved). */
  stopped(jobId: string): void {
    this.jobs.delete(jobId);
  }
}
