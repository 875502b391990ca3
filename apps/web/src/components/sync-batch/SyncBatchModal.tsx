import { type BatchProgress, SYNC_JOB_STATUSES } from "@jobsync/contracts";
import { useQuery } from "@tanstack/react-query";
import { useApi } from "../../app/api-context";
import { formatCount } from "../../lib/format";
import { syncBatchQuery } from "../../queries/sync-batches";
import { errorMessage } from "../../services/api-error";
import { SyncJobStats } from "../sync-job/SyncJobStats";
import { SyncJobStatusBadge } from "../sync-job/status-display";
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

export interface SyncBatchModalProps {
  /** The batch to follow; null keeps the modal closed. */
  batchId: string | null;
  onClose: () => void;
  /** Open one sync job of the batch in the sync job modal. */
  onOpenJob: (jobId: string) => void;
}

/** A multi-site sync: the combined summary of the batch, then each sync job's status and progress. */
export function SyncBatchModal({ batchId, onClose, onOpenJob }: SyncBatchModalProps) {
  return (
    <Dialog open={batchId !== null} onOpenChange={(open) => (open ? undefined : onClose())}>
      {batchId ? <BatchContent key={batchId} batchId={batchId} onClose={onClose} onOpenJob={onOpenJob} /> : null}
    </Dialog>
  );
}

function BatchContent({ batchId, onClose, onOpenJob }: { batchId: string } & Omit<SyncBatchModalProps, "batchId">) {
  const api = useApi();
  const query = useQuery(syncBatchQuery(api, batchId));
  const batch = query.data;
  return (
    <DialogContent width="max-w-3xl">
      <DialogHeader>
        <DialogTitle>
          Batch sync{batch ? `: ${batch.summary.total} data source${batch.summary.total === 1 ? "" : "s"}` : ""}
        </DialogTitle>
        <DialogDescription className="font-mono text-xs" data-testid="sync-batch-id">
          {batchId}
        </DialogDescription>
      </DialogHeader>
      <DialogBody>
        {batch ? (
          <BatchView batch={batch} onOpenJob={onOpenJob} />
        ) : query.isError ? (
          <ErrorState
            title="Could not load the batch"
            message={errorMessage(query.error)}
            onRetry={() => void query.refetch()}
          />
        ) : (
          <LoadingState label="Loading batch…" />
        )}
      </DialogBody>
      <DialogFooter>
        <Button variant="primary" onClick={onClose}>
          Close
        </Button>
      </DialogFooter>
    </DialogContent>
  );
}

function BatchView({ batch, onOpenJob }: { batch: BatchProgress; onOpenJob: (jobId: string) => void }) {
  const { summary } = batch;
  return (
    <div className="flex flex-col gap-4">
      <section aria-label="Batch summary" className="flex flex-col gap-2">
        <div className="flex items-center justify-between text-[13px]">
          <span className="font-medium" data-testid="batch-state">
            {summary.finished ? "Finished" : `${summary.active} of ${summary.total} still active`}
          </span>
          <span className="text-zinc-500 tabular-nums">{Math.round(summary.progress)}%</span>
        </div>
        <Progress value={summary.progress} tone={summary.finished ? "green" : "blue"} aria-label="Batch progress" />
        <div className="flex flex-wrap gap-1.5" data-testid="batch-statuses">
          {SYNC_JOB_STATUSES.filter((status) => summary.by_status[status]).map((status) => (
            <span key={status} className="flex items-center gap-1 text-xs text-zinc-600">
              <SyncJobStatusBadge status={status} />
              {summary.by_status[status]}
            </span>
          ))}
        </div>
      </section>
      <SyncJobStats stats={summary.stats} />
      <Table aria-label="Sync jobs of the batch">
        <TableHead>
          <tr>
            <Th>Data source</Th>
            <Th>Status</Th>
            <Th>Progress</Th>
            <Th className="text-right">Added</Th>
            <Th>
              <span className="sr-only">Open</span>
            </Th>
          </tr>
        </TableHead>
        <TableBody>
          {batch.jobs.map((job) => (
            <TableRow key={job.job_id} data-site={job.site_name}>
              <Td className="font-medium">{job.site_name}</Td>
              <Td>
                <SyncJobStatusBadge status={job.status} />
              </Td>
              <Td className="w-48">
                <Progress
                  value={job.progress}
                  tone={job.status === "completed" ? "green" : job.status === "failed" ? "red" : "blue"}
                  aria-label={`Progress of ${job.site_name}`}
                />
              </Td>
              <Td className="text-right tabular-nums">{formatCount(job.stats.jobs_added)}</Td>
              <Td className="w-0">
                <Button variant="ghost" onClick={() => onOpenJob(job.job_id)} aria-label={`Open ${job.site_name}`}>
                  Open
                </Button>
              </Td>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
