import { type CrawlJobProgress, isActiveSyncJobStatus } from "@jobsync/contracts";
import { useMutation } from "@tanstack/react-query";
import { Archive, Play, RotateCcw } from "lucide-react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { useApi } from "../../app/api-context";
import { ApiError, errorMessage } from "../../services/api-error";
import { syncJobsApi } from "../../services/sync-jobs-api";
import { Button } from "../ui/button";

export interface SyncJobActionsProps {
  progress: CrawlJobProgress;
  /** Ask to cancel (the modal confirms first). */
  onCancel: () => void;
  /** Follow another sync job in the modal (the retry, or the one already running). */
  onFollow: (jobId: string) => void;
}

/**
 * What can be done with a sync job now: Cancel while it runs; Resume once it failed or was cancelled after saving
 * something (a new sync job that carries on from its checkpoint: no page it saved is fetched again); Retry once it
 * failed (a new sync job of the same source with the same options: max_jobs, full_refresh); Re-process once it is
 * finished and has a page archive (a new sync job that parses the archived pages again, with no request to the site).
 */
export function SyncJobActions({ progress, onCancel, onFollow }: SyncJobActionsProps) {
  const { t } = useTranslation();
  const api = useApi();
  const followStarted = (
    key: "syncJobs.toast.retried" | "syncJobs.toast.resumed" | "syncJobs.archive.reprocessed",
  ) => ({
    onSuccess: (started: { job_id: string }) => {
      toast.success(t(key, { site: progress.site_name }));
      onFollow(started.job_id);
    },
    onError: (error: unknown) => {
      const running = error instanceof ApiError ? error.activeSyncJob() : null;
      if (running) {
        toast.info(t("syncJobs.toast.alreadyRunning", { site: progress.site_name }));
        onFollow(running.job_id);
      }
    },
  });
  const resume = useMutation({
    mutationFn: () => syncJobsApi.resume(api, progress.job_id),
    ...followStarted("syncJobs.toast.resumed"),
  });
  const reprocess = useMutation({
    mutationFn: () => syncJobsApi.reprocess(api, progress.job_id),
    ...followStarted("syncJobs.archive.reprocessed"),
  });
  const retry = useMutation({
    mutationFn: () =>
      syncJobsApi.start(api, progress.site_name, {
        max_jobs: progress.max_jobs,
        ...(progress.full_refresh ? { full_refresh: true } : {}),
      }),
    ...followStarted("syncJobs.toast.retried"),
  });
  const failedToStart = (m: typeof retry | typeof resume | typeof reprocess) =>
    m.isError && !(m.error instanceof ApiError && m.error.activeSyncJob()) ? errorMessage(m.error) : null;

  if (isActiveSyncJobStatus(progress.status)) {
    const cancelling = progress.status === "cancelling";
    return (
      <Button variant="secondary" className="text-red-700" disabled={cancelling} onClick={onCancel}>
        {cancelling ? t("syncJobs.cancelling") : t("syncJobs.cancel")}
      </Button>
    );
  }
  if (progress.status !== "failed" && !progress.resumable && !progress.archive) return null;
  const problem = failedToStart(resume) ?? failedToStart(retry);
  const reprocessProblem = failedToStart(reprocess);
  return (
    <>
      {problem ? (
        <span role="alert" className="text-xs text-red-700">
          {t("syncJobs.retryFailed", { message: problem })}
        </span>
      ) : null}
      {reprocessProblem ? (
        <span role="alert" className="text-xs text-red-700">
          {t("syncJobs.archive.reprocessFailed", { message: reprocessProblem })}
        </span>
      ) : null}
      {progress.archive ? (
        <Button
          variant="secondary"
          disabled={reprocess.isPending}
          title={t("syncJobs.archive.reprocessHint")}
          onClick={() => reprocess.mutate()}
        >
          <Archive className="size-3.5" aria-hidden />
          {reprocess.isPending ? t("syncJobs.archive.reprocessing") : t("syncJobs.archive.reprocess")}
        </Button>
      ) : null}
      {progress.resumable ? (
        <Button
          variant="secondary"
          disabled={resume.isPending}
          title={t("syncJobs.resumeHint")}
          onClick={() => resume.mutate()}
        >
          <Play className="size-3.5" aria-hidden />
          {resume.isPending ? t("syncJobs.retrying") : t("syncJobs.resume")}
        </Button>
      ) : null}
      {progress.status === "failed" ? (
        <Button variant="secondary" disabled={retry.isPending} onClick={() => retry.mutate()}>
          <RotateCcw className="size-3.5" aria-hidden />
          {retry.isPending ? t("syncJobs.retrying") : t("syncJobs.retry")}
        </Button>
      ) : null}
    </>
  );
}
