import type { ScheduleRunOutcome } from "@jobsync/contracts";
import { useQuery } from "@tanstack/react-query";
import { useApi } from "../../app/api-context";
import { useSyncJobLink } from "../../hooks/use-sync-job-link";
import { formatDateTime } from "../../lib/format";
import { errorMessage } from "../../services/api-error";
import { scheduleRunsApi } from "../../services/schedule-runs-api";
import { Badge, type BadgeTone } from "../ui/badge";
import { Dialog, DialogBody, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "../ui/dialog";
import { EmptyState, ErrorState, LoadingState } from "../ui/states";
import { Table, TableBody, TableHead, TableRow, Td, Th } from "../ui/table";

const OUTCOMES: Record<ScheduleRunOutcome, { label: string; tone: BadgeTone }> = {
  started: { label: "Started", tone: "green" },
  skipped_active: { label: "Skipped: still syncing", tone: "amber" },
  skipped_inactive: { label: "Skipped: inactive", tone: "neutral" },
  failed: { label: "Failed", tone: "red" },
};

export interface ScheduleRunsDialogProps {
  siteName: string | null;
  onClose: () => void;
}

/** The last fires of a data source's schedule; a fire's sync job opens in the sync job modal. */
export function ScheduleRunsDialog({ siteName, onClose }: ScheduleRunsDialogProps) {
  return (
    <Dialog open={siteName !== null} onOpenChange={(open) => (open ? undefined : onClose())}>
      {siteName ? <RunsContent siteName={siteName} onClose={onClose} /> : null}
    </Dialog>
  );
}

function RunsContent({ siteName, onClose }: { siteName: string; onClose: () => void }) {
  const api = useApi();
  const syncJob = useSyncJobLink();
  const runs = useQuery({
    queryKey: ["schedule-runs", siteName],
    queryFn: ({ signal }) => scheduleRunsApi.list(api, siteName, 20, signal),
  });
  return (
    <DialogContent width="max-w-2xl">
      <DialogHeader>
        <DialogTitle>Schedule of {siteName}</DialogTitle>
        <DialogDescription>The last fires, newest first.</DialogDescription>
      </DialogHeader>
      <DialogBody>
        {runs.isPending ? (
          <LoadingState label="Loading the schedule's fires…" />
        ) : runs.isError ? (
          <ErrorState
            title="Could not load the fires"
            message={errorMessage(runs.error)}
            onRetry={() => void runs.refetch()}
          />
        ) : runs.data.items.length === 0 ? (
          <EmptyState title="Not fired yet" description="The schedule has not reached its first time." />
        ) : (
          <Table aria-label="Schedule fires">
            <TableHead>
              <tr>
                <Th>Scheduled for</Th>
                <Th>Outcome</Th>
                <Th>Sync job</Th>
              </tr>
            </TableHead>
            <TableBody>
              {runs.data.items.map((run) => (
                <TableRow key={run.id}>
                  <Td className="tabular-nums">{formatDateTime(run.scheduled_for)}</Td>
                  <Td>
                    <Badge tone={OUTCOMES[run.outcome].tone} title={run.message}>
                      {OUTCOMES[run.outcome].label}
                    </Badge>
                  </Td>
                  <Td>
                    {run.job_id ? (
                      <button
                        type="button"
                        className="font-mono text-xs text-blue-700 hover:underline"
                        onClick={() => {
                          onClose();
                          syncJob.open(run.job_id!);
                        }}
                      >
                        {run.job_id.slice(0, 8)}
                      </button>
                    ) : (
                      <span className="text-zinc-400">—</span>
                    )}
                  </Td>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </DialogBody>
    </DialogContent>
  );
}
