import { type BatchProgress, SYNC_JOB_STATUSES } from "@jobsync/contracts";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useApi } from "../../app/api-context";
import { cn } from "../../lib/cn";
import { formatCount } from "../../lib/format";
import { syncBatchQuery } from "../../queries/sync-batches";
import { errorMessage } from "../../services/api-error";
import { SyncJobStats } from "../sync-job/SyncJobStats";
import { SyncJobBadge, SyncJobStatusBadge, syncJobDisplay } from "../sync-job/status-display";
import { Button } from "../ui/button";
import {
  Dialog,
  DialogBody,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "../ui/dialog";
import { Progress } from "../ui/progress";
import { ErrorState, LoadingState } from "../ui/states";
import { Table, TableBody, TableHead, TableRow, Td, Th } from "../ui/table";
import { batchState } from "./batch-outcome";

export interface SyncBatchModalProps {
  /** The batch to follow; null keeps the modal closed. */
  batchId: string | null;
  onClose: () => void;
  /** Open one sync job of the batch in the sync job modal. */
  onOpenJob: (jobId: string) => void;
}

const STATE_TEXT: Record<string, string> = {
  green: "text-emerald-800",
  amber: "text-amber-800",
  red: "text-red-800",
  blue: "text-zinc-900",
  neutral: "text-zinc-900",
};

/** A multi-site sync: the combined summary of the batch, then each sync job's status and progress. */
export function SyncBatchModal({ batchId, onClose, onOpenJob }: SyncBatchModalProps) {
  return (
    <Dialog open={batchId !== null} onOpenChange={(open) => (open ? undefined : onClose())}>
      {batchId ? <BatchContent key={batchId} batchId={batchId} onClose={onClose} onOpenJob={onOpenJob} /> : null}
    </Dialog>
  );
}

function BatchContent({ batchId, onClose, onOpenJob }: { batchId: string } & Omit<SyncBatchModalProps, "batchId">) {
  const { t } = useTranslation();
  const api = useApi();
  const query = useQuery(syncBatchQuery(api, batchId));
  const batch = query.data;
  return (
    <DialogContent width="max-w-3xl">
      <DialogHeader>
        <DialogTitle>{batch ? t("batch.titleOf", { count: batch.summary.total }) : t("batch.title")}</DialogTitle>
        <DialogDescription className="font-mono text-xs break-all" data-testid="sync-batch-id">
          {batchId}
        </DialogDescription>
      </DialogHeader>
      <DialogBody>
        {batch ? (
          <BatchView batch={batch} onOpenJob={onOpenJob} />
        ) : query.isError ? (
          <ErrorState
            title={t("batch.loadFailed")}
            message={errorMessage(query.error)}
            onRetry={() => void query.refetch()}
          />
        ) : (
          <LoadingState label={t("batch.loading")} />
        )}
      </DialogBody>
      <DialogFooter>
        <Button variant="primary" onClick={onClose}>
          {t("common.close")}
        </Button>
      </DialogFooter>
    </DialogContent>
  );
}

function BatchView({ batch, onOpenJob }: { batch: BatchProgress; onOpenJob: (jobId: string) => void }) {
  const { t } = useTranslation();
  const { summary } = batch;
  const state = batchState(t, batch);
  return (
    <div className="flex flex-col gap-4">
      <section aria-label={t("batch.summary")} className="flex flex-col gap-2">
        <div className="flex items-center justify-between gap-3 text-[13px]">
          <span className={cn("font-medium", STATE_TEXT[state.tone])} data-testid="batch-state" data-tone={state.tone}>
            {state.text}
          </span>
          <span className="text-zinc-600 tabular-nums">{Math.round(summary.progress)}%</span>
        </div>
        <Progress value={summary.progress} tone={state.tone} aria-label={t("batch.progress")} />
        <div className="flex flex-wrap gap-1.5" data-testid="batch-statuses">
          {SYNC_JOB_STATUSES.filter((status) => summary.by_status[status]).map((status) => (
            <span key={status} className="flex items-center gap-1 text-xs text-zinc-700">
              <SyncJobStatusBadge status={status} />
              {summary.by_status[status]}
            </span>
          ))}
        </div>
      </section>
      <SyncJobStats stats={summary.stats} />
      <Table aria-label={t("batch.table")}>
        <TableHead>
          <tr>
            <Th>{t("syncHistory.columns.source")}</Th>
            <Th>{t("syncHistory.columns.status")}</Th>
            <Th>{t("batch.progressColumn")}</Th>
            <Th className="text-right">{t("stats.added")}</Th>
            <Th>
              <span className="sr-only">{t("common.open")}</span>
            </Th>
          </tr>
        </TableHead>
        <TableBody>
          {batch.jobs.map((job) => (
            <TableRow key={job.job_id} data-site={job.site_name}>
              <Td className="font-medium">{job.site_name}</Td>
              <Td>
                <SyncJobBadge job={job} />
              </Td>
              <Td className="w-48 min-w-28">
                <Progress
                  value={job.progress}
                  tone={syncJobDisplay(job).tone}
                  aria-label={t("syncHistory.progressOf", { site: job.site_name })}
                />
              </Td>
              <Td className="text-right tabular-nums">{formatCount(job.stats.jobs_added)}</Td>
              <Td className="w-0">
                <Button
                  variant="ghost"
                  onClick={() => onOpenJob(job.job_id)}
                  aria-label={t("batch.open", { site: job.site_name })}
                >
                  {t("common.open")}
                </Button>
              </Td>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
