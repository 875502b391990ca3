import { isActiveSyncJobStatus, isFinalSyncJobStatus } from "@jobsync/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useApi } from "../app/api-context";
import { useNow } from "../hooks/use-now";
import { useSyncJobProgress, writeProgress } from "../hooks/use-sync-job-progress";
import { errorMessage } from "../services/api-error";
import { ExportButtons } from "./sync-job/ExportButtons";
import { LiveIndicator } from "./sync-job/LiveIndicator";
import { SyncJobProgressView } from "./sync-job/SyncJobProgressView";
import { SyncJobStatusBadge } from "./sync-job/status-display";
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
}

/** The guide's SyncJobModal: overall progress, live statistics, the nine steps, the final summary, and Cancel. */
export function SyncJobModal({ jobId, onClose }: SyncJobModalProps) {
  return (
    <Dialog open={jobId !== null} onOpenChange={(open) => (open ? undefined : onClose())}>
      {jobId ? <SyncJobDialogContent key={jobId} jobId={jobId} onClose={onClose} /> : null}
    </Dialog>
  );
}

function SyncJobDialogContent({ jobId, onClose }: { jobId: string; onClose: () => void }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const { query, mode } = useSyncJobProgress(jobId);
  const progress = query.data;
  const now = useNow(progress !== undefined && !isFinalSyncJobStatus(progress.status));
  const [confirming, setConfirming] = useState(false);

  const cancel = useMutation({
    mutationFn: () => api.cancelSyncJob(jobId),
    onSuccess: (next) => {
      writeProgress(queryClient, next);
      setConfirming(false);
    },
  });

  const canCancel =
    progress !== undefined && isActiveSyncJobStatus(progress.status) && progress.status !== "cancelling";

  return (
    <DialogContent width="max-w-3xl">
      <DialogHeader>
        <div className="flex items-center gap-2">
          <DialogTitle>Sync job{progress ? `: ${progress.site_name}` : ""}</DialogTitle>
          {progress ? <SyncJobStatusBadge status={progress.status} /> : null}
        </div>
        <DialogDescription className="font-mono text-xs" data-testid="sync-job-id">
          {jobId}
        </DialogDescription>
      </DialogHeader>
      <DialogBody>
        {progress ? (
          <SyncJobProgressView progress={progress} now={now} />
        ) : query.isError ? (
          <ErrorState
            title="Could not load the sync job"
            message={errorMessage(query.error)}
            onRetry={() => void query.refetch()}
          />
        ) : (
          <LoadingState label="Loading sync job…" />
        )}
      </DialogBody>
      <DialogFooter className="justify-between">
        <div className="flex items-center gap-3">
          <LiveIndicator mode={mode} />
          {progress ? <ExportButtons jobId={jobId} /> : null}
        </div>
        <div className="flex gap-2">
          {progress && isActiveSyncJobStatus(progress.status) ? (
            <Button
              variant="secondary"
              className="text-red-700"
              disabled={!canCancel}
              onClick={() => setConfirming(true)}
            >
              {progress.status === "cancelling" ? "Cancelling…" : "Cancel sync"}
            </Button>
          ) : null}
          <Button variant="primary" onClick={onClose}>
            Close
          </Button>
        </div>
      </DialogFooter>
      <ConfirmDialog
        open={confirming}
        onOpenChange={(open) => {
          setConfirming(open);
          if (!open) cancel.reset();
        }}
        title="Cancel this sync job?"
        description={
          <p>
            The sync job for <strong>{progress?.site_name}</strong> stops after the current request. Job postings
            already saved stay saved; Cleanup still runs.
          </p>
        }
        confirmLabel="Cancel sync job"
        cancelLabel="Keep running"
        destructive
        pending={cancel.isPending}
        error={cancel.isError ? errorMessage(cancel.error) : null}
        onConfirm={() => cancel.mutate()}
      />
    </DialogContent>
  );
}
