import type { SyncSummary } from "@jobsync/contracts";
import type { SyncContext, SyncStep } from "../sync-context";

function summaryMessage(ctx: SyncContext): string {
  const s = ctx.progress.state.stats;
  const outcome = ctx.outcome;
  const counts =
    `${s.jobs_found} found, ${s.jobs_added} added, ${s.jobs_updated} updated, ` +
    `${s.duplicates} duplicates, ${s.jobs_invalid} invalid, ${s.errors} errors`;
  if (!outcome || outcome.status === "completed") return `Completed: ${counts}`;
  if (outcome.status === "cancelled") return `Cancelled: ${counts}`;
  return `Failed: ${outcome.error ?? "unknown error"} (${counts})`;
}

export function buildSummary(ctx: SyncContext, finishedAt: Date): SyncSummary {
  const state = ctx.progress.state;
  const durations: Record<string, number> = {};
  for (const step of state.steps) if (step.duration_ms !== null) durations[step.key] = step.duration_ms;
  const startedAt = state.steps.find((s) => s.started_at)?.started_at;
  return {
    outcome: ctx.outcome?.status ?? "completed",
    message: summaryMessage(ctx),
    total_duration_ms: startedAt ? Math.max(0, finishedAt.getTime() - new Date(startedAt).getTime()) : 0,
    step_durations_ms: durations,
    stats: state.stats,
    first_errors: ctx.firstErrors.slice(0, 10),
    ...(ctx.sameContentBySource ? { same_content_by_source: ctx.sameContentBySource } : {}),
  };
}

/** Cleanup: always runs, also after a failure or a cancel. Closes the browser and sockets; writes the summary. */
export const cleanupStep: SyncStep = {
  key: "cleanup",
  async run(ctx, report) {
    if (ctx.fetcher) {
      const kind = ctx.fetcher.kind;
      await ctx.fetcher.close();
      report.detail(kind === "browser" ? "Browser closed" : "HTTP connections closed");
    }
    ctx.items = [];
    report.progress(60);
    return { status: "completed", message: "Resources released; summary written" };
  },
};
