import { type CrawlJobProgress, isActiveSyncJobStatus } from "@jobsync/contracts";
import { useMutation } from "@tanstack/react-query";
import { RotateCcw } from "lucide-react";
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
 * What can be done with a sync job now: Cancel while it runs; Retry once it failed (a new sync job of the same
 * source with the same options: max_jobs, full_refresh). Resume (issue 12: a failed or interrupted sync job carried
 * on from its checkpoint) goes here, before Retry, when the progress says the sync job can be resumed.
 */
export function SyncJobActions({ progress, onCancel, onFollow }: SyncJobActionsProps) {
  const { t } = useTranslation();
  const api = useApi();
  const retry = useMutation({
    mutationFn: () =>
      syncJobsApi.start(api, progress.site_name, {
        max_jobs: progress.max_jobs,
        ...(progress.full_refresh ? { full_refresh: true } : {}),
      }),
    onSuccess: (started) => {
      toast.success(t("syncJobs.toast.retried", { site: progress.site_name }));
      onFollow(started.job_id);
    },
    onError: (error) => {
      const running = error instanceof ApiError ? error.activeSyncJob() : null;
      if (running) {
        toast.info(t("syncJobs.toast.alreadyRunning", { site: progress.site_name }));
        onFollow(running.job_id);
      }
    },
  });

  if (isActiveSyncJobStatus(progress.status)) {
    const cancelling = progress.status === "cancelling";
    return (
      <Button variant="secondary" className="text-red-700" disabled={cancelling} onClick={onCancel}>
        {cancelling ? t("syncJobs.cancelling") : t("syncJobs.cancel")}
      </Button>
    );
  }
  if (progress.status !== "failed") return null;
  return (
    <>
      {retry.isError && !(retry.error instanceof ApiError && retry.error.activeSyncJob()) ? (
        <span role="alert" className="text-xs text-red-700">
          {t("syncJobs.retryFailed", { message: errorMessage(retry.error) })}
        </span>
      ) : null}
      <Button variant="secondary" disabled={retry.isPending} onClick={() => retry.mutate()}>
        <RotateCcw className="size-3.5" aria-hidden />
        {retry.isPending ? t("syncJobs.retrying") : t("syncJobs.retry")}
      </Button>
    </>
  );
}
