import {
  type CrawlJobProgress,
  type CrawlStep,
  isFinalSyncJobStatus,
  pendingStep,
  SYNC_STEPS,
} from "@jobsync/contracts";
import type { TFunction } from "i18next";
import { AlertTriangle } from "lucide-react";
import { useTranslation } from "react-i18next";
import { elapsedMs, formatBytes, formatCount, formatDuration, formatEta } from "../../lib/format";
import { AlarmBanner } from "../source-health/AlarmBanner";
import { DataQuality } from "../source-health/DataQuality";
import { SnapshotList } from "../source-health/SnapshotList";
import { Progress } from "../ui/progress";
import { Time } from "../ui/time";
import { StepList } from "./StepList";
import { SyncJobStats } from "./SyncJobStats";
import { SyncJobSummary } from "./SyncJobSummary";
import { syncJobDisplay } from "./status-display";

/** Every one of the nine steps, in order: the sync job's own, or a pending placeholder for any it does not list yet. */
export function allSteps(progress: CrawlJobProgress): CrawlStep[] {
  const byKey = new Map(progress.steps.map((step) => [step.key, step]));
  return SYNC_STEPS.map((meta) => byKey.get(meta.key) ?? pendingStep(meta.key, meta.name));
}

/** One sentence for where the sync job is: the step (or the steps running at once), or how it ended. */
export function headline(t: TFunction, progress: CrawlJobProgress, steps: CrawlStep[] = allSteps(progress)): string {
  const stepName = (step: CrawlStep) => t(`steps.${step.key}.name`);
  switch (progress.status) {
    case "pending":
      return t("syncJobs.headline.pending");
    case "running": {
      const running = steps.filter((step) => step.status === "running");
      if (running.length > 1) {
        return t("syncJobs.headline.runningMany", {
          numbers: running.map((step) => steps.indexOf(step) + 1).join(", "),
          names: running.map(stepName).join(", "),
        });
      }
      const current = running[0] ?? steps.find((step) => step.key === progress.current_step);
      return current
        ? t("syncJobs.headline.running", {
            index: steps.indexOf(current) + 1,
            total: steps.length,
            name: stepName(current),
          })
        : t("syncJobs.headline.starting");
    }
    case "cancelling":
      return t("syncJobs.headline.cancelling");
    case "completed":
      return t(syncJobDisplay(progress).label);
    case "failed": {
      const failed =
        steps.find((step) => step.status === "failed") ?? steps.find((s) => s.key === progress.current_step);
      return failed ? t("syncJobs.headline.failedAt", { name: stepName(failed) }) : t("status.job.failed");
    }
    case "cancelled":
      return t("status.job.cancelled");
  }
}

/** Everything the sync job modal shows about one sync job, from one progress snapshot. */
export function SyncJobProgressView({ progress, now }: { progress: CrawlJobProgress; now: number }) {
  const { t } = useTranslation();
  const steps = allSteps(progress);
  const final = isFinalSyncJobStatus(progress.status);
  const elapsed = elapsedMs(progress.started_at, progress.finished_at, now);
  const percent = Math.round(progress.progress);
  const eta = progress.status === "running" ? (progress.eta_seconds ?? null) : null;

  return (
    <div className="flex flex-col gap-4">
      <section aria-label={t("syncJobs.overallProgress")} className="flex flex-col gap-1.5">
        <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
          <p className="min-w-0 text-[13px] font-medium text-zinc-900" data-testid="sync-headline">
            {headline(t, progress, steps)}
          </p>
          <p className="flex items-baseline gap-3 text-[13px] tabular-nums">
            {eta !== null ? (
              <span className="text-xs text-zinc-700" data-testid="sync-eta">
                {formatEta(eta)}
              </span>
            ) : null}
            <span className="font-semibold text-zinc-900" data-testid="overall-percent">
              {percent}%
            </span>
          </p>
        </div>
        <Progress
          value={progress.progress}
          tone={syncJobDisplay(progress).tone}
          aria-label={t("syncJobs.overallProgress")}
        />
        <p className="flex flex-wrap gap-x-3 gap-y-0.5 text-xs text-zinc-600">
          <span>
            {t("syncJobs.created")} <Time value={progress.created_at} now={now} />
          </span>
          {progress.requested_by ? (
            <span>{t("syncJobs.by", { email: progress.requested_by.email })}</span>
          ) : (
            <span>{t("syncJobs.via", { trigger: t(`syncJobs.trigger.${progress.trigger}`) })}</span>
          )}
          {elapsed !== null ? (
            <span>
              {final ? t("syncJobs.took") : t("syncJobs.elapsed")}{" "}
              <span className="tabular-nums">{formatDuration(elapsed)}</span>
            </span>
          ) : null}
          <span>{t("syncJobs.maxJobs", { count: progress.max_jobs, formatted: formatCount(progress.max_jobs) })}</span>
          {progress.full_refresh ? <span>{t("syncJobs.fullRefresh")}</span> : null}
          {progress.attempt > 1 ? (
            <span>{t("syncJobs.attempt", { attempt: progress.attempt, max: progress.max_attempts })}</span>
          ) : null}
          {progress.resumed_from ? (
            <span>{t("syncJobs.resumedFrom", { id: progress.resumed_from.slice(0, 8) })}</span>
          ) : null}
          {progress.reprocessed_from ? (
            <span>{t("syncJobs.archive.reprocessedFrom", { id: progress.reprocessed_from.slice(0, 8) })}</span>
          ) : null}
          {final && progress.archive ? (
            <span data-testid="sync-job-archive">
              {t("syncJobs.archive.summary", {
                count: progress.archive.pages,
                formatted: formatCount(progress.archive.pages),
                size: formatBytes(progress.archive.bytes),
              })}
            </span>
          ) : null}
          {progress.cancelled_by ? (
            <span>{t("syncJobs.cancelledBy", { email: progress.cancelled_by.email })}</span>
          ) : null}
        </p>
      </section>

      {progress.error ? (
        <div
          role="alert"
          className="flex items-start gap-2 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-[13px] text-red-800"
        >
          <AlertTriangle className="mt-0.5 size-4 shrink-0 text-red-600" aria-hidden />
          <p className="break-words" lang="en">
            {progress.error}
          </p>
        </div>
      ) : null}

      <AlarmBanner alarms={progress.alarms} />

      {/* Once final, the summary is what the admin came for: it goes first. */}
      {progress.summary ? <SyncJobSummary summary={progress.summary} job={progress} /> : null}
      <SyncJobStats stats={progress.stats} />
      <DataQuality quality={progress.quality} />
      {final ? <SnapshotList jobId={progress.job_id} version={progress.version} /> : null}
      <StepList steps={steps} now={now} stats={progress.stats} />
    </div>
  );
}
