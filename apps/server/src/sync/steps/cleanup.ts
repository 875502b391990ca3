import type { SyncSummary } from "@jobsync/contracts";
import type { CrawlStreamResult } from "@jobsync/crawler";
import type { PipelineOutcome, PreparedSync, StepReporter, StepResult, SyncEnv, SyncJobInput } from "../sync-context";
import { cutSearches } from "./crawl-jobs";

/** "1 duplicate", "2 duplicates". */
const counted = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

function summaryMessage(env: SyncEnv, outcome: PipelineOutcome): string {
  const s = env.progress.state.stats;
  const counts =
    `${s.jobs_found} found, ${s.jobs_added} added, ${s.jobs_updated} updated, ` +
    `${counted(s.duplicates, "duplicate")}, ${s.jobs_invalid} invalid, ${counted(s.errors, "error")}`;
  const saved = s.jobs_added + s.jobs_updated;
  if (outcome.status === "completed") return `Completed: ${counts}`;
  if (outcome.status === "cancelled")
    return `Cancelled: ${counted(saved, "job posting")} saved before the cancel (${counts})`;
  return `Failed: ${outcome.error ?? "unknown error"}; ${counted(saved, "job posting")} saved before it stopped (${counts})`;
}

export function buildSummary(
  env: SyncEnv,
  outcome: PipelineOutcome,
  crawl: CrawlStreamResult | null,
  finishedAt: Date,
): SyncSummary {
  const state = env.progress.state;
  const durations: Record<string, number> = {};
  for (const step of state.steps) if (step.duration_ms !== null) durations[step.key] = step.duration_ms;
  const startedAt = state.steps.find((s) => s.started_at)?.started_at;
  const cut = crawl ? cutSearches(crawl.targets) : [];
  const { sameContentBySource } = env.summaryExtras;
  return {
    outcome: outcome.status,
    message: summaryMessage(env, outcome),
    total_duration_ms: startedAt ? Math.max(0, finishedAt.getTime() - new Date(startedAt).getTime()) : 0,
    step_durations_ms: durations,
    stats: state.stats,
    first_errors: env.firstErrors.slice(0, 10),
    ...(sameContentBySource ? { same_content_by_source: sameContentBySource } : {}),
    ...(cut.length > 0
      ? {
          searches_cut: cut.map((t) => ({
            search: t.target,
            pages_on_board: t.totalPages,
            pages_crawled: t.pagesRead,
          })),
        }
      : {}),
    complete_crawl:
      crawl !== null && crawl.stoppedBecause === "completed" && cut.length === 0 && state.stats.pages_failed === 0,
    ...(outcome.status === "completed" ? {} : { saved_before_stop: state.stats.jobs_added + state.stats.jobs_updated }),
  };
}

/**
 * Cleanup: always runs, also after a failure or a cancel. Closes the browser and sockets, and the page archive (its
 * size and pages recorded on the sync job); writes the summary.
 */
export async function cleanup(
  job: SyncJobInput,
  env: SyncEnv,
  prepared: PreparedSync | null,
  report: StepReporter,
): Promise<StepResult> {
  if (prepared) {
    const kind = prepared.fetcher.kind;
    await prepared.fetcher.close();
    const archive = prepared.archive;
    if (archive?.mode === "read") report.detail(`Archive of sync job ${archive.fromJobId} read`);
    else report.detail(kind === "browser" ? "Browser closed" : "HTTP connections closed");
    if (archive?.mode === "write" && env.runtime.archives) {
      const tally = await env.runtime.archives.finish(job.jobId, archive.writer);
      report.detail(`Page archive: ${tally.pages} pages, ${(tally.bytes / 1024 / 1024).toFixed(1)} MB`);
      if (archive.writeError) report.warn(`the page archive stopped recording: ${archive.writeError}`);
    }
  }
  report.progress(60);
  return { status: "completed", message: "Resources released; summary written" };
}
