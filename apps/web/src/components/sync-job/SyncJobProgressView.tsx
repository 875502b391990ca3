import {
  type CrawlJobProgress,
  type CrawlStep,
  isFinalSyncJobStatus,
  pendingStep,
  SYNC_STEPS,
} from "@jobsync/contracts";
import { AlertTriangle } from "lucide-react";
import { elapsedMs, formatDateTime, formatDuration, formatRelative } from "../../lib/format";
import { Progress } from "../ui/progress";
import { StepList } from "./StepList";
import { SyncJobStats } from "./SyncJobStats";
import { SyncJobSummary } from "./SyncJobSummary";
import { SYNC_JOB_PROGRESS_TONE } from "./status-display";

/** Every one of the nine steps, in order: the sync job's own, or a pending placeholder for any it does not list yet. */
export function allSteps(progress: CrawlJobProgress): CrawlStep[] {
  const byKey = new Map(progress.steps.map((step) => [step.key, step]));
  return SYNC_STEPS.map((meta) => byKey.get(meta.key) ?? pendingStep(meta.key, meta.name));
}

function headline(progress: CrawlJobProgress, steps: CrawlStep[]): string {
  const index = steps.findIndex((step) => step.key === progress.current_step);
  const current = index === -1 ? null : steps[index];
  switch (progress.status) {
    case "pending":
      return "Queued, waiting for a worker";
    case "running":
      return current ? `Step ${index + 1} of ${steps.length}: ${current.name}` : "Starting";
    case "cancelling":
      return "Cancelling: finishing the current request, then cleaning up";
    case "completed":
      return "Completed";
    case "failed":
      return current ? `Failed at ${current.name}` : "Failed";
    case "cancelled":
      return "Cancelled";
  }
}

/** Everything the sync job modal shows about one sync job, from one progress snapshot. */
export function SyncJobProgressView({ progress, now }: { progress: CrawlJobProgress; now: number }) {
  const steps = allSteps(progress);
  const final = isFinalSyncJobStatus(progress.status);
  const elapsed = elapsedMs(progress.started_at, progress.finished_at, now);
  const percent = Math.round(progress.progress);

  return (
    <div className="flex flex-col gap-4">
      <section aria-label="Overall progress" className="flex flex-col gap-1.5">
        <div className="flex items-baseline justify-between gap-4">
          <p className="text-[13px] font-medium text-zinc-900">{headline(progress, steps)}</p>
          <p className="text-[13px] font-semibold text-zinc-900 tabular-nums" data-testid="overall-percent">
            {percent}%
          </p>
        </div>
        <Progress
          value={progress.progress}
          tone={SYNC_JOB_PROGRESS_TONE[progress.status]}
          aria-label="Overall progress"
        />
        <p className="flex flex-wrap gap-x-3 text-xs text-zinc-500">
          <span title={formatDateTime(progress.created_at)}>Created {formatRelative(progress.created_at, now)}</span>
          {progress.requested_by ? <span>by {progress.requested_by.email}</span> : <span>via {progress.trigger}</span>}
          {elapsed !== null ? (
            <span>
              {final ? "Took" : "Elapsed"} <span className="tabular-nums">{formatDuration(elapsed)}</span>
            </span>
          ) : null}
          <span>Max {progress.max_jobs} job postings</span>
          {progress.cancelled_by ? <span>Cancelled by {progress.cancelled_by.email}</span> : null}
        </p>
      </section>

      {progress.error ? (
        <div
          role="alert"
          className="flex items-start gap-2 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-[13px] text-red-800"
        >
          <AlertTriangle className="mt-0.5 size-4 shrink-0 text-red-600" aria-hidden />
          <p className="break-words">{progress.error}</p>
        </div>
      ) : null}

      {/* Once final, the summary is what the admin came for: it goes first. */}
      {progress.summary ? <SyncJobSummary summary={progress.summary} /> : null}
      <SyncJobStats stats={progress.stats} />
      <StepList steps={steps} now={now} />
    </div>
  );
}
