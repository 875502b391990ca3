import { isActiveSyncJobStatus, isFinalSyncJobStatus } from "@jobsync/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Trans, useTranslation } from "react-i18next";
import { toast } from "sonner";
import { useApi } from "../app/api-context";
import { useTitlePrefix } from "../hooks/use-document-title";
import { useNow } from "../hooks/use-now";
import { useSyncJobProgress, writeProgress } from "../hooks/use-sync-job-progress";
import { errorMessage } from "../services/api-error";
import { syncJobsApi } from "../services/sync-jobs-api";
import { ExportButtons } from "./sync-job/ExportButtons";
import { LiveIndicator } from "./sync-job/LiveIndicator";
import { SyncJobActions } from "./sync-job/SyncJobActions";
import { SyncJobProgressView } from "./sync-job/SyncJobProgressView";
import { SyncJobBadge } from "./sync-job/status-display";
import { useSyncAnnouncement } from "./sync-job/use-sync-announcement";
import { Button } from "./ui/button";
import { ConfirmDialog } from "./ui/confirm-dialog";
import {
  Dialog,
  DialogBody,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "./ui/dialog";
import { ErrorState, LoadingState } from "./ui/states";

export interface SyncJobModalProps {
  /** The sync job to follow; null keeps the modal closed. */
  jobId: string | null;
  onClose: () => void;
  /** Follow another sync job (a retry of this one). */
  onFollow: (jobId: string) => void;
}

/** The guide's SyncJobModal: overall progress, live statistics, the nine steps, the final summary, Cancel, Retry. */
export function SyncJobModal({ jobId, onClose, onFollow }: SyncJobModalProps) {
  return (
    <Dialog open={jobId !== null} onOpenChange={(open) => (open ? undefined : onClose())}>
      {jobId ? <SyncJobDialogContent key={jobId} jobId={jobId} onClose={onClose} onFollow={onFollow} /> : null}
    </Dialog>
  );
}

function SyncJobDialogContent({ jobId, onClose, onFollow }: { jobId: string } & Omit<SyncJobModalProps, "jobId">) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const { query, mode } = useSyncJobProgress(jobId);
  const progress = query.data;
  const active = progress !== undefined && isActiveSyncJobStatus(progress.status);
  const now = useNow(progress !== undefined && !isFinalSyncJobStatus(progress.status));
  const [confirming, setConfirming] = useState(false);
  const announcement = useSyncAnnouncement(progress);
  useTitlePrefix(active ? `${Math.round(progress.progress)}% ${progress.site_name}` : null);

  const cancel = useMutation({
    mutationFn: () => syncJobsApi.cancel(api, jobId),
    onSuccess: (next) => {
      writeProgress(queryClient, next);
      setConfirming(false);
      toast.success(t("syncJobs.toast.cancelRequested", { site: next.site_name }));
    },
  });

  return (
    <DialogContent width="max-w-3xl">
      <DialogHeader>
        <div className="flex flex-wrap items-center gap-2">
          <DialogTitle>
            {progress ? t("syncJobs.modalTitleOf", { site: progress.site_name }) : t("syncJobs.modalTitle")}
          </DialogTitle>
          {progress ? <SyncJobBadge job={progress} /> : null}
        </div>
        <DialogDescription className="font-mono text-xs break-all" data-testid="sync-job-id">
          {jobId}
        </DialogDescription>
      </DialogHeader>
      <div role="status" aria-live="polite" aria-atomic="true" className="sr-only" data-testid="sync-status-region">
        {announcement}
      </div>
      <DialogBody>
        {progress ? (
          <SyncJobProgressView progress={progress} now={now} />
        ) : query.isError ? (
          <ErrorState
            title={t("syncJobs.loadFailed")}
            message={errorMessage(query.error)}
            onRetry={() => void query.refetch()}
          />
        ) : (
          <LoadingState label={t("syncJobs.loading")} />
        )}
      </DialogBody>
      <DialogFooter spread>
        <div className="flex flex-wrap items-center gap-3">
          <LiveIndicator mode={mode} />
          {progress ? (
            <ExportButtons jobId={jobId} archive={progress.archive !== null && isFinalSyncJobStatus(progress.status)} />
          ) : null}
        </div>
        <div className="flex flex-wrap items-center justify-end gap-2">
          {progress ? (
            <SyncJobActions progress={progress} onCancel={() => setConfirming(true)} onFollow={onFollow} />
          ) : null}
          <Button variant="primary" onClick={onClose}>
            {t("common.close")}
          </Button>
        </div>
      </DialogFooter>
      <ConfirmDialog
        open={confirming}
        onOpenChange={(open) => {
          setConfirming(open);
          if (!open) cancel.reset();
        }}
        title={t("syncJobs.cancelConfirm.title")}
        description={
          <p>
            <Trans
              i18nKey="syncJobs.cancelConfirm.description"
              values={{ site: progress?.site_name }}
              components={{ b: <strong /> }}
            />
          </p>
        }
        confirmLabel={t("syncJobs.cancelConfirm.confirm")}
        cancelLabel={t("syncJobs.cancelConfirm.keep")}
        destructive
        pending={cancel.isPending}
        error={cancel.isError ? errorMessage(cancel.error) : null}
        onConfirm={() => cancel.mutate()}
      />
    </DialogContent>
  );
}
